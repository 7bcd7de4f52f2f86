// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { ToolRequestUserInputQuestion } from "./ToolRequestUserInputQuestion.js";

/** Params of `item/tool/requestUserInput`: the agent asks the user one or more questions. */
export type ToolRequestUserInputParams = {
  /** Thread of the request. */
  threadId: string;
  /** Turn of the request. */
  turnId: string;
  /** Item the request belongs to. */
  itemId: string;
  /** Questions to ask. */
  questions: ToolRequestUserInputQuestion[];
};
