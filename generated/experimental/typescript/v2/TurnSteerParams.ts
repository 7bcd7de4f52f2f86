// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { UserInput } from "./UserInput.js";

/**
 * Params of `turn/steer`: append user input to the turn that is running.
 * Takes no overrides (cwd, model, sandbox, output schema…), because they
 * would not apply to a turn already in flight; does not emit `turn/started`.
 * Fails with a JSON-RPC error when no turn is active.
 */
export type TurnSteerParams = {
  /** Thread whose active turn receives the input. */
  threadId: string;
  /** Input to append. */
  input: UserInput[];
  /** When given, the request fails unless this is the id of the active turn. */
  expectedTurnId?: string | null;
};
