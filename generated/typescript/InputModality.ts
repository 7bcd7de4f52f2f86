// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Kind of input a model accepts. */
export type InputModality =
  /** Plain text. */
  | "text"
  /** Images (URLs, data URLs or local files). */
  | "image";
