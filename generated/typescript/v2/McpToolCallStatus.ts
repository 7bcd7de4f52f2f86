// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** State of an MCP tool call item. */
export type McpToolCallStatus =
  /** Running. */
  | "inProgress"
  /** Returned a result. */
  | "completed"
  /** Failed. */
  | "failed";
