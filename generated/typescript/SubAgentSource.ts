// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Why a sub-agent thread exists. */
export type SubAgentSource =
  /** Spawned to run a code review. */
  | "review"
  /** Spawned to compact a conversation. */
  | "compact"
  /** Spawned by another thread through the collab `spawnAgent` tool. */
  | {
      /** Details of the spawning thread. */
      thread_spawn: {
        /** Thread that spawned this one. */
        parent_thread_id: string;
        /** Nesting depth; direct children of a user thread have depth 1. */
        depth: number;
      };
    }
  /** Any other sub-agent origin, by free-form label. */
  | {
      /** Free-form origin label. */
      other: string;
    };
