import type { Request } from "schemagate/markers";

export interface ThreadStartResponse {
  model: string;
  kind: "start";
  approvalPolicy: "never" | "always";
  input: TextInput;
  cwd: string;
  /** @maximum 50 */
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
export interface ThreadStartParams {
  threadId: string;
}

/** @methods clientRequest */
export interface ClientRequests {
  "thread/start": Request<ThreadStartParams, ThreadStartResponse>;
}
