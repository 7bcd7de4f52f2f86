// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { ThreadItem } from "./ThreadItem.js";

/** Payload of `item/completed`: an item reached its final state. */
export type ItemCompletedNotification = {
  /** The item in its final state. */
  item: ThreadItem;
  /** Thread of the item. */
  threadId: string;
  /** Turn of the item. */
  turnId: string;
};
