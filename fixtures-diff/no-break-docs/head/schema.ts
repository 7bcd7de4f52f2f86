import type { Notification, Request } from "schemagate/markers";

export interface ThreadStartParams {
  /** The model to use, e.g. `gpt-5`. @deprecated use profile */
  model: string;
}
export interface ThreadStartResponse {
  /** Opaque id. */
  threadId: string;
}
export interface ThreadStartedNotification {
  threadId: string;
}

/** @methods clientRequest */
export interface ClientRequests {
  "thread/start": Request<ThreadStartParams, ThreadStartResponse>;
}

/** @methods serverNotification */
export interface ServerNotifications {
  "thread/started": Notification<ThreadStartedNotification>;
}
