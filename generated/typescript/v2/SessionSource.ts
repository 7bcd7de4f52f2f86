// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { SubAgentSource } from "../SubAgentSource.js";

/** Where a thread came from. */
export type SessionSource =
  /** The interactive CLI. */
  | "cli"
  /** The VS Code extension. */
  | "vscode"
  /** `codex exec`. */
  | "exec"
  /** An app-server client. */
  | "appServer"
  /** A sub-agent thread. */
  | {
      /** Why the sub-agent exists. */
      subAgent: SubAgentSource;
    }
  /** Recorded by a version that did not store the source. */
  | "unknown";
