import type { Request } from "schemagate/markers";

export interface Identified {
  id: string;
}
export interface Size {
  width: number;
}
/** An alias of an alias: the fields are declared in `Size`. */
export type Sized = Size;
/** Other keys hold numbers. */
export type Extra = Record<string, number>;

export type ThreadStartParams = Identified & { model?: string } & Sized & Extra;
export interface ThreadStartResponse {
  threadId: string;
}

/** @methods clientRequest */
export interface ClientRequests {
  "thread/start": Request<ThreadStartParams, ThreadStartResponse>;
}
