/**
 * Connection handshake. `initialize` is the first request a client sends on a
 * connection; it is answered once and followed by the `initialized`
 * notification. Opting in to experimental surface happens here, per connection.
 */

/** Identifies the connecting client, for display and telemetry. */
export interface ClientInfo {
  /** Stable machine name of the client, e.g. `codex_vscode`. */
  name: string;
  /** Human-readable product name, when the client has one. */
  title?: string | null;
  /** Client version string, e.g. `0.1.0`. */
  version: string;
}

/** Capabilities the client declares for this connection. */
export interface InitializeCapabilities {
  /**
   * Opt in to experimental methods and fields. Without it the server rejects
   * experimental requests (`<reason> requires experimentalApi capability`) and
   * does not send experimental notifications or fields to this connection.
   */
  experimentalApi?: boolean;
  /** Exact notification method names (e.g. `thread/started`) the server should not send to this connection. */
  optOutNotificationMethods?: string[] | null;
}

/** Params of `initialize`. */
export interface InitializeParams {
  /** Who is connecting. */
  clientInfo: ClientInfo;
  /** Declared capabilities; absent or null means none. */
  capabilities?: InitializeCapabilities | null;
}

/** Result of `initialize`. */
export interface InitializeResponse {
  /** User agent string the server uses for upstream requests, e.g. `codex_vscode/0.1.0 (Mac OS 15.3.0; arm64)`. */
  userAgent: string;
}
