// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { Thread } from "./Thread.js";

/** Payload of `thread/started`: a thread was created or loaded. */
export type ThreadStartedNotification = {
  /** The thread. */
  thread: Thread;
};
