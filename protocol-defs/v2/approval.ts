/**
 * Approvals: the policy deciding when the agent must ask, and the
 * server-to-client requests that ask (`item/commandExecution/requestApproval`,
 * `item/fileChange/requestApproval`) with the client's decisions.
 */
import type { CommandAction } from "./item.js";

// === Policy ===

/** When the agent asks the client for approval before acting. Kebab-case on the wire. */
export type AskForApproval =
  | /** Ask for everything except commands known to be safe. */ "untrusted"
  | /** Run in the sandbox; ask only when a command fails there and needs to escalate. */ "on-failure"
  | /** The model decides when to ask. */ "on-request"
  | /**
     * Choose per category which prompts may reach the user; categories set to
     * false are rejected without asking.
     * @experimental askForApproval.granular
     */ {
      /** Per-category switches. Snake_case on the wire, as in codex. */
      granular: {
        /** Allow sandbox escalation prompts for shell commands. */
        sandbox_approval: boolean;
        /** Allow prompts triggered by execpolicy `prompt` rules. */
        rules: boolean;
        /** Allow prompts for running skill scripts; false when omitted. */
        skill_approval?: boolean;
        /** Allow prompts for additional permissions; false when omitted. */
        request_permissions?: boolean;
        /** Allow MCP elicitation prompts. */
        mcp_elicitations: boolean;
      };
    }
  | /** Never ask; failures are returned to the model. */ "never";

// === Command execution approval ===

/** Command prefix (argv) that an execpolicy amendment would allow from now on. */
export type ExecPolicyAmendment = string[];

/** What a network policy rule does. */
export type NetworkPolicyRuleAction =
  | /** Allow the destination. */ "allow"
  | /** Deny the destination. */ "deny";

/** A persistent allow/deny rule for a network destination. */
export interface NetworkPolicyAmendment {
  /** Host the rule applies to. */
  host: string;
  /** Allow or deny. */
  action: NetworkPolicyRuleAction;
}

/** Protocol of a network access awaiting approval. */
export type NetworkApprovalProtocol =
  | /** Plain HTTP. */ "http"
  | /** HTTPS (CONNECT). */ "https"
  | /** SOCKS5 TCP. */ "socks5Tcp"
  | /** SOCKS5 UDP. */ "socks5Udp";

/** Context of a managed-network approval prompt (approvals are deduplicated per host, protocol and port). */
export interface NetworkApprovalContext {
  /** Destination host. */
  host: string;
  /** Destination protocol. */
  protocol: NetworkApprovalProtocol;
}

/** Extra network permission requested for a command. */
export interface AdditionalNetworkPermissions {
  /** Whether network access is requested. */
  enabled: boolean | null;
}

/** Extra file system permissions requested for a command. */
export interface AdditionalFileSystemPermissions {
  /** Absolute paths to be made readable. */
  read: string[] | null;
  /** Absolute paths to be made writable. */
  write: string[] | null;
}

/** Permissions a command asks for beyond the sandbox policy. */
export interface AdditionalPermissionProfile {
  /** Network permissions, if requested. */
  network: AdditionalNetworkPermissions | null;
  /** File system permissions, if requested. */
  fileSystem: AdditionalFileSystemPermissions | null;
}

/**
 * The client's answer to a command approval request. Mirrors codex's wire
 * shape: plain strings for simple decisions, single-key objects for decisions
 * that carry data.
 */
export type CommandExecutionApprovalDecision =
  | /** Run the command once. */ "accept"
  | /** Run it, and run matching requests without asking for the rest of the session. */ "acceptForSession"
  | /** Run it, and add the proposed execpolicy rule so matching commands no longer prompt. */ {
      /** Decision data. Snake_case on the wire, as in codex. */
      acceptWithExecpolicyAmendment: {
        /** The command prefix to allow. */
        execpolicy_amendment: ExecPolicyAmendment;
      };
    }
  | /** Apply a persistent allow/deny rule for the network destination. */ {
      /** Decision data. Snake_case on the wire, as in codex. */
      applyNetworkPolicyAmendment: {
        /** The rule to apply. */
        network_policy_amendment: NetworkPolicyAmendment;
      };
    }
  | /** Do not run it; the turn continues. */ "decline"
  | /** Do not run it and interrupt the turn. */ "cancel";

/** Params of `item/commandExecution/requestApproval`: ask the client whether a command may run. */
export interface CommandExecutionRequestApprovalParams {
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
   * @experimental item/commandExecution/requestApproval.availableDecisions
   */
  availableDecisions?: CommandExecutionApprovalDecision[] | null;
}

/** Result of `item/commandExecution/requestApproval`. */
export interface CommandExecutionRequestApprovalResponse {
  /** The client's decision. */
  decision: CommandExecutionApprovalDecision;
}

// === File change approval ===

/** The client's answer to a file change approval request. */
export type FileChangeApprovalDecision =
  | /** Apply the changes. */ "accept"
  | /** Apply them, and apply later changes to the same files without asking. */ "acceptForSession"
  | /** Do not apply them; the turn continues. */ "decline"
  | /** Do not apply them and interrupt the turn. */ "cancel";

/** Params of `item/fileChange/requestApproval`: ask the client whether file changes may be applied. */
export interface FileChangeRequestApprovalParams {
  /** Thread of the change. */
  threadId: string;
  /** Turn of the change. */
  turnId: string;
  /** The `fileChange` item this approval belongs to. */
  itemId: string;
  /** Why approval is needed (e.g. writes outside the workspace). */
  reason?: string | null;
  /** Root the agent asks to write under for the rest of the session. Unstable. */
  grantRoot?: string | null;
}

/** Result of `item/fileChange/requestApproval`. */
export interface FileChangeRequestApprovalResponse {
  /** The client's decision. */
  decision: FileChangeApprovalDecision;
}
