// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** How detailed the reasoning summaries streamed to the client are. */
export type ReasoningSummary =
  /** Let the model choose. */
  | "auto"
  /** Short summaries. */
  | "concise"
  /** Long summaries. */
  | "detailed"
  /** No summaries. */
  | "none";
