// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Params of `turn/interrupt`: stop a running turn. */
export type TurnInterruptParams = {
  /** Thread of the turn. */
  threadId: string;
  /** Turn to interrupt. */
  turnId: string;
};
