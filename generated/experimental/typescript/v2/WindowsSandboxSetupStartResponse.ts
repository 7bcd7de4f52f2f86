// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

/** Result of `windowsSandbox/setupStart`. */
export type WindowsSandboxSetupStartResponse = {
  /** Whether setup was started (false when it is already running). */
  started: boolean;
};
