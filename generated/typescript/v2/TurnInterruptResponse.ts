// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Result of `turn/interrupt` (empty); the turn then completes as `interrupted`. */
export type TurnInterruptResponse = { [key: string]: never };
