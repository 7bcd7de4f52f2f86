/** Per-connection session state: codex initializes and opts in per connection, not per process. */
import type { Audience } from "./generated.js";

/** What a transport gives the server for each client. */
export interface TransportLink {
  /** Queues one message as text (a line or a text frame). */
  write(text: string): void;
  /** Bytes written but not yet taken by the client (the transport's send buffer). */
  queuedBytes(): number;
  /** Stops reading this client's messages until `resume` (backpressure). */
  pause(): void;
  resume(): void;
  /** Ends the connection; the transport then reports it closed. */
  close(reason: string): void;
}

export interface Connection {
  /** Unique within the process; used as the subscriber key of threads. */
  readonly id: number;
  /** Set once `initialize` succeeded; every other request is refused before that. */
  initialized: boolean;
  /** `initialize.params.capabilities.experimentalApi === true`. */
  optedIn: boolean;
  /** Whether notifications carry `"jsonrpc": "2.0"`: the `initialize` request's style. */
  jsonrpc: boolean;
  /** `capabilities.optOutNotificationMethods`: notification methods never sent here. */
  optOutNotifications: ReadonlySet<string>;
  /** Set when the connection was closed (by the client, or by the server over a limit); nothing more is sent. */
  closed: boolean;
  /** Whether reading was paused because the client is slow to read. */
  paused: boolean;
  readonly link: TransportLink;
}

export function createConnection(id: number, link: TransportLink): Connection {
  return {
    id,
    initialized: false,
    optedIn: false,
    jsonrpc: false,
    optOutNotifications: new Set(),
    closed: false,
    paused: false,
    link,
  };
}

/** Which generated schemas describe what this connection may see. */
export function audienceOf(connection: Connection): Audience {
  return connection.optedIn ? "experimental" : "stable";
}
