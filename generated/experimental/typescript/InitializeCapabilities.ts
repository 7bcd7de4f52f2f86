// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Capabilities the client declares for this connection. */
export type InitializeCapabilities = {
  /**
   * Opt in to experimental methods and fields. Without it the server rejects
   * experimental requests (`<reason> requires experimentalApi capability`) and
   * does not send experimental notifications or fields to this connection.
   */
  experimentalApi?: boolean;
  /** Exact notification method names (e.g. `thread/started`) the server should not send to this connection. */
  optOutNotificationMethods?: string[] | null;
};
