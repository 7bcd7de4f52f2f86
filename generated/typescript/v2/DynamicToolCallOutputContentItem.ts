// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** One piece of dynamic tool output, tagged by `type`. */
export type DynamicToolCallOutputContentItem =
  /** Text output. */
  | {
      /** Variant tag. */
      type: "inputText";
      /** The text. */
      text: string;
    }
  /** Image output. */
  | {
      /** Variant tag. */
      type: "inputImage";
      /** Image URL or data URL. */
      imageUrl: string;
    };
