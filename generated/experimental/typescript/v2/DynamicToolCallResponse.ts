// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { DynamicToolCallOutputContentItem } from "./DynamicToolCallOutputContentItem.js";

/** Result of `item/tool/call`. */
export type DynamicToolCallResponse = {
  /** Output handed back to the model (text and images). */
  contentItems: DynamicToolCallOutputContentItem[];
  /** Whether the tool succeeded. */
  success: boolean;
};
