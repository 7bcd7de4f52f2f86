// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Result of `thread/realtime/appendAudio` (empty). */
export type ThreadRealtimeAppendAudioResponse = { [key: string]: never };
