/**
 * Collaboration mode presets (`collaborationMode/list`). The mode itself
 * (`CollaborationMode`, `ModeKind`, `Settings`) is shared and lives in the
 * root namespace, as in codex.
 */
import type { ModeKind, ReasoningEffort } from "../shared.js";

/** Params of `collaborationMode/list` (empty). */
export interface CollaborationModeListParams {}

/** A collaboration mode preset: the fields it sets when applied; null fields are left as they are. */
export interface CollaborationModeMask {
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
}

/** Result of `collaborationMode/list`. */
export interface CollaborationModeListResponse {
  /** Available presets. */
  data: CollaborationModeMask[];
}
