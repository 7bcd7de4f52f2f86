// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { CollabAgentStatus } from "./CollabAgentStatus.js";

/** State of one sub-agent as seen by a collab tool call. */
export type CollabAgentState = {
  /** Agent state. */
  status: CollabAgentStatus;
  /** Final message or error text, when there is one. */
  message: string | null;
};
