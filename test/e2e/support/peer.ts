/**
 * A test-side JSON-RPC peer over any text transport: sends requests, matches
 * responses by id, and records every message in arrival order so tests can
 * assert on sequences.
 */

export interface RpcMessage {
  readonly jsonrpc?: string;
  readonly id?: string | number | null;
  readonly method?: string;
  readonly params?: any;
  readonly result?: any;
  readonly error?: { readonly code: number; readonly message: string; readonly data?: any };
}

const WAIT_MS = 5_000;

export class Peer {
  /** Every message received, in order. */
  readonly received: RpcMessage[] = [];
  readonly #write: (text: string) => void;
  readonly #waiters = new Set<{ match(message: RpcMessage): boolean; resolve(message: RpcMessage): void }>();
  #nextId = 1;

  constructor(write: (text: string) => void) {
    this.#write = write;
  }

  /** Feed one received line or frame. */
  accept(text: string): void {
    const message = JSON.parse(text) as RpcMessage;
    this.received.push(message);
    for (const waiter of this.#waiters) {
      if (waiter.match(message)) {
        this.#waiters.delete(waiter);
        waiter.resolve(message);
      }
    }
  }

  /** Sends raw text, or a message object as JSON. */
  send(message: string | object): void {
    this.#write(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** Sends a request (no `jsonrpc` member unless asked) and resolves with its response, result or error. */
  request(method: string, params?: unknown, options: { id?: string | number; jsonrpc?: boolean } = {}): Promise<RpcMessage> {
    const id = options.id ?? this.#nextId++;
    const response = this.next((message) => message.method === undefined && message.id === id, `response to ${method} #${id}`);
    this.send({ ...(options.jsonrpc ? { jsonrpc: "2.0" } : {}), id, method, ...(params === undefined ? {} : { params }) });
    return response;
  }

  /** Like `request`, but fails the test on an error response and returns the result. */
  async call(method: string, params?: unknown): Promise<any> {
    const response = await this.request(method, params);
    if (response.error) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
    return response.result;
  }

  initialize(experimentalApi?: boolean): Promise<any> {
    return this.call("initialize", {
      clientInfo: { name: "e2e", version: "0.0.0" },
      ...(experimentalApi === undefined ? {} : { capabilities: { experimentalApi } }),
    });
  }

  /**
   * The first matching message received at index `since` or later; by default
   * from now on. Pass `since = peer.received.length` taken before a request to
   * also see notifications that arrived together with its response.
   */
  next(match: (message: RpcMessage) => boolean, what = "a message", since = this.received.length): Promise<RpcMessage> {
    const already = this.received.slice(since).find(match);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (message: RpcMessage) => (clearTimeout(timer), resolve(message)) };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what}; received:\n${this.received.map((m) => JSON.stringify(m)).join("\n")}`));
      }, WAIT_MS);
      this.#waiters.add(waiter);
    });
  }

  /** The next notification of `method` (optionally for one thread), received at `since` or later (default: from now on). */
  notification(method: string, threadId?: string, since?: number): Promise<RpcMessage> {
    return this.next(
      (message) => message.method === method && message.id === undefined && (threadId === undefined || threadIdOf(message) === threadId),
      `notification ${method}`,
      since,
    );
  }

  /** Notifications received so far, as `method` names (optionally for one thread). */
  notificationMethods(threadId?: string): string[] {
    return this.received
      .filter((message) => message.method !== undefined && message.id === undefined)
      .filter((message) => threadId === undefined || threadIdOf(message) === threadId)
      .map((message) => message.method!);
  }
}

function threadIdOf(message: RpcMessage): unknown {
  return message.params?.threadId ?? message.params?.thread?.id;
}
