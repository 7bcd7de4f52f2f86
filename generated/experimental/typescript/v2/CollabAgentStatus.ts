// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Last known state of a sub-agent. */
export type CollabAgentStatus =
  /** Being initialised. */
  | "pendingInit"
  /** Working. */
  | "running"
  /** Interrupted. */
  | "interrupted"
  /** Finished. */
  | "completed"
  /** Failed. */
  | "errored"
  /** Shut down. */
  | "shutdown"
  /** No such agent. */
  | "notFound";
