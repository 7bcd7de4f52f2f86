// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Result of `thread/realtime/start` (empty); `thread/realtime/started` follows. */
export type ThreadRealtimeStartResponse = { [key: string]: never };
