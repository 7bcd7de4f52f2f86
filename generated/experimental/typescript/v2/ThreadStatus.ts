// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { ThreadActiveFlag } from "./ThreadActiveFlag.js";

/** Runtime state of a thread on this server. */
export type ThreadStatus =
  /** The thread is not loaded in memory (never loaded, or closed after the last subscriber left). */
  | {
      /** Variant tag. */
      type: "notLoaded";
    }
  /** Loaded and waiting for input. */
  | {
      /** Variant tag. */
      type: "idle";
    }
  /** Loaded but failed in a way that needs user attention (e.g. the session could not start). */
  | {
      /** Variant tag. */
      type: "systemError";
    }
  /** A turn is running. */
  | {
      /** Variant tag. */
      type: "active";
      /** What the running turn is waiting on, if anything; empty while it works on its own. */
      activeFlags: ThreadActiveFlag[];
    };
