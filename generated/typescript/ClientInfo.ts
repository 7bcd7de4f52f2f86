// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Identifies the connecting client, for display and telemetry. */
export type ClientInfo = {
  /** Stable machine name of the client, e.g. `codex_vscode`. */
  name: string;
  /** Human-readable product name, when the client has one. */
  title?: string | null;
  /** Client version string, e.g. `0.1.0`. */
  version: string;
};
