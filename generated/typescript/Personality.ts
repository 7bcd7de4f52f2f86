// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Conversational style the agent adopts. */
export type Personality =
  /** No personality instructions. */
  | "none"
  /** Warm and encouraging. */
  | "friendly"
  /** Terse and to the point. */
  | "pragmatic";
