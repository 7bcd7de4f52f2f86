// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { Personality } from "../Personality.js";
import type { ServiceTier } from "../ServiceTier.js";
import type { AskForApproval } from "./AskForApproval.js";
import type { DynamicToolSpec } from "./DynamicToolSpec.js";
import type { SandboxMode } from "./SandboxMode.js";

/** Params of `thread/start`: create a thread, optionally overriding configuration. */
export type ThreadStartParams = {
  /** Model to use instead of the configured default. */
  model?: string | null;
  /** Model provider to use instead of the configured default. */
  modelProvider?: string | null;
  /** Service tier for model calls. */
  serviceTier?: ServiceTier | null;
  /** Working directory; defaults to the server's cwd. */
  cwd?: string | null;
  /** When to ask the client for approval. */
  approvalPolicy?: AskForApproval | null;
  /** Sandbox mode for commands run by the agent. */
  sandbox?: SandboxMode | null;
  /** Config overrides, keyed by dotted config path (as with `-c key=value`). */
  config?: { [key in string]?: unknown } | null;
  /** Name of the client service creating the thread, reported upstream instead of the app-server's own. */
  serviceName?: string | null;
  /** Replaces the built-in base instructions. */
  baseInstructions?: string | null;
  /** Extra developer instructions added to the conversation. */
  developerInstructions?: string | null;
  /** Conversational style. */
  personality?: Personality | null;
  /** Keep the thread in memory only; nothing is written to disk. */
  ephemeral?: boolean | null;
  /**
   * Client-implemented tools the model may call. Calls arrive as
   * `item/tool/call` requests and are recorded as `dynamicToolCall` items.
   *
   * @experimental thread/start.dynamicTools
   */
  dynamicTools?: DynamicToolSpec[] | null;
  /**
   * Persist the extended event set (commands, file changes, tool calls,
   * errors…) so `thread/resume`, `thread/fork` and `thread/read` can rebuild
   * every item without loss.
   *
   * @experimental thread/start.persistFullHistory
   */
  persistExtendedHistory?: boolean;
};
