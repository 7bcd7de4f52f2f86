// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { FileChangeApprovalDecision } from "./FileChangeApprovalDecision.js";

/** Result of `item/fileChange/requestApproval`. */
export type FileChangeRequestApprovalResponse = {
  /** The client's decision. */
  decision: FileChangeApprovalDecision;
};
