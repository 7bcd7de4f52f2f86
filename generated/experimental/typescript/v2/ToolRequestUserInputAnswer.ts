// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** The user's answer to one question. */
export type ToolRequestUserInputAnswer = {
  /** Chosen option labels or typed text. */
  answers: string[];
};
