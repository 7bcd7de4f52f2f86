// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** The client's answer to a file change approval request. */
export type FileChangeApprovalDecision =
  /** Apply the changes. */
  | "accept"
  /** Apply them, and apply later changes to the same files without asking. */
  | "acceptForSession"
  /** Do not apply them; the turn continues. */
  | "decline"
  /** Do not apply them and interrupt the turn. */
  | "cancel";
