// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Payload of `thread/realtime/started`: the session was accepted. */
export type ThreadRealtimeStartedNotification = {
  /** Thread of the session. */
  threadId: string;
  /** Backend session id, when the backend reports one. */
  sessionId: string | null;
};
