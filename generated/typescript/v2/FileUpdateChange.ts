// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { PatchChangeKind } from "./PatchChangeKind.js";

/** One file touched by a file change item. */
export type FileUpdateChange = {
  /** File path. */
  path: string;
  /** Kind of change. */
  kind: PatchChangeKind;
  /** Unified diff of the change. */
  diff: string;
};
