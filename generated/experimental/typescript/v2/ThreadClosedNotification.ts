// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Payload of `thread/closed`: the thread was unloaded after its last subscriber left. */
export type ThreadClosedNotification = {
  /** Thread that was closed. */
  threadId: string;
};
