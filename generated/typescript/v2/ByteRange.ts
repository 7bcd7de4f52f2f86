// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Byte range inside a text buffer. */
export type ByteRange = {
  /** Start offset in bytes (inclusive). */
  start: number;
  /** End offset in bytes (exclusive). */
  end: number;
};
