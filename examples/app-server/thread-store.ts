/**
 * In-memory threads. Nothing is persisted: a thread "not loaded" is still kept
 * here (so `thread/read`, `thread/list` and `thread/resume` work) but has no
 * subscribers and reports `notLoaded`, as codex reports a thread on disk.
 */
import { uuidv7 } from "./ids.js";
import type { v2 } from "./protocol-types.js";

/** The configuration a thread runs with, as reported by start/resume/fork responses. */
export interface ThreadSettings {
  model: string;
  modelProvider: string;
  serviceTier: v2.ThreadStartResponse["serviceTier"];
  cwd: string;
  approvalPolicy: v2.AskForApproval;
  sandbox: v2.SandboxPolicy;
  reasoningEffort: v2.ThreadStartResponse["reasoningEffort"];
  /** Experimental: accepted and recorded; the example keeps every item anyway. */
  persistExtendedHistory: boolean;
}

export interface StoredThread {
  readonly id: string;
  readonly createdAt: number;
  updatedAt: number;
  preview: string;
  readonly ephemeral: boolean;
  archived: boolean;
  /** In memory with subscribers; false after the last subscriber left. */
  loaded: boolean;
  settings: ThreadSettings;
  readonly turns: v2.Turn[];
  /** The running turn (also the last element of `turns`), if any. */
  activeTurn: v2.Turn | null;
  /** Ids of the connections following the thread. */
  readonly subscribers: Set<number>;
  /** Open realtime session (experimental), if any. */
  realtimeSessionId: string | null;
}

export const SERVER_VERSION = "0.1.0-example";

export class ThreadStore {
  readonly #threads = new Map<string, StoredThread>();

  create(settings: ThreadSettings, ephemeral: boolean, turns: v2.Turn[] = [], preview = ""): StoredThread {
    const now = nowSeconds();
    const thread: StoredThread = {
      id: uuidv7(),
      createdAt: now,
      updatedAt: now,
      preview,
      ephemeral,
      archived: false,
      loaded: true,
      settings,
      turns,
      activeTurn: null,
      subscribers: new Set(),
      realtimeSessionId: null,
    };
    this.#threads.set(thread.id, thread);
    return thread;
  }

  get(id: string): StoredThread | undefined {
    return this.#threads.get(id);
  }

  /** Every thread, in creation order. */
  all(): StoredThread[] {
    return [...this.#threads.values()];
  }
}

export function statusOf(thread: StoredThread): v2.ThreadStatus {
  if (!thread.loaded) return { type: "notLoaded" };
  if (thread.activeTurn) return { type: "active", activeFlags: [] };
  return { type: "idle" };
}

/** The wire `Thread`; `turns` only when asked for (read with `includeTurns`, resume, fork). */
export function toWireThread(thread: StoredThread, includeTurns = false): v2.Thread {
  return {
    id: thread.id,
    preview: thread.preview,
    ephemeral: thread.ephemeral,
    modelProvider: thread.settings.modelProvider,
    createdAt: thread.createdAt,
    updatedAt: thread.updatedAt,
    status: statusOf(thread),
    path: null,
    cwd: thread.settings.cwd,
    cliVersion: SERVER_VERSION,
    source: "appServer",
    agentNickname: null,
    agentRole: null,
    gitInfo: null,
    name: null,
    turns: includeTurns ? structuredClone(thread.turns) : [],
  };
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
