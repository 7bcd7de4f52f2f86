// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Error of a failed MCP tool call. */
export type McpToolCallError = {
  /** Error message. */
  message: string;
};
