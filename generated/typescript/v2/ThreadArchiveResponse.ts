// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Result of `thread/archive` (empty). */
export type ThreadArchiveResponse = { [key: string]: never };
