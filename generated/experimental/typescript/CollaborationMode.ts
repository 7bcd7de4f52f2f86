// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { ModeKind } from "./ModeKind.js";
import type { Settings } from "./Settings.js";

/** A collaboration mode: a preset kind plus the settings to run it with. */
export type CollaborationMode = {
  /** Preset kind. */
  mode: ModeKind;
  /** Model, effort and instructions for the mode. */
  settings: Settings;
};
