/**
 * Threads: conversations between a user and the agent. A thread holds turns,
 * turns hold items. These are the lifecycle methods (start, resume, fork,
 * read, list, archive, unsubscribe, compact) and their notifications.
 */
import { experimental } from "schemagate/markers";
import type { Personality, ReasoningEffort, ServiceTier, SubAgentSource } from "../shared.js";
import type { AskForApproval } from "./approval.js";
import type { SandboxMode, SandboxPolicy } from "./sandbox.js";
import type { DynamicToolSpec } from "./tool.js";
import type { Turn } from "./turn.js";

// === Thread object ===

/** Runtime state of a thread on this server. */
export type ThreadStatus =
  | /** The thread is not loaded in memory (never loaded, or closed after the last subscriber left). */ {
      /** Variant tag. */
      type: "notLoaded";
    }
  | /** Loaded and waiting for input. */ {
      /** Variant tag. */
      type: "idle";
    }
  | /** Loaded but failed in a way that needs user attention (e.g. the session could not start). */ {
      /** Variant tag. */
      type: "systemError";
    }
  | /** A turn is running. */ {
      /** Variant tag. */
      type: "active";
      /** What the running turn is waiting on, if anything; empty while it works on its own. */
      activeFlags: ThreadActiveFlag[];
    };

/** Why an active thread is blocked on the client. */
export type ThreadActiveFlag =
  | /** An approval request is pending. */ "waitingOnApproval"
  | /** A `item/tool/requestUserInput` request is pending. */ "waitingOnUserInput";

/** Where a thread came from. */
export type SessionSource =
  | /** The interactive CLI. */ "cli"
  | /** The VS Code extension. */ "vscode"
  | /** `codex exec`. */ "exec"
  | /** An app-server client. */ "appServer"
  | /** A sub-agent thread. */ {
      /** Why the sub-agent exists. */
      subAgent: SubAgentSource;
    }
  | /** Recorded by a version that did not store the source. */ "unknown";

/** Git metadata captured when the thread was created. */
export interface GitInfo {
  /** Commit SHA of HEAD. */
  sha: string | null;
  /** Checked-out branch. */
  branch: string | null;
  /** URL of the `origin` remote. */
  originUrl: string | null;
}

/** A conversation. */
export interface Thread {
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
}

// === thread/start ===

/** Params of `thread/start`: create a thread, optionally overriding configuration. */
export interface ThreadStartParams {
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
  config?: Record<string, unknown> | null;
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
   * @experimental thread/start.dynamicTools
   */
  dynamicTools?: DynamicToolSpec[] | null;
  /**
   * Persist the extended event set (commands, file changes, tool calls,
   * errors…) so `thread/resume`, `thread/fork` and `thread/read` can rebuild
   * every item without loss.
   * @experimental thread/start.persistFullHistory
   */
  persistExtendedHistory?: boolean;
}

/** Result of `thread/start`. */
export interface ThreadStartResponse {
  /** The new thread (no turns yet). */
  thread: Thread;
  /** Model in effect. */
  model: string;
  /** Model provider in effect. */
  modelProvider: string;
  /** Service tier in effect, if any. */
  serviceTier: ServiceTier | null;
  /** Working directory in effect. */
  cwd: string;
  /** Approval policy in effect. */
  approvalPolicy: AskForApproval;
  /** Sandbox policy in effect. */
  sandbox: SandboxPolicy;
  /** Reasoning effort in effect; null when the model default applies. */
  reasoningEffort: ReasoningEffort | null;
}

// === thread/resume ===

/**
 * Params of `thread/resume`: load a stored thread (by id, or by rollout path)
 * and subscribe to it, optionally overriding configuration.
 */
export interface ThreadResumeParams {
  /** Thread to resume. Ignored when `path` is given. */
  threadId: string;
  /**
   * Rollout file to resume from instead of looking the thread up by id.
   * @experimental thread/resume.path
   */
  path?: string | null;
  /** Model override. */
  model?: string | null;
  /** Model provider override. */
  modelProvider?: string | null;
  /** Service tier override. */
  serviceTier?: ServiceTier | null;
  /** Working directory override. */
  cwd?: string | null;
  /** Approval policy override. */
  approvalPolicy?: AskForApproval | null;
  /** Sandbox mode override. */
  sandbox?: SandboxMode | null;
  /** Config overrides, keyed by dotted config path. */
  config?: Record<string, unknown> | null;
  /** Base instructions override. */
  baseInstructions?: string | null;
  /** Developer instructions override. */
  developerInstructions?: string | null;
  /** Personality override. */
  personality?: Personality | null;
  /**
   * Persist the extended event set from now on, so later resume/fork/read are lossless.
   * @experimental thread/resume.persistFullHistory
   */
  persistExtendedHistory?: boolean;
}

