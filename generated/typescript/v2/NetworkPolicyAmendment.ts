// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { NetworkPolicyRuleAction } from "./NetworkPolicyRuleAction.js";

/** A persistent allow/deny rule for a network destination. */
export type NetworkPolicyAmendment = {
  /** Host the rule applies to. */
  host: string;
  /** Allow or deny. */
  action: NetworkPolicyRuleAction;
};
