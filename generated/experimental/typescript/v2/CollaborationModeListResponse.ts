// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { CollaborationModeMask } from "./CollaborationModeMask.js";

/** Result of `collaborationMode/list`. */
export type CollaborationModeListResponse = {
  /** Available presets. */
  data: CollaborationModeMask[];
};
