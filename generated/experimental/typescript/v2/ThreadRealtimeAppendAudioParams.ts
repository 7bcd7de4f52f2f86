// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { ThreadRealtimeAudioChunk } from "./ThreadRealtimeAudioChunk.js";

/** Params of `thread/realtime/appendAudio`: stream microphone audio into the session. */
export type ThreadRealtimeAppendAudioParams = {
  /** Thread of the session. */
  threadId: string;
  /** Audio to append. */
  audio: ThreadRealtimeAudioChunk;
};
