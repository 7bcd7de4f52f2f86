// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Params of `app/list`: page through directory and accessible apps. */
export type AppsListParams = {
  /** Opaque cursor from a previous page. */
  cursor?: string | null;
  /** Page size; the server picks a default. */
  limit?: number | null;
  /** Thread whose config decides app feature gating. */
  threadId?: string | null;
  /** Bypass the app caches (one hour TTL) and fetch fresh data. */
  forceRefetch?: boolean;
};
