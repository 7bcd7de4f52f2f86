// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Sort order for `thread/list`. */
export type ThreadSortKey =
  /** Newest created first. */
  | "created_at"
  /** Most recently updated first. */
  | "updated_at";
