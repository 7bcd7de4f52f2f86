// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Origin filter values for `thread/list`. */
export type ThreadSourceKind =
  /** Threads from the interactive CLI. */
  | "cli"
  /** Threads from the VS Code extension. */
  | "vscode"
  /** Threads from `codex exec`. */
  | "exec"
  /** Threads from app-server clients. */
  | "appServer"
  /** Any sub-agent thread. */
  | "subAgent"
  /** Review sub-agents. */
  | "subAgentReview"
  /** Compaction sub-agents. */
  | "subAgentCompact"
  /** Sub-agents spawned by the collab `spawnAgent` tool. */
  | "subAgentThreadSpawn"
  /**
   * Sub-agents with a free-form origin label (`SubAgentSource.other`). Marked
   * experimental by schemagate (codex ships it unmarked): those labels are not
   * a settled vocabulary yet, so filtering on them is opt-in.
   *
   * @experimental ThreadSourceKind.subAgentOther
   */
  | "subAgentOther"
  /** Threads whose origin was not recorded. */
  | "unknown";
