// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { AppInfo } from "./AppInfo.js";

/** Result of `app/list`. */
export type AppsListResponse = {
  /** One page of apps. */
  data: AppInfo[];
  /** Cursor for the next page; null when there are no more apps. */
  nextCursor: string | null;
};
