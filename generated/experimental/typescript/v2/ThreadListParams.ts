// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { ThreadSortKey } from "./ThreadSortKey.js";
import type { ThreadSourceKind } from "./ThreadSourceKind.js";

/** Params of `thread/list`: page through stored threads, newest first. */
export type ThreadListParams = {
  /** Opaque cursor from a previous page. */
  cursor?: string | null;
  /** Page size; the server picks a default. */
  limit?: number | null;
  /** Sort key; defaults to `created_at`. */
  sortKey?: ThreadSortKey | null;
  /** Only threads recorded under these model providers; empty means all. */
  modelProviders?: string[] | null;
  /** Only threads from these origins; omitted or empty means interactive origins. */
  sourceKinds?: ThreadSourceKind[] | null;
  /** true: only archived threads; false or null: only non-archived ones. */
  archived?: boolean | null;
  /** Only threads whose cwd is exactly this path. */
  cwd?: string | null;
  /** Substring filter on the thread title. */
  searchTerm?: string | null;
};
