// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { ModeKind } from "../ModeKind.js";
import type { ReasoningEffort } from "../ReasoningEffort.js";

/** A collaboration mode preset: the fields it sets when applied; null fields are left as they are. */
export type CollaborationModeMask = {
  /** Preset name shown to users. */
  name: string;
  /** Mode kind the preset selects. */
  mode: ModeKind | null;
  /** Model the preset selects. */
  model: string | null;
  /** Reasoning effort the preset selects. Snake_case on the wire, as in codex. */
  reasoning_effort: ReasoningEffort | null;
  /** Developer instructions of the preset. Snake_case on the wire, as in codex. */
  developer_instructions: string | null;
};
