// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { Turn } from "./Turn.js";

/** Payload of `turn/completed`: the turn reached a final status. */
export type TurnCompletedNotification = {
  /** Thread of the turn. */
  threadId: string;
  /** The turn, with its final `status` and `error`. */
  turn: Turn;
};
