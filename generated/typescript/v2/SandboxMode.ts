// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Coarse sandbox setting chosen by the user. Kebab-case on the wire. */
export type SandboxMode =
  /** Commands may read anything and write nothing. */
  | "read-only"
  /** Commands may write inside the workspace. */
  | "workspace-write"
  /** No sandbox. */
  | "danger-full-access";
