// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** Git metadata captured when the thread was created. */
export type GitInfo = {
  /** Commit SHA of HEAD. */
  sha: string | null;
  /** Checked-out branch. */
  branch: string | null;
  /** URL of the `origin` remote. */
  originUrl: string | null;
};
