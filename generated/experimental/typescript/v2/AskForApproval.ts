// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** When the agent asks the client for approval before acting. Kebab-case on the wire. */
export type AskForApproval =
  /** Ask for everything except commands known to be safe. */
  | "untrusted"
  /** Run in the sandbox; ask only when a command fails there and needs to escalate. */
  | "on-failure"
  /** The model decides when to ask. */
  | "on-request"
  /**
   * Choose per category which prompts may reach the user; categories set to
   * false are rejected without asking.
   *
   * @experimental askForApproval.granular
   */
  | {
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
  /** Never ask; failures are returned to the model. */
  | "never";
