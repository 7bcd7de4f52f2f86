// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Params of `item/tool/call`: the model called a dynamic tool; the client runs it and answers. */
export type DynamicToolCallParams = {
  /** Thread of the call. */
  threadId: string;
  /** Turn of the call. */
  turnId: string;
  /** Call id; also the id of the `dynamicToolCall` item. */
  callId: string;
  /** Tool name. */
  tool: string;
  /** Arguments chosen by the model. */
  arguments: unknown;
};
