// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Params of `thread/unarchive`: restore an archived thread. */
export type ThreadUnarchiveParams = {
  /** Thread to restore. */
  threadId: string;
};
