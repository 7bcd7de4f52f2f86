// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Result of `thread/backgroundTerminals/clean` (empty). */
export type ThreadBackgroundTerminalsCleanResponse = { [key: string]: never };
