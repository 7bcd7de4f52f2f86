import type { Request } from "schemagate/markers";

export interface ThreadStartParams {
  model?: string;
  kind: string;
  approvalPolicy: "never" | "always" | "onRequest";
  input: TextInput | ImageInput;
  cwd: string | null;
  /** @maximum 100 */
  limit: number;
}
export interface TextInput {
  type: "text";
  text: string;
}
export interface ImageInput {
  type: "image";
  url: string;
}
export interface ThreadStartResponse {
  threadId: string;
}

/** @methods clientRequest */
export interface ClientRequests {
  "thread/start": Request<ThreadStartParams, ThreadStartResponse>;
}
