// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Payload of `thread/realtime/error`: the session hit an error. */
export type ThreadRealtimeErrorNotification = {
  /** Thread of the session. */
  threadId: string;
  /** Error message. */
  message: string;
};
