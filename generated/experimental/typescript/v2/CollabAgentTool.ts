// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Multi-agent collaboration tool the model invoked. */
export type CollabAgentTool =
  /** Start a new sub-agent. */
  | "spawnAgent"
  /** Send input to a sub-agent. */
  | "sendInput"
  /** Resume a previously closed sub-agent from its rollout history (its base instructions are kept). */
  | "resumeAgent"
  /** Wait for sub-agents to finish. */
  | "wait"
  /** Shut a sub-agent down. */
  | "closeAgent";
