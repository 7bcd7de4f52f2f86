// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { Turn } from "./Turn.js";

/** Result of `turn/start`. */
export type TurnStartResponse = {
  /** The new turn, `inProgress`, without items. */
  turn: Turn;
};
