// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Payload of `thread/unarchived`: a thread was restored from the archive. */
export type ThreadUnarchivedNotification = {
  /** Thread that was restored. */
  threadId: string;
};
