// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

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
  /**
   * The answer is a secret and must be typed into a masked field, not echoed.
   * Marked experimental by schemagate (codex ships it unmarked): a client that
   * cannot mask input must not be asked, so the server sends secret questions
   * only to connections that opted in.
   *
   * @experimental ToolRequestUserInputQuestion.isSecret
   */
  isSecret?: boolean;
  /** Choices to offer; null for a free-form answer. */
  options: ToolRequestUserInputOption[] | null;
};
