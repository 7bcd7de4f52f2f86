import type { Notification, Request } from "schemagate/markers";

export interface ThreadStartParams {
  approvalPolicy: "onRequest" | "never";
  cwd?: string;
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
  "thread/archive": Request<ThreadArchiveParams, ThreadArchiveResponse>;
  "thread/start": Request<ThreadStartParams, ThreadStartResponse>;
}

/** @methods serverNotification */
export interface ServerNotifications {
  "thread/started": Notification<ThreadStartedNotification>;
}
