// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Params of `item/fileChange/requestApproval`: ask the client whether file changes may be applied. */
export type FileChangeRequestApprovalParams = {
  /** Thread of the change. */
  threadId: string;
  /** Turn of the change. */
  turnId: string;
  /** The `fileChange` item this approval belongs to. */
  itemId: string;
  /** Why approval is needed (e.g. writes outside the workspace). */
  reason?: string | null;
  /** Root the agent asks to write under for the rest of the session. Unstable. */
  grantRoot?: string | null;
};
