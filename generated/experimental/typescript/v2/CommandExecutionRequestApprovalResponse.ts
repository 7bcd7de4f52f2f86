// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { CommandExecutionApprovalDecision } from "./CommandExecutionApprovalDecision.js";

/** Result of `item/commandExecution/requestApproval`. */
export type CommandExecutionRequestApprovalResponse = {
  /** The client's decision. */
  decision: CommandExecutionApprovalDecision;
};
