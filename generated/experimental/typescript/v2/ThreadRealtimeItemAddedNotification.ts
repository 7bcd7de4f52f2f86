// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Payload of `thread/realtime/itemAdded`: a non-audio item emitted by the realtime backend, passed through raw. */
export type ThreadRealtimeItemAddedNotification = {
  /** Thread of the session. */
  threadId: string;
  /** The backend item as received. */
  item: unknown;
};
