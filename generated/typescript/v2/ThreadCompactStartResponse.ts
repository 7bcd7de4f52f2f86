// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/**
 * Result of `thread/compact/start`: empty, returned as soon as the compaction
 * is queued. Progress arrives as a `contextCompaction` item.
 */
export type ThreadCompactStartResponse = { [key: string]: never };
