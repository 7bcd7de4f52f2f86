/**
 * Types shared by protocol versions. In codex these come from the core
 * protocol crate and are emitted at the top level of the schema (not under
 * `v2/`), so they live in the root namespace here too.
 */

/** How much reasoning the model should do before answering. */
export type ReasoningEffort =
  | /** No reasoning at all. */ "none"
  | /** The least reasoning the model supports. */ "minimal"
  | /** Light reasoning. */ "low"
  | /** Balanced reasoning (the usual default). */ "medium"
  | /** Deep reasoning. */ "high"
  | /** The most reasoning the model supports. */ "xhigh";

/** How detailed the reasoning summaries streamed to the client are. */
export type ReasoningSummary =
  | /** Let the model choose. */ "auto"
  | /** Short summaries. */ "concise"
  | /** Long summaries. */ "detailed"
  | /** No summaries. */ "none";

/** Conversational style the agent adopts. */
export type Personality =
  | /** No personality instructions. */ "none"
  | /** Warm and encouraging. */ "friendly"
  | /** Terse and to the point. */ "pragmatic";

/** Processing tier requested for model calls. */
export type ServiceTier =
  | /** Lower latency at a higher price. */ "fast"
  | /** Cheaper, best-effort latency. */ "flex";

/** Kind of input a model accepts. */
export type InputModality =
  | /** Plain text. */ "text"
  | /** Images (URLs, data URLs or local files). */ "image";

/** How the web search tool may be used. */
export type WebSearchMode =
  | /** Web search is off. */ "disabled"
  | /** Only cached search results are used; no live fetches. */ "cached"
  | /** Live web requests are allowed. */ "live";

/** Which collaboration mode preset a turn runs in. */
export type ModeKind =
  | /** Conversational planning; the agent only reads and proposes a plan. */ "plan"
  | /** Normal execution. */ "default";

/** Settings of a collaboration mode. Field names are snake_case on the wire, as in codex. */
export interface Settings {
  /** Model to use while the mode is active. */
  model: string;
  /** Reasoning effort while the mode is active; null keeps the model default. */
  reasoning_effort: ReasoningEffort | null;
  /**
   * Developer instructions injected for the mode. `null` means "use the
   * built-in instructions for the selected mode" (it does not clear them).
   */
  developer_instructions: string | null;
}

/** A collaboration mode: a preset kind plus the settings to run it with. */
export interface CollaborationMode {
  /** Preset kind. */
  mode: ModeKind;
  /** Model, effort and instructions for the mode. */
  settings: Settings;
}

/** Why a sub-agent thread exists. */
export type SubAgentSource =
  | /** Spawned to run a code review. */ "review"
  | /** Spawned to compact a conversation. */ "compact"
  | /** Spawned by another thread through the collab `spawnAgent` tool. */ {
      /** Details of the spawning thread. */
      thread_spawn: {
        /** Thread that spawned this one. */
        parent_thread_id: string;
        /** Nesting depth; direct children of a user thread have depth 1. */
        depth: number;
      };
    }
  | /** Any other sub-agent origin, by free-form label. */ {
      /** Free-form origin label. */
      other: string;
    };
