/**
 * In-memory threads. Nothing is persisted, so a thread lives while it is
 * loaded: when its last subscriber leaves (`thread/unsubscribe`, or the
 * connection closing) it is unloaded (`thread/closed`) and released, and
 * requests naming it answer "thread not found" from then on.
 *
 * The store is bounded: at most `maxThreads` threads, at most
 * `maxThreadBytes` of client data in one, and `maxRetainedBytes` over all. Each request that makes a
 * thread keep client data (start, fork, turn input) is charged the size of its
 * message, and refused when the budget would be exceeded; a released thread
 * gives its charge back.
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
  /**
   * Ids of the connections that know the thread: the one that started (or
   * forked) it and every one that named it in a request that found it. Only
   * they see it in `thread/list` and get its lifecycle notifications.
   */
  readonly knownBy: Set<number>;
  /** What this thread keeps of client data, as charged to the store's budget. */
  retainedBytes: number;
}

export interface StoreLimits {
  readonly maxThreads: number;
  readonly maxRetainedBytes: number;
  readonly maxThreadBytes: number;
}

export const SERVER_VERSION = "0.1.0-example";

export class ThreadStore {
  readonly #threads = new Map<string, StoredThread>();
  readonly #limits: StoreLimits;
  #retainedBytes = 0;

  constructor(limits: StoreLimits) {
    this.#limits = limits;
  }

  /** A new loaded thread charged `bytes`, or why there is no room for it. */
  create(
    settings: ThreadSettings,
    ephemeral: boolean,
    bytes: number,
    turns: v2.Turn[] = [],
    preview = "",
  ): StoredThread | { readonly refused: string } {
    if (this.#threads.size >= this.#limits.maxThreads) return { refused: `the server holds its maximum of ${this.#limits.maxThreads} threads` };
    const refused = this.#overBudget(0, bytes);
    if (refused) return { refused };
    this.#retainedBytes += bytes;
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
      knownBy: new Set(),
      retainedBytes: bytes,
    };
    this.#threads.set(thread.id, thread);
    return thread;
  }

  /** Charges `thread` for `bytes` more of client data; null when done, else why it was refused. */
  charge(thread: StoredThread, bytes: number): string | null {
    const refused = this.#overBudget(thread.retainedBytes, bytes);
    if (refused) return refused;
    this.#retainedBytes += bytes;
    thread.retainedBytes += bytes;
    return null;
  }

  /** Forgets an unloaded thread and gives its charge back. */
  release(thread: StoredThread): void {
    if (this.#threads.get(thread.id) !== thread) return;
    this.#threads.delete(thread.id);
    this.#retainedBytes -= thread.retainedBytes;
  }

  /** The most client data one thread keeps: also the byte budget of a `thread/list` page. */
  get maxThreadBytes(): number {
    return this.#limits.maxThreadBytes;
  }

  get size(): number {
    return this.#threads.size;
  }

  get retainedBytes(): number {
    return this.#retainedBytes;
  }

  /** Why a thread holding `held` bytes cannot take `bytes` more, or null. */
  #overBudget(held: number, bytes: number): string | null {
    if (held + bytes > this.#limits.maxThreadBytes) {
      return `a thread keeps at most ${this.#limits.maxThreadBytes} bytes of client data and this one would reach ${held + bytes}`;
    }
    if (this.#retainedBytes + bytes > this.#limits.maxRetainedBytes) {
      return `the server keeps at most ${this.#limits.maxRetainedBytes} bytes of thread data and has no room for ${bytes} more`;
    }
    return null;
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
    // A reply is serialized before anything can change the turns again, so a shallow copy is enough.
    turns: includeTurns ? thread.turns.map((turn) => ({ ...turn, items: [...turn.items] })) : [],
  };
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
