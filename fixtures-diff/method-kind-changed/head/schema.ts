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

/** @methods clientRequest */
export interface ClientRequests {
  "thread/start": Request<ThreadStartParams, ThreadStartResponse>;
}

/** @methods clientNotification */
export interface ClientNotifications {
  "thread/archive": Notification<ThreadArchiveParams>;
}

/** @methods serverNotification */
export interface ServerNotifications {
  "thread/started": Notification<ThreadStartedNotification>;
}
