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
export interface ConfigReadParams {
  keys: string[];
}
export interface ConfigReadResponse {
  values: Record<string, string>;
}

/** @methods clientRequest */
export interface ClientRequests {
  "thread/start": Request<ThreadStartParams, ThreadStartResponse>;
  "config/read": Request<ConfigReadParams, ConfigReadResponse>;
}

/** @methods serverNotification */
export interface ServerNotifications {
  "thread/started": Notification<ThreadStartedNotification>;
}
