// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Params of `thread/read`: read a thread without subscribing to it. */
export type ThreadReadParams = {
  /** Thread to read. */
  threadId: string;
  /** Also return the turns and their items from the stored history. */
  includeTurns: boolean;
};
