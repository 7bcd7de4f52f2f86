import type { Notification, Request } from "schemagate/markers";

export interface ThreadStartParams {
  model: string;
}
export interface ThreadStartResponse {
  threadId: string;
}
export interface ThreadStartedNotification {
  threadId: string;
  startedAt?: number;
}

/** @methods clientRequest */
export interface ClientRequests {
  "thread/start": Request<ThreadStartParams, ThreadStartResponse>;
}

/** @methods serverNotification */
export interface ServerNotifications {
  "thread/started": Notification<ThreadStartedNotification>;
}
