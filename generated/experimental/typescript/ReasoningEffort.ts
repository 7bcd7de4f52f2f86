// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** How much reasoning the model should do before answering. */
export type ReasoningEffort =
  /** No reasoning at all. */
  | "none"
  /** The least reasoning the model supports. */
  | "minimal"
  /** Light reasoning. */
  | "low"
  /** Balanced reasoning (the usual default). */
  | "medium"
  /** Deep reasoning. */
  | "high"
  /** The most reasoning the model supports. */
  | "xhigh";
