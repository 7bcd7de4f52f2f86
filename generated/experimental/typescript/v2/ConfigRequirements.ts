// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { WebSearchMode } from "../WebSearchMode.js";
import type { AskForApproval } from "./AskForApproval.js";
import type { NetworkRequirements } from "./NetworkRequirements.js";
import type { ResidencyRequirement } from "./ResidencyRequirement.js";
import type { SandboxMode } from "./SandboxMode.js";

/**
 * Constraints from requirements.toml or MDM that user configuration cannot
 * override. A null list means "no constraint".
 */
export type ConfigRequirements = {
  /** Approval policies the user may choose. */
  allowedApprovalPolicies: AskForApproval[] | null;
  /** Sandbox modes the user may choose. */
  allowedSandboxModes: SandboxMode[] | null;
  /**
   * Web search modes the user may choose. `disabled` is always allowed even
   * when not listed, and an empty list means `["disabled"]`.
   */
  allowedWebSearchModes: WebSearchMode[] | null;
  /** Feature flags pinned on or off, keyed by feature name. */
  featureRequirements: { [key in string]?: boolean } | null;
  /** Enforced data residency. */
  enforceResidency: ResidencyRequirement | null;
  /**
   * Managed network proxy requirements.
   *
   * @experimental configRequirements/read.network
   */
  network?: NetworkRequirements | null;
};
