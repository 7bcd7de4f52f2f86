// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { NetworkApprovalProtocol } from "./NetworkApprovalProtocol.js";

/** Context of a managed-network approval prompt (approvals are deduplicated per host, protocol and port). */
export type NetworkApprovalContext = {
  /** Destination host. */
  host: string;
  /** Destination protocol. */
  protocol: NetworkApprovalProtocol;
};
