// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { ToolRequestUserInputAnswer } from "./ToolRequestUserInputAnswer.js";

/** Result of `item/tool/requestUserInput`. */
export type ToolRequestUserInputResponse = {
  /** Answers keyed by question id. */
  answers: { [key in string]?: ToolRequestUserInputAnswer };
};
