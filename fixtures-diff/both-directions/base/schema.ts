import type { Notification, Request } from "schemagate/markers";

export interface ThreadStartParams {
  config: ThreadConfig;
}
export interface ThreadStartResponse {
  threadId: string;
}
export interface ThreadStartedNotification {
  threadId: string;
  config: ThreadConfig;
}

export interface ThreadConfig {
  model: string;
}

/** @methods clientRequest */
export interface ClientRequests {
  "thread/start": Request<ThreadStartParams, ThreadStartResponse>;
}

/** @methods serverNotification */
export interface ServerNotifications {
  "thread/started": Notification<ThreadStartedNotification>;
}
