// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { AppListUpdatedNotification } from "./v2/AppListUpdatedNotification.js";
import type { ErrorNotification } from "./v2/ErrorNotification.js";
import type { ItemCompletedNotification } from "./v2/ItemCompletedNotification.js";
import type { ItemStartedNotification } from "./v2/ItemStartedNotification.js";
import type { ModelReroutedNotification } from "./v2/ModelReroutedNotification.js";
import type { ThreadArchivedNotification } from "./v2/ThreadArchivedNotification.js";
import type { ThreadClosedNotification } from "./v2/ThreadClosedNotification.js";
import type { ThreadRealtimeClosedNotification } from "./v2/ThreadRealtimeClosedNotification.js";
import type { ThreadRealtimeErrorNotification } from "./v2/ThreadRealtimeErrorNotification.js";
import type { ThreadRealtimeItemAddedNotification } from "./v2/ThreadRealtimeItemAddedNotification.js";
import type { ThreadRealtimeOutputAudioDeltaNotification } from "./v2/ThreadRealtimeOutputAudioDeltaNotification.js";
import type { ThreadRealtimeStartedNotification } from "./v2/ThreadRealtimeStartedNotification.js";
import type { ThreadStartedNotification } from "./v2/ThreadStartedNotification.js";
import type { ThreadStatusChangedNotification } from "./v2/ThreadStatusChangedNotification.js";
import type { ThreadUnarchivedNotification } from "./v2/ThreadUnarchivedNotification.js";
import type { TurnCompletedNotification } from "./v2/TurnCompletedNotification.js";
import type { TurnStartedNotification } from "./v2/TurnStartedNotification.js";
import type { WindowsSandboxSetupCompletedNotification } from "./v2/WindowsSandboxSetupCompletedNotification.js";

/** Every notification the server can send, as it appears on the wire. */
export type ServerNotification =
  /** An error occurred during a turn (may be retried by the server). */
  | {
      method: "error";
      params: ErrorNotification;
    }
  /** A thread was created or loaded. */
  | {
      method: "thread/started";
      params: ThreadStartedNotification;
    }
  /** A thread's runtime status changed. */
  | {
      method: "thread/status/changed";
      params: ThreadStatusChangedNotification;
    }
  /** A thread was archived. */
  | {
      method: "thread/archived";
      params: ThreadArchivedNotification;
    }
  /** A thread was restored from the archive. */
  | {
      method: "thread/unarchived";
      params: ThreadUnarchivedNotification;
    }
  /** A thread was unloaded after its last subscriber left. */
  | {
      method: "thread/closed";
      params: ThreadClosedNotification;
    }
  /** A turn started. */
  | {
      method: "turn/started";
      params: TurnStartedNotification;
    }
  /** A turn reached its final status. */
  | {
      method: "turn/completed";
      params: TurnCompletedNotification;
    }
  /** An item began. */
  | {
      method: "item/started";
      params: ItemStartedNotification;
    }
  /** An item reached its final state. */
  | {
      method: "item/completed";
      params: ItemCompletedNotification;
    }
  /** A turn's request was served by a different model than requested. */
  | {
      method: "model/rerouted";
      params: ModelReroutedNotification;
    }
  /** The app list changed (e.g. accessible apps loaded before the directory). */
  | {
      method: "app/list/updated";
      params: AppListUpdatedNotification;
    }
  /** Windows sandbox setup finished. */
  | {
      method: "windowsSandbox/setupCompleted";
      params: WindowsSandboxSetupCompletedNotification;
    }
  /**
   * The realtime session was accepted.
   *
   * @experimental thread/realtime/started
   */
  | {
      method: "thread/realtime/started";
      params: ThreadRealtimeStartedNotification;
    }
  /**
   * A non-audio item arrived from the realtime backend.
   *
   * @experimental thread/realtime/itemAdded
   */
  | {
      method: "thread/realtime/itemAdded";
      params: ThreadRealtimeItemAddedNotification;
    }
  /**
   * A chunk of model speech to play.
   *
   * @experimental thread/realtime/outputAudio/delta
   */
  | {
      method: "thread/realtime/outputAudio/delta";
      params: ThreadRealtimeOutputAudioDeltaNotification;
    }
  /**
   * The realtime session hit an error.
   *
   * @experimental thread/realtime/error
   */
  | {
      method: "thread/realtime/error";
      params: ThreadRealtimeErrorNotification;
    }
  /**
   * The realtime session's transport closed.
   *
   * @experimental thread/realtime/closed
   */
  | {
      method: "thread/realtime/closed";
      params: ThreadRealtimeClosedNotification;
    };
