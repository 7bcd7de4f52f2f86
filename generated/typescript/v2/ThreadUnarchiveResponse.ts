// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { Thread } from "./Thread.js";

/** Result of `thread/unarchive`. */
export type ThreadUnarchiveResponse = {
  /** The restored thread. */
  thread: Thread;
};
