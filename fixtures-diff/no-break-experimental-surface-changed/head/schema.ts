import type { Notification, Request } from "schemagate/markers";

export interface ThreadStartParams {
  model: string;
  /** @experimental */
  effort: string;
}
export interface ThreadStartResponse {
  threadId: string;
}
export interface ThreadStartedNotification {
  threadId: string;
}
export interface ThreadArchiveParams {
  id: number;
}
export interface ThreadArchiveResponse {}

/** @methods clientRequest */
export interface ClientRequests {
  "thread/start": Request<ThreadStartParams, ThreadStartResponse>;
  /** @experimental */
  "thread/archive": Request<ThreadArchiveParams, ThreadArchiveResponse>;
}

/** @methods serverNotification */
export interface ServerNotifications {
  "thread/started": Notification<ThreadStartedNotification>;
}
