// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Payload of `thread/archived`: a thread was archived. */
export type ThreadArchivedNotification = {
  /** Thread that was archived. */
  threadId: string;
};
