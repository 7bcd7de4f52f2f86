/** Apps (connectors): `app/list` and the `app/list/updated` notification. */

/** An app (connector) the user can install or has installed. */
export interface AppInfo {
  /** Connector id. */
  id: string;
  /** Display name. */
  name: string;
  /** Short description. */
  description: string | null;
  /** Logo URL for light backgrounds. */
  logoUrl: string | null;
  /** Logo URL for dark backgrounds. */
  logoUrlDark: string | null;
  /** Distribution channel the app comes from. */
  distributionChannel: string | null;
  /** Where the user installs or links the app. */
  installUrl: string | null;
  /**
   * Whether the user has installed the app and the model can use it (it can be
   * `$`-mentioned). Accessible apps are known before the full directory loads.
   */
  isAccessible: boolean;
  /** Whether the app is enabled in config.toml (`[apps.<id>] enabled = false` disables it). */
  isEnabled: boolean;
}

/** Params of `app/list`: page through directory and accessible apps. */
export interface AppsListParams {
  /** Opaque cursor from a previous page. */
  cursor?: string | null;
  /** Page size; the server picks a default. */
  limit?: number | null;
  /** Thread whose config decides app feature gating. */
  threadId?: string | null;
  /** Bypass the app caches (one hour TTL) and fetch fresh data. */
  forceRefetch?: boolean;
}

/** Result of `app/list`. */
export interface AppsListResponse {
  /** One page of apps. */
  data: AppInfo[];
  /** Cursor for the next page; null when there are no more apps. */
  nextCursor: string | null;
}

/**
 * Payload of `app/list/updated`: the app list changed, e.g. accessible apps
 * arrived before the directory finished loading.
 */
export interface AppListUpdatedNotification {
  /** The current list of apps. */
  data: AppInfo[];
}
