/** Sandboxing of agent commands, and Windows sandbox setup. */

/** Coarse sandbox setting chosen by the user. Kebab-case on the wire. */
export type SandboxMode =
  | /** Commands may read anything and write nothing. */ "read-only"
  | /** Commands may write inside the workspace. */ "workspace-write"
  | /** No sandbox. */ "danger-full-access";

/** Network access of an external sandbox. */
export type NetworkAccess =
  | /** No network. */ "restricted"
  | /** Network allowed. */ "enabled";

/** The effective sandbox policy, tagged by `type`. */
export type SandboxPolicy =
  | /** No sandbox at all. */ {
      /** Variant tag. */
      type: "dangerFullAccess";
    }
  | /** Read-only file system. */ {
      /** Variant tag. */
      type: "readOnly";
      /** Whether commands may use the network. */
      networkAccess: boolean;
    }
  | /** The process already runs inside a sandbox managed by someone else. */ {
      /** Variant tag. */
      type: "externalSandbox";
      /** Network access of that sandbox. */
      networkAccess: NetworkAccess;
    }
  | /** Writes allowed in the workspace and the listed roots. */ {
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

/** How the Windows sandbox is set up. */
export type WindowsSandboxSetupMode =
  | /** Set up with administrator rights (stronger isolation; prompts for elevation). */ "elevated"
  | /** Set up without administrator rights. */ "unelevated";

/**
 * Params of `windowsSandbox/setupStart`: start setting up the Windows sandbox.
 * The server answers at once and sends `windowsSandbox/setupCompleted` when done.
 */
export interface WindowsSandboxSetupStartParams {
  /** Setup mode. */
  mode: WindowsSandboxSetupMode;
  /** Absolute workspace directory to prepare; defaults to the server's cwd. */
  cwd?: string | null;
}

/** Result of `windowsSandbox/setupStart`. */
export interface WindowsSandboxSetupStartResponse {
  /** Whether setup was started (false when it is already running). */
  started: boolean;
}

/** Payload of `windowsSandbox/setupCompleted`: the setup begun by `windowsSandbox/setupStart` finished. */
export interface WindowsSandboxSetupCompletedNotification {
  /** Mode that was set up. */
  mode: WindowsSandboxSetupMode;
  /** Whether setup succeeded. */
  success: boolean;
  /** Failure message, when it failed. */
  error: string | null;
}
