// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Lifecycle state of a turn. */
export type TurnStatus =
  /** Finished normally. */
  | "completed"
  /** Stopped by `turn/interrupt` or a `cancel` approval decision. */
  | "interrupted"
  /** Ended with an error; see `Turn.error`. */
  | "failed"
  /** Still running. */
  | "inProgress";
