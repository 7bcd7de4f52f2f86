// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Result of `initialize`. */
export type InitializeResponse = {
  /** User agent string the server uses for upstream requests, e.g. `codex_vscode/0.1.0 (Mac OS 15.3.0; arm64)`. */
  userAgent: string;
};
