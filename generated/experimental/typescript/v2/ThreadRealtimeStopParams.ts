// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Params of `thread/realtime/stop`: close the session. */
export type ThreadRealtimeStopParams = {
  /** Thread of the session. */
  threadId: string;
};
