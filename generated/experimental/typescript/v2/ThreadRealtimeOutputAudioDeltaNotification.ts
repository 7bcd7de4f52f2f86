// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { ThreadRealtimeAudioChunk } from "./ThreadRealtimeAudioChunk.js";

/** Payload of `thread/realtime/outputAudio/delta`: a chunk of model speech. */
export type ThreadRealtimeOutputAudioDeltaNotification = {
  /** Thread of the session. */
  threadId: string;
  /** Audio to play. */
  audio: ThreadRealtimeAudioChunk;
};
