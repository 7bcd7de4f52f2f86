// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** State of a command execution item. */
export type CommandExecutionStatus =
  /** Running. */
  | "inProgress"
  /** Exited (any exit code). */
  | "completed"
  /** Could not be run. */
  | "failed"
  /** The user declined the approval request. */
  | "declined";
