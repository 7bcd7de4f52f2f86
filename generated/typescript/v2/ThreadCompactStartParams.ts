// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Params of `thread/compact/start`: trigger a context compaction of the thread. */
export type ThreadCompactStartParams = {
  /** Thread to compact. */
  threadId: string;
};
