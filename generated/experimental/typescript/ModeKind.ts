// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Which collaboration mode preset a turn runs in. */
export type ModeKind =
  /** Conversational planning; the agent only reads and proposes a plan. */
  | "plan"
  /** Normal execution. */
  | "default";
