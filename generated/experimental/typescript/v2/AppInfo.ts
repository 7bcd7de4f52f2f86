// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** An app (connector) the user can install or has installed. */
export type AppInfo = {
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
};
