// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/**
 * Params of `thread/unsubscribe`: stop following a live thread. When the last
 * subscriber leaves, the server unloads the thread and sends `thread/closed`
 * and `thread/status/changed` (`notLoaded`).
 */
export type ThreadUnsubscribeParams = {
  /** Thread to stop following. */
  threadId: string;
};
