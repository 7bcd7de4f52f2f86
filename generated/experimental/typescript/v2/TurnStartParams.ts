// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { CollaborationMode } from "../CollaborationMode.js";
import type { Personality } from "../Personality.js";
import type { ReasoningEffort } from "../ReasoningEffort.js";
import type { ReasoningSummary } from "../ReasoningSummary.js";
import type { ServiceTier } from "../ServiceTier.js";
import type { AskForApproval } from "./AskForApproval.js";
import type { SandboxPolicy } from "./SandboxPolicy.js";
import type { UserInput } from "./UserInput.js";

/** Params of `turn/start`: send user input and run a new turn. Overrides apply to this turn and the following ones. */
export type TurnStartParams = {
  /** Thread to run the turn in. */
  threadId: string;
  /** User input for the turn. */
  input: UserInput[];
  /** Working directory override. */
  cwd?: string | null;
  /** Approval policy override. */
  approvalPolicy?: AskForApproval | null;
  /** Sandbox policy override. */
  sandboxPolicy?: SandboxPolicy | null;
  /** Model override. */
  model?: string | null;
  /** Service tier override. */
  serviceTier?: ServiceTier | null;
  /** Reasoning effort override. */
  effort?: ReasoningEffort | null;
  /** Reasoning summary override. */
  summary?: ReasoningSummary | null;
  /** Personality override. */
  personality?: Personality | null;
  /** JSON Schema the final assistant message of this turn must satisfy (this turn only). */
  outputSchema?: unknown;
  /**
   * Collaboration mode preset for the turn; takes precedence over `model`,
   * `effort` and developer instructions. For
   * `collaborationMode.settings.developer_instructions`, `null` means "use the
   * built-in instructions for the selected mode", not "no instructions".
   *
   * @experimental turn/start.collaborationMode
   */
  collaborationMode?: CollaborationMode | null;
};
