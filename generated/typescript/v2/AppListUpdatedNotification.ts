// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { AppInfo } from "./AppInfo.js";

/**
 * Payload of `app/list/updated`: the app list changed, e.g. accessible apps
 * arrived before the directory finished loading.
 */
export type AppListUpdatedNotification = {
  /** The current list of apps. */
  data: AppInfo[];
};
