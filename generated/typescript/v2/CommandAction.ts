// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Best-effort reading of what a shell command does, for friendly display. */
export type CommandAction =
  /** Reads a file. */
  | {
      /** Variant tag. */
      type: "read";
      /** The (sub)command. */
      command: string;
      /** File name shown to the user. */
      name: string;
      /** Path read. */
      path: string;
    }
  /** Lists files. */
  | {
      /** Variant tag. */
      type: "listFiles";
      /** The (sub)command. */
      command: string;
      /** Directory listed, when known. */
      path: string | null;
    }
  /** Searches file contents or names. */
  | {
      /** Variant tag. */
      type: "search";
      /** The (sub)command. */
      command: string;
      /** Search query, when known. */
      query: string | null;
      /** Where the search runs, when known. */
      path: string | null;
    }
  /** Anything not recognised. */
  | {
      /** Variant tag. */
      type: "unknown";
      /** The (sub)command. */
      command: string;
    };
