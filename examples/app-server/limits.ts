/**
 * What one client may cost the server. Every bound is per message or per
 * connection, except `maxRetainedBytes` and `maxConnections`, which cap the
 * whole process; together they bound its memory. Each has a flag (see main.ts).
 */
export interface ServerLimits {
  /** Largest incoming message (a stdio line or a WebSocket frame), in bytes. Larger ones are refused unread. */
  readonly maxMessageBytes: number;
  /** Deepest nesting of arrays and objects in an incoming message. */
  readonly maxDepth: number;
  /**
   * Bytes written to a connection that it has not read yet. Past half of it the
   * server stops reading that connection's requests; past all of it the
   * connection is closed (the client is not reading), and a reply larger than
   * it is replaced by an error.
   */
  readonly maxQueuedBytes: number;
  /** What the thread store keeps of client data (cwd, inputs, ...), over all threads, in bytes. */
  readonly maxRetainedBytes: number;
  /**
   * What one thread keeps of client data, in bytes; also the size of a
   * `thread/list` page. A reply holding one thread stays about this size, so
   * no request makes the server serialize much more at once.
   */
  readonly maxThreadBytes: number;
  /** Threads loaded at once, over all connections. */
  readonly maxThreads: number;
  /** WebSocket connections open at once. */
  readonly maxConnections: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxMessageBytes: 1024 * 1024,
  maxDepth: 64,
  maxQueuedBytes: 16 * 1024 * 1024,
  maxRetainedBytes: 256 * 1024 * 1024,
  maxThreadBytes: 4 * 1024 * 1024,
  maxThreads: 10_000,
  maxConnections: 1024,
};

/** The flag that sets each limit: `--max-message-bytes` for `maxMessageBytes`. */
export const LIMIT_FLAGS = {
  maxMessageBytes: "max-message-bytes",
  maxDepth: "max-depth",
  maxQueuedBytes: "max-queued-bytes",
  maxRetainedBytes: "max-retained-bytes",
  maxThreadBytes: "max-thread-bytes",
  maxThreads: "max-threads",
  maxConnections: "max-connections",
} as const satisfies Record<keyof ServerLimits, string>;

/** Limits from flag values (strings, as parseArgs gives them); throws with the flag's name on a bad value. */
export function readLimits(values: Readonly<Record<string, unknown>>): ServerLimits {
  const limits: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const [key, flag] of Object.entries(LIMIT_FLAGS)) {
    const text = values[flag];
    if (text === undefined) continue;
    const value = Number(text);
    if (typeof text !== "string" || !/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
      throw new Error(`--${flag}: expected a positive integer, got ${String(text)}`);
    }
    limits[key] = value;
  }
  return limits as unknown as ServerLimits;
}

/**
 * Whether the JSON text `text` nests arrays and objects deeper than `max` (a
 * scalar is depth 0, `{}` and `[]` depth 1). It reads the text once, before it
 * is parsed: no allocation, no recursion, and it stops at the first bracket
 * too deep. Brackets inside strings do not count. (On text that is not JSON
 * the answer does not matter: the parser rejects it.)
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
