// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/**
 * A tool implemented by the client, offered to the model through
 * `thread/start.dynamicTools`. Experimental as a whole: it may only be
 * reached through that experimental field.
 *
 * @experimental thread/start.dynamicTools
 */
export type DynamicToolSpec = {
  /** Tool name the model calls. */
  name: string;
  /** What the tool does, shown to the model. */
  description: string;
  /** JSON Schema of the tool's arguments. */
  inputSchema: unknown;
};
