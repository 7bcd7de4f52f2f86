// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { ThreadItem } from "./ThreadItem.js";

/** Payload of `item/started`: an item began. */
export type ItemStartedNotification = {
  /** The item in its initial state. */
  item: ThreadItem;
  /** Thread of the item. */
  threadId: string;
  /** Turn of the item. */
  turnId: string;
};
