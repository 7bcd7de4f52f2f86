// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Result of an MCP tool call, in MCP's wire shape. */
export type McpToolCallResult = {
  /** MCP content blocks. */
  content: unknown[];
  /** MCP structured content, when the tool returned any. */
  structuredContent: unknown;
};
