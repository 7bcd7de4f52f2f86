// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { ThreadUnsubscribeStatus } from "./ThreadUnsubscribeStatus.js";

/** Result of `thread/unsubscribe`. */
export type ThreadUnsubscribeResponse = {
  /** What happened. */
  status: ThreadUnsubscribeStatus;
};
