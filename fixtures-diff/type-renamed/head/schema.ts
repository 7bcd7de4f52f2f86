import type { Notification, Request } from "schemagate/markers";

export interface ThreadStartParams {
  model: string;
}
export interface ThreadStartResult {
  threadId: string;
}
export interface ThreadStartedNotification {
  threadId: string;
}

/** @methods clientRequest */
export interface ClientRequests {
  "thread/start": Request<ThreadStartParams, ThreadStartResult>;
}

/** @methods serverNotification */
export interface ServerNotifications {
  "thread/started": Notification<ThreadStartedNotification>;
}
