// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { ThreadItem } from "./ThreadItem.js";
import type { TurnError } from "./TurnError.js";
import type { TurnStatus } from "./TurnStatus.js";

/** One round of user input and agent work. */
export type Turn = {
  /** Turn id. */
  id: string;
  /**
   * Items of the turn. Only filled by `thread/resume`, `thread/fork` and
   * `thread/read` with `includeTurns`; empty in other responses and notifications.
   */
  items: ThreadItem[];
  /** Current state. */
  status: TurnStatus;
  /** Why the turn failed; only set when `status` is `failed`. */
  error: TurnError | null;
};
