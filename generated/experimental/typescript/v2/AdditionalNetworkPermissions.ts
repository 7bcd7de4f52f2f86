// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Extra network permission requested for a command. */
export type AdditionalNetworkPermissions = {
  /** Whether network access is requested. */
  enabled: boolean | null;
};
