// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { GitInfo } from "./GitInfo.js";
import type { SessionSource } from "./SessionSource.js";
import type { ThreadStatus } from "./ThreadStatus.js";
import type { Turn } from "./Turn.js";

/** A conversation. */
export type Thread = {
  /** Thread id (UUIDv7). */
  id: string;
  /** Usually the first user message, for list previews. */
  preview: string;
  /** Whether the thread is kept in memory only and never written to disk. */
  ephemeral: boolean;
  /** Model provider the thread uses, e.g. `openai`. */
  modelProvider: string;
  /** Unix timestamp (seconds) of creation. */
  createdAt: number;
  /** Unix timestamp (seconds) of the last update. */
  updatedAt: number;
  /** Current runtime status; `notLoaded` for threads not in memory. */
  status: ThreadStatus;
  /** Path of the rollout file on disk; null for ephemeral threads. Unstable. */
  path: string | null;
  /** Working directory of the thread. */
  cwd: string;
  /** Version of the CLI that created the thread. */
  cliVersion: string;
  /** Origin of the thread. */
  source: SessionSource;
  /** Nickname given to a spawned sub-agent, if any. */
  agentNickname: string | null;
  /** Role given to a spawned sub-agent, if any. */
  agentRole: string | null;
  /** Git metadata captured at creation, if the cwd was a repository. */
  gitInfo: GitInfo | null;
  /** User-facing title, if one was set. */
  name: string | null;
  /**
   * Turns with their items. Only filled by `thread/resume`, `thread/fork` and
   * `thread/read` with `includeTurns`; empty everywhere else.
   */
  turns: Turn[];
};
