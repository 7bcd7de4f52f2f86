// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** What a file change does to its file. */
export type PatchChangeKind =
  /** Creates the file. */
  | {
      /** Variant tag. */
      type: "add";
    }
  /** Deletes the file. */
  | {
      /** Variant tag. */
      type: "delete";
    }
  /** Edits the file, possibly moving it. */
  | {
      /** Variant tag. */
      type: "update";
      /** New path when the file is also moved. */
      move_path: string | null;
    };