/** Result of `thread/resume`. */
export interface ThreadResumeResponse {
  /** The resumed thread, with its turns. */
  thread: Thread;
  /** Model in effect. */
  model: string;
  /** Model provider in effect. */
  modelProvider: string;
  /** Service tier in effect, if any. */
  serviceTier: ServiceTier | null;
  /** Working directory in effect. */
  cwd: string;
  /** Approval policy in effect. */
  approvalPolicy: AskForApproval;
  /** Sandbox policy in effect. */
  sandbox: SandboxPolicy;
  /** Reasoning effort in effect; null when the model default applies. */
  reasoningEffort: ReasoningEffort | null;
}

// === thread/fork ===

/**
 * Params of `thread/fork`: copy a stored thread (by id, or by rollout path)
 * into a new thread, optionally overriding configuration. Written as a class
 * to show the decorator form of the experimental marker.
 */
export class ThreadForkParams {
  /** Thread to fork. Ignored when `path` is given. */
  threadId!: string;
  /** Rollout file to fork from instead of looking the thread up by id. */
  @experimental("thread/fork.path")
  path?: string | null;
  /** Model override for the new thread. */
  model?: string | null;
  /** Model provider override for the new thread. */
  modelProvider?: string | null;
  /** Service tier override for the new thread. */
  serviceTier?: ServiceTier | null;
  /** Working directory override for the new thread. */
  cwd?: string | null;
  /** Approval policy override for the new thread. */
  approvalPolicy?: AskForApproval | null;
  /** Sandbox mode override for the new thread. */
  sandbox?: SandboxMode | null;
  /** Config overrides, keyed by dotted config path. */
  config?: Record<string, unknown> | null;
  /** Base instructions override. */
  baseInstructions?: string | null;
  /** Developer instructions override. */
  developerInstructions?: string | null;
  /** Persist the extended event set for the new thread, so its later resume/fork/read are lossless. */
  @experimental("thread/fork.persistFullHistory")
  persistExtendedHistory?: boolean;
}

/** Result of `thread/fork`. */
export interface ThreadForkResponse {
  /** The new thread, with the turns copied from the source. */
  thread: Thread;
  /** Model in effect. */
  model: string;
  /** Model provider in effect. */
  modelProvider: string;
  /** Service tier in effect, if any. */
  serviceTier: ServiceTier | null;
  /** Working directory in effect. */
  cwd: string;
  /** Approval policy in effect. */
  approvalPolicy: AskForApproval;
  /** Sandbox policy in effect. */
  sandbox: SandboxPolicy;
  /** Reasoning effort in effect; null when the model default applies. */
  reasoningEffort: ReasoningEffort | null;
}

// === thread/read ===

/** Params of `thread/read`: read a thread without subscribing to it. */
export interface ThreadReadParams {
  /** Thread to read. */
  threadId: string;
  /** Also return the turns and their items from the stored history. */
  includeTurns: boolean;
}

/** Result of `thread/read`. */
export interface ThreadReadResponse {
  /** The thread, including its current `status`. */
  thread: Thread;
}

// === thread/list ===

/** Sort order for `thread/list`. */
export type ThreadSortKey =
  | /** Newest created first. */ "created_at"
  | /** Most recently updated first. */ "updated_at";

/** Origin filter values for `thread/list`. */
export enum ThreadSourceKind {
  /** Threads from the interactive CLI. */
  Cli = "cli",
  /** Threads from the VS Code extension. */
  VsCode = "vscode",
  /** Threads from `codex exec`. */
  Exec = "exec",
  /** Threads from app-server clients. */
  AppServer = "appServer",
  /** Any sub-agent thread. */
  SubAgent = "subAgent",
  /** Review sub-agents. */
  SubAgentReview = "subAgentReview",
  /** Compaction sub-agents. */
  SubAgentCompact = "subAgentCompact",
  /** Sub-agents spawned by the collab `spawnAgent` tool. */
  SubAgentThreadSpawn = "subAgentThreadSpawn",
  /**
   * Sub-agents with a free-form origin label (`SubAgentSource.other`). Marked
   * experimental by schemagate (codex ships it unmarked): those labels are not
   * a settled vocabulary yet, so filtering on them is opt-in.
   * @experimental
   */
  SubAgentOther = "subAgentOther",
  /** Threads whose origin was not recorded. */
  Unknown = "unknown",
}

