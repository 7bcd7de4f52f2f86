// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { ReasoningEffort } from "../ReasoningEffort.js";

/** A reasoning effort a model supports, with a description for pickers. */
export type ReasoningEffortOption = {
  /** The effort level. */
  reasoningEffort: ReasoningEffort;
  /** What the level means for this model. */
  description: string;
};
