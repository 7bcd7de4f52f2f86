// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Kind of turn that cannot accept `turn/steer`. */
export type NonSteerableTurnKind =
  /** A `/review` turn. */
  | "review"
  /** A manual compaction turn. */
  | "compact";
