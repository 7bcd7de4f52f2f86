// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { WindowsSandboxSetupMode } from "./WindowsSandboxSetupMode.js";

/**
 * Params of `windowsSandbox/setupStart`: start setting up the Windows sandbox.
 * The server answers at once and sends `windowsSandbox/setupCompleted` when done.
 */
export type WindowsSandboxSetupStartParams = {
  /** Setup mode. */
  mode: WindowsSandboxSetupMode;
  /** Absolute workspace directory to prepare; defaults to the server's cwd. */
  cwd?: string | null;
};
