// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { InputModality } from "../InputModality.js";
import type { ReasoningEffort } from "../ReasoningEffort.js";
import type { ReasoningEffortOption } from "./ReasoningEffortOption.js";

/** A model the server can run. */
export type Model = {
  /** Catalogue id. */
  id: string;
  /** Model slug sent upstream. */
  model: string;
  /** Id of the model users are encouraged to switch to, if any. */
  upgrade: string | null;
  /** Name shown to users. */
  displayName: string;
  /** Short description shown to users. */
  description: string;
  /**
   * Whether the model belongs in the default picker. `model/list` returns every
   * model; clients filter on this flag.
   */
  showInPicker: boolean;
  /** Reasoning efforts the model supports. */
  supportedReasoningEfforts: ReasoningEffortOption[];
  /** Effort used when none is requested. */
  defaultReasoningEffort: ReasoningEffort;
  /** Kinds of input the model accepts. */
  inputModalities: InputModality[];
  /** Whether the model honours `personality`. */
  supportsPersonality: boolean;
  /** Whether this is the default model; at most one is. */
  isDefault: boolean;
};
