// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { Thread } from "./Thread.js";

/** Result of `thread/read`. */
export type ThreadReadResponse = {
  /** The thread, including its current `status`. */
  thread: Thread;
};
