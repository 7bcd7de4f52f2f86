// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { AdditionalPermissionProfile } from "./AdditionalPermissionProfile.js";
import type { CommandAction } from "./CommandAction.js";
import type { CommandExecutionApprovalDecision } from "./CommandExecutionApprovalDecision.js";
import type { ExecPolicyAmendment } from "./ExecPolicyAmendment.js";
import type { NetworkApprovalContext } from "./NetworkApprovalContext.js";
import type { NetworkPolicyAmendment } from "./NetworkPolicyAmendment.js";

/** Params of `item/commandExecution/requestApproval`: ask the client whether a command may run. */
export type CommandExecutionRequestApprovalParams = {
  /** Thread of the command. */
  threadId: string;
  /** Turn of the command. */
  turnId: string;
  /** The `commandExecution` item this approval belongs to. */
  itemId: string;
  /**
   * Distinguishes several approval callbacks for one item (e.g. each
   * subcommand intercepted by the zsh exec bridge); absent for a single
   * shell approval.
   */
  approvalId?: string | null;
  /** Why approval is needed (e.g. network access). */
  reason?: string | null;
  /** Set when the prompt is about a managed-network destination. */
  networkApprovalContext?: NetworkApprovalContext | null;
  /** The command line. */
  command?: string | null;
  /** Working directory of the command. */
  cwd?: string | null;
  /** Best-effort parse of the command, for display. */
  commandActions?: CommandAction[] | null;
  /**
   * Permissions the command needs beyond the sandbox policy.
   *
   * @experimental item/commandExecution/requestApproval.additionalPermissions
   */
  additionalPermissions?: AdditionalPermissionProfile | null;
  /** Execpolicy rule that would allow similar commands without prompting. */
  proposedExecpolicyAmendment?: ExecPolicyAmendment | null;
  /** Network rules (allow/deny host) the user may persist. */
  proposedNetworkPolicyAmendments?: NetworkPolicyAmendment[] | null;
  /**
   * The exact, ordered list of decisions to offer for this prompt. Preferred
   * over inferring choices from the other fields; older servers omit it.
   *
   * @experimental item/commandExecution/requestApproval.availableDecisions
   */
  availableDecisions?: CommandExecutionApprovalDecision[] | null;
};
