// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { CodexErrorInfo } from "./CodexErrorInfo.js";

/** Error attached to a failed turn or sent with `error`. */
export type TurnError = {
  /** Human-readable message. */
  message: string;
  /** Classification, when known. */
  codexErrorInfo: CodexErrorInfo | null;
  /** Extra detail (e.g. the upstream error body), when available. */
  additionalDetails: string | null;
};
