// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { ReasoningEffort } from "./ReasoningEffort.js";

/** Settings of a collaboration mode. Field names are snake_case on the wire, as in codex. */
export type Settings = {
  /** Model to use while the mode is active. */
  model: string;
  /** Reasoning effort while the mode is active; null keeps the model default. */
  reasoning_effort: ReasoningEffort | null;
  /**
   * Developer instructions injected for the mode. `null` means "use the
   * built-in instructions for the selected mode" (it does not clear them).
   */
  developer_instructions: string | null;
};
