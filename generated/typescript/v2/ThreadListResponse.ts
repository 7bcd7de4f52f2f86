// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { Thread } from "./Thread.js";

/**
 * Result of `thread/list`. Every listed thread carries its runtime `status`
 * (`notLoaded` for threads not in memory), so a client attaching late can
 * render all statuses without waiting for `thread/status/changed`.
 */
export type ThreadListResponse = {
  /** One page of threads, each with its `status`; `turns` are empty. */
  data: Thread[];
  /** Cursor for the next page; null when there are no more threads. */
  nextCursor: string | null;
};
