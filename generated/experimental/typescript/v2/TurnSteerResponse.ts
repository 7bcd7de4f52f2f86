// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Result of `turn/steer`. */
export type TurnSteerResponse = {
  /** Id of the turn that received the input. */
  turnId: string;
};
