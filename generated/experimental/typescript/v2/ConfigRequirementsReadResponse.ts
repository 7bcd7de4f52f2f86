// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { ConfigRequirements } from "./ConfigRequirements.js";

/** Result of `configRequirements/read` (the method takes no params). */
export type ConfigRequirementsReadResponse = {
  /** The requirements; null when none are configured. */
  requirements: ConfigRequirements | null;
};
