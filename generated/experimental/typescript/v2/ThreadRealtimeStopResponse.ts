// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Result of `thread/realtime/stop` (empty); `thread/realtime/closed` follows. */
export type ThreadRealtimeStopResponse = { [key: string]: never };
