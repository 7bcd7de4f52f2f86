// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Why an active thread is blocked on the client. */
export type ThreadActiveFlag =
  /** An approval request is pending. */
  | "waitingOnApproval"
  /** A `item/tool/requestUserInput` request is pending. */
  | "waitingOnUserInput";
