/**
 * The transport-independent server: connections, the thread store, and
 * notification fan-out. Transports hand it text and give it a way to write.
 */
import type { ExperimentalGate } from "../../src/runtime/index.js";
import { audienceOf, createConnection, type Connection } from "./connection.js";
import { leaveThread } from "./handlers/threads.js";
import { notificationMessage } from "./jsonrpc.js";
import { createOutbox, type QueuedNotification } from "./outbox.js";
import type { EnvelopeStyle } from "./jsonrpc.js";
import { routeMessage, type RouterDeps } from "./router.js";
import { ThreadStore } from "./thread-store.js";
import type { ProtocolValidator } from "./validation.js";

export interface AppServerOptions {
  readonly gate: ExperimentalGate;
  readonly validator: ProtocolValidator;
  /** Dev-only assertion: validate every result and notification against the receiving connection's audience. */
  readonly checkOutput: boolean;
  /** Diagnostics (stderr): never the protocol channel. */
  readonly log: (line: string) => void;
  /** The wire the generated envelopes describe (see `GeneratedArtifacts.envelope`). */
  readonly envelope: EnvelopeStyle;
}

/** What a transport holds per client. */
export interface ConnectionHandle {
  /** One JSON-RPC message as text (a line or a text frame). */
  receive(text: string): void;
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
    this.#router = { ...options, store: new ThreadStore(), deliver: (queued) => this.#deliver(queued) };
  }

  connect(write: (text: string) => void): ConnectionHandle {
    const connection = createConnection(this.#nextConnectionId++, (message) => write(JSON.stringify(message)));
    this.#connections.set(connection.id, connection);
    return {
      receive: (text) => routeMessage(this.#router, connection, text),
      close: () => this.#disconnect(connection),
    };
  }

  #disconnect(connection: Connection): void {
    if (!this.#connections.delete(connection.id)) return;
    const outbox = createOutbox();
    for (const thread of this.#router.store.all()) {
      if (thread.subscribers.has(connection.id)) leaveThread(thread, connection.id, outbox);
    }
    this.#deliver(outbox.drain());
  }

  /**
   * Sends each notification to its targets that are initialized, did not opt
   * out of the method, and may see it: experimental notifications
   * (`gate.allowsNotification`) only reach connections that opted in.
   */
  #deliver(queued: readonly QueuedNotification[]): void {
    const { gate, validator, checkOutput, log } = this.#options;
    for (const { notification, to } of queued) {
      const { method, params } = notification;
      for (const connection of this.#connections.values()) {
        if (to !== "initialized" && !to.has(connection.id)) continue;
        if (!connection.initialized || connection.optOutNotifications.has(method)) continue;
        if (!gate.allowsNotification(method, connection.optedIn)) continue;
        if (checkOutput) {
          const problems = validator.checkNotification(audienceOf(connection), method, params);
          if (problems.length > 0) {
            log(`output check failed: ${method} for the ${audienceOf(connection)} audience: ${JSON.stringify(problems)}`);
          }
        }
        connection.send(notificationMessage(method, params, connection.jsonrpc));
      }
    }
  }
}
