import type { Notification, Request } from "schemagate/markers";

export interface ThreadStartParams {
  model: string;
}
export interface ThreadStartResponse {
  threadId: string;
}
export interface ThreadStartedNotification {
  threadId: string;
}

export interface ThreadArchiveParams {
  threadId: string;
}
export interface ThreadArchiveResponse {
  archived: boolean;
}

/** @methods clientRequest */
export interface ClientRequests {
  "thread/start": Request<ThreadStartParams, ThreadStartResponse>;
  "thread/archive": Request<ThreadArchiveParams, ThreadArchiveResponse>;
}

/** @methods serverNotification */
export interface ServerNotifications {
  "thread/started": Notification<ThreadStartedNotification>;
}
