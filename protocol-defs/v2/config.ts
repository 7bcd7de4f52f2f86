/** Administrator requirements (`configRequirements/read`). */
import type { WebSearchMode } from "../shared.js";
import type { AskForApproval } from "./approval.js";
import type { SandboxMode } from "./sandbox.js";

/** Data residency the administrator enforces; `us` keeps data in the United States. */
export type ResidencyRequirement = "us";

/** Managed network proxy requirements. Trimmed to the fields clients display. */
export interface NetworkRequirements {
  /** Whether the managed network proxy is enabled. */
  enabled: boolean | null;
  /** Port of the HTTP proxy. */
  httpPort: number | null;
  /** Port of the SOCKS proxy. */
  socksPort: number | null;
  /** Domains that are always allowed. */
  allowedDomains: string[] | null;
  /** Domains that are always denied. */
  deniedDomains: string[] | null;
  /** Whether commands may bind local ports. */
  allowLocalBinding: boolean | null;
}

/**
 * Constraints from requirements.toml or MDM that user configuration cannot
 * override. A null list means "no constraint".
 */
export interface ConfigRequirements {
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
  featureRequirements: Record<string, boolean> | null;
  /** Enforced data residency. */
  enforceResidency: ResidencyRequirement | null;
  /**
   * Managed network proxy requirements.
   * @experimental configRequirements/read.network
   */
  network?: NetworkRequirements | null;
}

/** Result of `configRequirements/read` (the method takes no params). */
export interface ConfigRequirementsReadResponse {
  /** The requirements; null when none are configured. */
  requirements: ConfigRequirements | null;
}
