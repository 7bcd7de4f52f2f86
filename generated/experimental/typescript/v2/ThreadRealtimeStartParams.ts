// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Params of `thread/realtime/start`: open a realtime session bound to a thread. */
export type ThreadRealtimeStartParams = {
  /** Thread the session belongs to. */
  threadId: string;
  /** Instructions for the realtime model. */
  prompt: string;
  /** Existing realtime session to reattach to. */
  sessionId?: string | null;
};
