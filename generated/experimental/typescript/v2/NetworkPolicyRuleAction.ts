// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** What a network policy rule does. */
export type NetworkPolicyRuleAction =
  /** Allow the destination. */
  | "allow"
  /** Deny the destination. */
  | "deny";
