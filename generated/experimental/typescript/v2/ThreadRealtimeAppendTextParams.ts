// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Params of `thread/realtime/appendText`: send text input into the session. */
export type ThreadRealtimeAppendTextParams = {
  /** Thread of the session. */
  threadId: string;
  /** Text to append. */
  text: string;
};
