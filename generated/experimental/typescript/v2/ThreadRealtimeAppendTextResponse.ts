// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Result of `thread/realtime/appendText` (empty). */
export type ThreadRealtimeAppendTextResponse = { [key: string]: never };
