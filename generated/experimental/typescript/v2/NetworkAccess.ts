// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Network access of an external sandbox. */
export type NetworkAccess =
  /** No network. */
  | "restricted"
  /** Network allowed. */
  | "enabled";
