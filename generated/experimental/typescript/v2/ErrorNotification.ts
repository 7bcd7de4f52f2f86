// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { TurnError } from "./TurnError.js";

/** Payload of `error`: an error occurred during a turn. */
export type ErrorNotification = {
  /** The error. */
  error: TurnError;
  /** True when the server retries by itself; the turn is then not interrupted. */
  willRetry: boolean;
  /** Thread of the turn. */
  threadId: string;
  /** Turn the error belongs to. */
  turnId: string;
};
