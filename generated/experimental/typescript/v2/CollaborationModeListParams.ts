// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Params of `collaborationMode/list` (empty). */
export type CollaborationModeListParams = { [key: string]: never };
