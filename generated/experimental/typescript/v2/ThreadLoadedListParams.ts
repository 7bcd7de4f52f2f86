// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Params of `thread/loaded/list`: page through the ids of threads loaded in memory. */
export type ThreadLoadedListParams = {
  /** Opaque cursor from a previous page. */
  cursor?: string | null;
  /** Page size; no limit by default. */
  limit?: number | null;
};
