// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Payload of `thread/realtime/closed`: the session's transport closed. */
export type ThreadRealtimeClosedNotification = {
  /** Thread of the session. */
  threadId: string;
  /** Why it closed, when known. */
  reason: string | null;
};
