// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** State of a dynamic (client-implemented) tool call item. */
export type DynamicToolCallStatus =
  /** The `item/tool/call` request is pending. */
  | "inProgress"
  /** The client answered with `success: true`. */
  | "completed"
  /** The client answered with `success: false`, or the call failed. */
  | "failed";
