/** Per-connection session state: codex initializes and opts in per connection, not per process. */
import type { Audience } from "./generated.js";

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
  /** Writes one JSON-RPC message to this connection only. */
  readonly send: (message: object) => void;
}

export function createConnection(id: number, send: (message: object) => void): Connection {
  return { id, initialized: false, optedIn: false, jsonrpc: false, optOutNotifications: new Set(), send };
}

/** Which generated schemas describe what this connection may see. */
export function audienceOf(connection: Connection): Audience {
  return connection.optedIn ? "experimental" : "stable";
}
