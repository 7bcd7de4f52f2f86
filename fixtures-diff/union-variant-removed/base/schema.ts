import type { Notification, Request } from "schemagate/markers";

export interface ThreadStartParams {
  model: string;
  input: TextInput | ImageInput;
}
export interface ThreadStartResponse {
  threadId: string;
}
export interface ThreadStartedNotification {
  threadId: string;
}

export interface TextInput {
  type: "text";
  text: string;
}
export interface ImageInput {
  type: "image";
  url: string;
}

/** @methods clientRequest */
export interface ClientRequests {
  "thread/start": Request<ThreadStartParams, ThreadStartResponse>;
}

/** @methods serverNotification */
export interface ServerNotifications {
  "thread/started": Notification<ThreadStartedNotification>;
}
