// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Extra file system permissions requested for a command. */
export type AdditionalFileSystemPermissions = {
  /** Absolute paths to be made readable. */
  read: string[] | null;
  /** Absolute paths to be made writable. */
  write: string[] | null;
};
