// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { ThreadStatus } from "./ThreadStatus.js";

/** Payload of `thread/status/changed`: a thread's runtime status changed. */
export type ThreadStatusChangedNotification = {
  /** Thread whose status changed. */
  threadId: string;
  /** The new status. */
  status: ThreadStatus;
};
