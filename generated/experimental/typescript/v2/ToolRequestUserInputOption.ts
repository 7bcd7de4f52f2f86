// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** One selectable answer to a question. */
export type ToolRequestUserInputOption = {
  /** Short label shown on the choice. */
  label: string;
  /** What choosing it means. */
  description: string;
};