/** Params of `thread/list`: page through stored threads, newest first. */
export interface ThreadListParams {
  /** Opaque cursor from a previous page. */
  cursor?: string | null;
  /** Page size; the server picks a default. */
  limit?: number | null;
  /** Sort key; defaults to `created_at`. */
  sortKey?: ThreadSortKey | null;
  /** Only threads recorded under these model providers; empty means all. */
  modelProviders?: string[] | null;
  /** Only threads from these origins; omitted or empty means interactive origins. */
  sourceKinds?: ThreadSourceKind[] | null;
  /** true: only archived threads; false or null: only non-archived ones. */
  archived?: boolean | null;
  /** Only threads whose cwd is exactly this path. */
  cwd?: string | null;
  /** Substring filter on the thread title. */
  searchTerm?: string | null;
}

/**
 * Result of `thread/list`. Every listed thread carries its runtime `status`
 * (`notLoaded` for threads not in memory), so a client attaching late can
 * render all statuses without waiting for `thread/status/changed`.
 */
export interface ThreadListResponse {
  /** One page of threads, each with its `status`; `turns` are empty. */
  data: Thread[];
  /** Cursor for the next page; null when there are no more threads. */
  nextCursor: string | null;
}

// === thread/loaded/list ===

/** Params of `thread/loaded/list`: page through the ids of threads loaded in memory. */
export interface ThreadLoadedListParams {
  /** Opaque cursor from a previous page. */
  cursor?: string | null;
  /** Page size; no limit by default. */
  limit?: number | null;
}

/** Result of `thread/loaded/list`. Closed threads are not listed. */
export interface ThreadLoadedListResponse {
  /** Ids of loaded threads. */
  data: string[];
  /** Cursor for the next page; null when there are no more ids. */
  nextCursor: string | null;
}

// === thread/archive, thread/unarchive ===

/** Params of `thread/archive`: move a thread's rollout to the archive. */
export interface ThreadArchiveParams {
  /** Thread to archive. */
  threadId: string;
}

/** Result of `thread/archive` (empty). */
export interface ThreadArchiveResponse {}

/** Params of `thread/unarchive`: restore an archived thread. */
export interface ThreadUnarchiveParams {
  /** Thread to restore. */
  threadId: string;
}

/** Result of `thread/unarchive`. */
export interface ThreadUnarchiveResponse {
  /** The restored thread. */
  thread: Thread;
}

// === thread/unsubscribe ===

/**
 * Params of `thread/unsubscribe`: stop following a live thread. When the last
 * subscriber leaves, the server unloads the thread and sends `thread/closed`
 * and `thread/status/changed` (`notLoaded`).
 */
export interface ThreadUnsubscribeParams {
  /** Thread to stop following. */
  threadId: string;
}

/** Outcome of `thread/unsubscribe`. */
export type ThreadUnsubscribeStatus =
  | /** The thread was not loaded; nothing to do. */ "notLoaded"
  | /** This connection was not subscribed to the thread. */ "notSubscribed"
  | /** The subscription was removed. */ "unsubscribed";

/** Result of `thread/unsubscribe`. */
export interface ThreadUnsubscribeResponse {
  /** What happened. */
  status: ThreadUnsubscribeStatus;
}

// === thread/compact/start ===

/** Params of `thread/compact/start`: trigger a context compaction of the thread. */
export interface ThreadCompactStartParams {
  /** Thread to compact. */
  threadId: string;
}

/**
 * Result of `thread/compact/start`: empty, returned as soon as the compaction
 * is queued. Progress arrives as a `contextCompaction` item.
 */
export interface ThreadCompactStartResponse {}

// === thread/backgroundTerminals/clean ===

/**
 * Params of `thread/backgroundTerminals/clean`: terminate the background
 * terminals (unified exec processes) a thread keeps alive across turns. The
 * whole type is experimental (class decorator form).
 */
@experimental("thread/backgroundTerminals/clean")
export class ThreadBackgroundTerminalsCleanParams {
  /** Thread whose background terminals are terminated. */
  threadId!: string;
}

/** Result of `thread/backgroundTerminals/clean` (empty). */
export interface ThreadBackgroundTerminalsCleanResponse {}

// === Notifications ===

/** Payload of `thread/started`: a thread was created or loaded. */
export interface ThreadStartedNotification {
  /** The thread. */
  thread: Thread;
}

/** Payload of `thread/status/changed`: a thread's runtime status changed. */
export interface ThreadStatusChangedNotification {
  /** Thread whose status changed. */
  threadId: string;
  /** The new status. */
  status: ThreadStatus;
}

/** Payload of `thread/closed`: the thread was unloaded after its last subscriber left. */
export interface ThreadClosedNotification {
  /** Thread that was closed. */
  threadId: string;
}

/** Payload of `thread/archived`: a thread was archived. */
export interface ThreadArchivedNotification {
  /** Thread that was archived. */
  threadId: string;
}

/** Payload of `thread/unarchived`: a thread was restored from the archive. */
export interface ThreadUnarchivedNotification {
  /** Thread that was restored. */
  threadId: string;
}
