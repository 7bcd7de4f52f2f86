// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** State of a collab tool call item. */
export type CollabAgentToolCallStatus =
  /** Running. */
  | "inProgress"
  /** Done. */
  | "completed"
  /** Failed. */
  | "failed";
