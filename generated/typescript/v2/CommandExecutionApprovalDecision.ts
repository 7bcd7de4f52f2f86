// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { ExecPolicyAmendment } from "./ExecPolicyAmendment.js";
import type { NetworkPolicyAmendment } from "./NetworkPolicyAmendment.js";

/**
 * The client's answer to a command approval request. Mirrors codex's wire
 * shape: plain strings for simple decisions, single-key objects for decisions
 * that carry data.
 */
export type CommandExecutionApprovalDecision =
  /** Run the command once. */
  | "accept"
  /** Run it, and run matching requests without asking for the rest of the session. */
  | "acceptForSession"
  /** Run it, and add the proposed execpolicy rule so matching commands no longer prompt. */
  | {
      /** Decision data. Snake_case on the wire, as in codex. */
      acceptWithExecpolicyAmendment: {
        /** The command prefix to allow. */
        execpolicy_amendment: ExecPolicyAmendment;
      };
    }
  /** Apply a persistent allow/deny rule for the network destination. */
  | {
      /** Decision data. Snake_case on the wire, as in codex. */
      applyNetworkPolicyAmendment: {
        /** The rule to apply. */
        network_policy_amendment: NetworkPolicyAmendment;
      };
    }
  /** Do not run it; the turn continues. */
  | "decline"
  /** Do not run it and interrupt the turn. */
  | "cancel";
