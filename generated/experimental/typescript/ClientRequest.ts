// GENERATED CODE! DO NOT MODIFY BY HAND!
// Regenerate with: just write-app-server-schema --experimental

import type { InitializeParams } from "./InitializeParams.js";
import type { RequestId } from "./RequestId.js";
import type { AppsListParams } from "./v2/AppsListParams.js";
import type { CollaborationModeListParams } from "./v2/CollaborationModeListParams.js";
import type { ModelListParams } from "./v2/ModelListParams.js";
import type { ThreadArchiveParams } from "./v2/ThreadArchiveParams.js";
import type { ThreadBackgroundTerminalsCleanParams } from "./v2/ThreadBackgroundTerminalsCleanParams.js";
import type { ThreadCompactStartParams } from "./v2/ThreadCompactStartParams.js";
import type { ThreadForkParams } from "./v2/ThreadForkParams.js";
import type { ThreadListParams } from "./v2/ThreadListParams.js";
import type { ThreadLoadedListParams } from "./v2/ThreadLoadedListParams.js";
import type { ThreadReadParams } from "./v2/ThreadReadParams.js";
import type { ThreadRealtimeAppendAudioParams } from "./v2/ThreadRealtimeAppendAudioParams.js";
import type { ThreadRealtimeAppendTextParams } from "./v2/ThreadRealtimeAppendTextParams.js";
import type { ThreadRealtimeStartParams } from "./v2/ThreadRealtimeStartParams.js";
import type { ThreadRealtimeStopParams } from "./v2/ThreadRealtimeStopParams.js";
import type { ThreadResumeParams } from "./v2/ThreadResumeParams.js";
import type { ThreadStartParams } from "./v2/ThreadStartParams.js";
import type { ThreadUnarchiveParams } from "./v2/ThreadUnarchiveParams.js";
import type { ThreadUnsubscribeParams } from "./v2/ThreadUnsubscribeParams.js";
import type { TurnInterruptParams } from "./v2/TurnInterruptParams.js";
import type { TurnStartParams } from "./v2/TurnStartParams.js";
import type { TurnSteerParams } from "./v2/TurnSteerParams.js";
import type { WindowsSandboxSetupStartParams } from "./v2/WindowsSandboxSetupStartParams.js";

/** Every request the client can send, as it appears on the wire. */
export type ClientRequest =
  /** Handshake: identify the client and declare capabilities (including the experimental opt-in). Must be sent first. */
  | {
      method: "initialize";
      id: RequestId;
      params: InitializeParams;
    }
  /** Create a thread and subscribe to it. */
  | {
      method: "thread/start";
      id: RequestId;
      params: ThreadStartParams;
    }
  /** Load a stored thread, with its turns, and subscribe to it. */
  | {
      method: "thread/resume";
      id: RequestId;
      params: ThreadResumeParams;
    }
  /** Copy a stored thread into a new thread and subscribe to the copy. */
  | {
      method: "thread/fork";
      id: RequestId;
      params: ThreadForkParams;
    }
  /** Read a thread (with its runtime status, optionally its turns) without subscribing. */
  | {
      method: "thread/read";
      id: RequestId;
      params: ThreadReadParams;
    }
  /** Page through stored threads, each with its runtime status. */
  | {
      method: "thread/list";
      id: RequestId;
      params: ThreadListParams;
    }
  /** Page through the ids of threads currently loaded in memory. */
  | {
      method: "thread/loaded/list";
      id: RequestId;
      params: ThreadLoadedListParams;
    }
  /** Archive a thread; emits `thread/archived`. */
  | {
      method: "thread/archive";
      id: RequestId;
      params: ThreadArchiveParams;
    }
  /** Restore an archived thread; emits `thread/unarchived`. */
  | {
      method: "thread/unarchive";
      id: RequestId;
      params: ThreadUnarchiveParams;
    }
  /** Stop following a live thread; the last subscriber leaving unloads it (`thread/closed`). */
  | {
      method: "thread/unsubscribe";
      id: RequestId;
      params: ThreadUnsubscribeParams;
    }
  /** Trigger a context compaction of a thread; returns `{}` immediately. */
  | {
      method: "thread/compact/start";
      id: RequestId;
      params: ThreadCompactStartParams;
    }
  /**
   * Terminate the background terminals a thread keeps alive across turns.
   *
   * @experimental thread/backgroundTerminals/clean
   */
  | {
      method: "thread/backgroundTerminals/clean";
      id: RequestId;
      params: ThreadBackgroundTerminalsCleanParams;
    }
  /**
   * Open a realtime (voice) session bound to a thread.
   *
   * @experimental thread/realtime/start
   */
  | {
      method: "thread/realtime/start";
      id: RequestId;
      params: ThreadRealtimeStartParams;
    }
  /**
   * Stream input audio into the thread's realtime session.
   *
   * @experimental thread/realtime/appendAudio
   */
  | {
      method: "thread/realtime/appendAudio";
      id: RequestId;
      params: ThreadRealtimeAppendAudioParams;
    }
  /**
   * Send text input into the thread's realtime session.
   *
   * @experimental thread/realtime/appendText
   */
  | {
      method: "thread/realtime/appendText";
      id: RequestId;
      params: ThreadRealtimeAppendTextParams;
    }
  /**
   * Close the thread's realtime session.
   *
   * @experimental thread/realtime/stop
   */
  | {
      method: "thread/realtime/stop";
      id: RequestId;
      params: ThreadRealtimeStopParams;
    }
  /** Send user input and run a new turn. */
  | {
      method: "turn/start";
      id: RequestId;
      params: TurnStartParams;
    }
  /** Append user input to the running turn (no overrides, no `turn/started`). */
  | {
      method: "turn/steer";
      id: RequestId;
      params: TurnSteerParams;
    }
  /** Interrupt a running turn. */
  | {
      method: "turn/interrupt";
      id: RequestId;
      params: TurnInterruptParams;
    }
  /** List every model, with `showInPicker` for client-side filtering. */
  | {
      method: "model/list";
      id: RequestId;
      params: ModelListParams;
    }
  /**
   * List collaboration mode presets.
   *
   * @experimental collaborationMode/list
   */
  | {
      method: "collaborationMode/list";
      id: RequestId;
      params: CollaborationModeListParams;
    }
  /** List apps (connectors); may also emit `app/list/updated` as sources finish loading. */
  | {
      method: "app/list";
      id: RequestId;
      params: AppsListParams;
    }
  /** Read administrator requirements (requirements.toml / MDM). */
  | {
      method: "configRequirements/read";
      id: RequestId;
    }
  /** Start Windows sandbox setup; completion arrives as `windowsSandbox/setupCompleted`. */
  | {
      method: "windowsSandbox/setupStart";
      id: RequestId;
      params: WindowsSandboxSetupStartParams;
    };
