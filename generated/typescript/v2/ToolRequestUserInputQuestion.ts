// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { ToolRequestUserInputOption } from "./ToolRequestUserInputOption.js";

/** One question the agent asks the user. */
export type ToolRequestUserInputQuestion = {
  /** Question id; key of its answer in the response. */
  id: string;
  /** Short header shown above the question. */
  header: string;
  /** The question text. */
  question: string;
  /** Whether a free-form "other" answer is offered besides the options. */
  isOther: boolean;
  /** Choices to offer; null for a free-form answer. */
  options: ToolRequestUserInputOption[] | null;
};
