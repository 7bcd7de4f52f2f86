// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Result of `thread/loaded/list`. Closed threads are not listed. */
export type ThreadLoadedListResponse = {
  /** Ids of loaded threads. */
  data: string[];
  /** Cursor for the next page; null when there are no more ids. */
  nextCursor: string | null;
};
