// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Params of `thread/archive`: move a thread's rollout to the archive. */
export type ThreadArchiveParams = {
  /** Thread to archive. */
  threadId: string;
};
