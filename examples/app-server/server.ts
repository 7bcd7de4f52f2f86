/**
 * The transport-independent server: connections, the thread store, and
 * notification fan-out. Transports hand it text and a `TransportLink` to write
 * with; everything sent goes through send.ts.
 */
import type { ExperimentalGate } from "../../src/runtime/index.js";
import { createConnection, type Connection, type TransportLink } from "./connection.js";
import { leaveThread } from "./handlers/threads.js";
import type { ServerLimits } from "./limits.js";
import { createOutbox, type QueuedNotification } from "./outbox.js";
import type { EnvelopeStyle } from "./jsonrpc.js";
import { routeMessage, type RouterDeps } from "./router.js";
import { ErrorCode } from "./jsonrpc.js";
import { drained, sendError, sendNotification } from "./send.js";
import { ThreadStore } from "./thread-store.js";
import type { ProtocolValidator } from "./validation.js";

export interface AppServerOptions {
  readonly gate: ExperimentalGate;
  readonly validator: ProtocolValidator;
  /** Dev-only assertion: validate every result and notification against the receiving connection's audience. */
  readonly checkOutput: boolean;
  readonly limits: ServerLimits;
  /** Diagnostics (stderr): never the protocol channel. */
  readonly log: (line: string) => void;
  /** The wire the generated envelopes describe (see `GeneratedArtifacts.envelope`). */
  readonly envelope: EnvelopeStyle;
}

/** What a transport holds per client. */
export interface ConnectionHandle {
  /** One JSON-RPC message as text (a line or a text frame). */
  receive(text: string): void;
  /** Refuses a message the transport would not read whole (over `maxMessageBytes`): answered with an error, logged. */
  refuse(problem: string): void;
  /** Some queued output was taken by the client: reading may resume. */
  drained(): void;
  /** The client went away: it leaves every thread it followed. */
  close(): void;
}

export class AppServer {
  readonly #options: AppServerOptions;
  readonly #connections = new Map<number, Connection>();
  readonly #router: RouterDeps;
  #nextConnectionId = 1;

  constructor(options: AppServerOptions) {
    this.#options = options;
    this.#router = { ...options, store: new ThreadStore(options.limits), deliver: (queued) => this.#deliver(queued) };
  }

  get limits(): ServerLimits {
    return this.#options.limits;
  }

  /** Connections open now. */
  get connectionCount(): number {
    return this.#connections.size;
  }

  /** What the server holds now: open connections, loaded threads, and the thread data charged to the store. */
  stats(): { connections: number; threads: number; retainedBytes: number } {
    const store = this.#router.store;
    return { connections: this.#connections.size, threads: store.size, retainedBytes: store.retainedBytes };
  }

  connect(link: TransportLink): ConnectionHandle {
    const connection = createConnection(this.#nextConnectionId++, link);
    this.#connections.set(connection.id, connection);
    return {
      receive: (text) => {
        if (connection.closed) return;
        try {
          routeMessage(this.#router, connection, text);
        } catch (error) {
          // routeMessage answers every failure it knows of; this is the net under it, so the process stays up.
          this.#options.log(`connection ${connection.id}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        }
      },
      refuse: (problem) => {
        this.#options.log(`connection ${connection.id}: message refused: ${problem}`);
        const error = { code: ErrorCode.invalidRequest, message: `Invalid Request: ${problem}` };
        sendError(this.#router, connection, null, error, connection.jsonrpc);
      },
      drained: () => drained(this.#router, connection),
      close: () => this.#disconnect(connection),
    };
  }

  #disconnect(connection: Connection): void {
    if (!this.#connections.delete(connection.id)) return;
    connection.closed = true;
    const outbox = createOutbox();
    const store = this.#router.store;
    for (const thread of store.all()) {
      thread.knownBy.delete(connection.id);
      if (thread.subscribers.has(connection.id)) leaveThread(thread, connection.id, store, outbox);
    }
    this.#deliver(outbox.drain());
  }

  /**
   * Sends each notification to its targets that are still open, initialized
   * and did not opt out of the method. send.ts decides what each may see.
   */
  #deliver(queued: readonly QueuedNotification[]): void {
    for (const { notification, to } of queued) {
      const { method, params } = notification;
      for (const id of to) {
        const connection = this.#connections.get(id);
        if (!connection || connection.closed || !connection.initialized || connection.optOutNotifications.has(method)) continue;
        try {
          sendNotification(this.#router, connection, method, params);
        } catch (error) {
          this.#options.log(`connection ${connection.id}: ${method} not sent: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }
}
