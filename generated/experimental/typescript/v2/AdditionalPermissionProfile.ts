// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { AdditionalFileSystemPermissions } from "./AdditionalFileSystemPermissions.js";
import type { AdditionalNetworkPermissions } from "./AdditionalNetworkPermissions.js";

/** Permissions a command asks for beyond the sandbox policy. */
export type AdditionalPermissionProfile = {
  /** Network permissions, if requested. */
  network: AdditionalNetworkPermissions | null;
  /** File system permissions, if requested. */
  fileSystem: AdditionalFileSystemPermissions | null;
};
