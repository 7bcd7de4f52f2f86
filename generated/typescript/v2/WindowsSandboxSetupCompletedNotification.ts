// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

import type { WindowsSandboxSetupMode } from "./WindowsSandboxSetupMode.js";

/** Payload of `windowsSandbox/setupCompleted`: the setup begun by `windowsSandbox/setupStart` finished. */
export type WindowsSandboxSetupCompletedNotification = {
  /** Mode that was set up. */
  mode: WindowsSandboxSetupMode;
  /** Whether setup succeeded. */
  success: boolean;
  /** Failure message, when it failed. */
  error: string | null;
};
