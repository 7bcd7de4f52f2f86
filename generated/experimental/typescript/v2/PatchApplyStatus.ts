// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** State of a file change item. */
export type PatchApplyStatus =
  /** Being applied. */
  | "inProgress"
  /** Applied. */
  | "completed"
  /** Failed to apply. */
  | "failed"
  /** The user declined the approval request. */
  | "declined";
