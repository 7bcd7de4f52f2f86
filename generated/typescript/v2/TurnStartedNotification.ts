// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { Turn } from "./Turn.js";

/** Payload of `turn/started`. */
export type TurnStartedNotification = {
  /** Thread of the turn. */
  threadId: string;
  /** The turn that started. */
  turn: Turn;
};
