// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { ByteRange } from "./ByteRange.js";

/** A UI-defined span inside user text (a pasted image placeholder, a mention chip…). */
export type TextElement = {
  /** Where the element sits in the parent `text`. */
  byteRange: ByteRange;
  /** Human-readable placeholder shown for the element. */
  placeholder: string | null;
};
