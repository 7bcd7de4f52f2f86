// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema

/** How the Windows sandbox is set up. */
export type WindowsSandboxSetupMode =
  /** Set up with administrator rights (stronger isolation; prompts for elevation). */
  | "elevated"
  /** Set up without administrator rights. */
  | "unelevated";
