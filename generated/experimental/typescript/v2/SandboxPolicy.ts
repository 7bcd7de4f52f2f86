// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { NetworkAccess } from "./NetworkAccess.js";

/** The effective sandbox policy, tagged by `type`. */
export type SandboxPolicy =
  /** No sandbox at all. */
  | {
      /** Variant tag. */
      type: "dangerFullAccess";
    }
  /** Read-only file system. */
  | {
      /** Variant tag. */
      type: "readOnly";
      /** Whether commands may use the network. */
      networkAccess: boolean;
    }
  /** The process already runs inside a sandbox managed by someone else. */
  | {
      /** Variant tag. */
      type: "externalSandbox";
      /** Network access of that sandbox. */
      networkAccess: NetworkAccess;
    }
  /** Writes allowed in the workspace and the listed roots. */
  | {
      /** Variant tag. */
      type: "workspaceWrite";
      /** Extra absolute paths that are writable. */
      writableRoots: string[];
      /** Whether commands may use the network. */
      networkAccess: boolean;
      /** Do not make `$TMPDIR` writable. */
      excludeTmpdirEnvVar: boolean;
      /** Do not make `/tmp` writable. */
      excludeSlashTmp: boolean;
    };
