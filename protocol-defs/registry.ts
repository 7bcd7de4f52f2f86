/**
 * The four method registries of the app-server protocol. Keys are wire method
 * names; values give params and result (requests) or payload (notifications).
 * `Request<undefined, R>` / `Notification<undefined>` mean "no params".
 */
import type { Notification, Request } from "schemagate/markers";
import type { InitializeParams, InitializeResponse } from "./initialize.js";
import type { AppListUpdatedNotification, AppsListParams, AppsListResponse } from "./v2/app.js";
import type {
  CommandExecutionRequestApprovalParams,
  CommandExecutionRequestApprovalResponse,
  FileChangeRequestApprovalParams,
  FileChangeRequestApprovalResponse,
} from "./v2/approval.js";
import type { CollaborationModeListParams, CollaborationModeListResponse } from "./v2/collaboration.js";
import type { ConfigRequirementsReadResponse } from "./v2/config.js";
import type { ErrorNotification } from "./v2/error.js";
import type { ItemCompletedNotification, ItemStartedNotification } from "./v2/item.js";
import type { ModelListParams, ModelListResponse, ModelReroutedNotification } from "./v2/model.js";
import type {
  ThreadRealtimeAppendAudioParams,
  ThreadRealtimeAppendAudioResponse,
  ThreadRealtimeAppendTextParams,
  ThreadRealtimeAppendTextResponse,
  ThreadRealtimeClosedNotification,
  ThreadRealtimeErrorNotification,
  ThreadRealtimeItemAddedNotification,
  ThreadRealtimeOutputAudioDeltaNotification,
  ThreadRealtimeStartedNotification,
  ThreadRealtimeStartParams,
  ThreadRealtimeStartResponse,
  ThreadRealtimeStopParams,
  ThreadRealtimeStopResponse,
} from "./v2/realtime.js";
import type {
  WindowsSandboxSetupCompletedNotification,
  WindowsSandboxSetupStartParams,
  WindowsSandboxSetupStartResponse,
} from "./v2/sandbox.js";
import type {
  ThreadArchivedNotification,
  ThreadArchiveParams,
  ThreadArchiveResponse,
  ThreadBackgroundTerminalsCleanParams,
  ThreadBackgroundTerminalsCleanResponse,
  ThreadClosedNotification,
  ThreadCompactStartParams,
  ThreadCompactStartResponse,
  ThreadForkParams,
  ThreadForkResponse,
  ThreadListParams,
  ThreadListResponse,
  ThreadLoadedListParams,
  ThreadLoadedListResponse,
  ThreadReadParams,
  ThreadReadResponse,
  ThreadResumeParams,
  ThreadResumeResponse,
  ThreadStartedNotification,
  ThreadStartParams,
  ThreadStartResponse,
  ThreadStatusChangedNotification,
  ThreadUnarchivedNotification,
  ThreadUnarchiveParams,
  ThreadUnarchiveResponse,
  ThreadUnsubscribeParams,
  ThreadUnsubscribeResponse,
} from "./v2/thread.js";
import type {
  DynamicToolCallParams,
  DynamicToolCallResponse,
  ToolRequestUserInputParams,
  ToolRequestUserInputResponse,
} from "./v2/tool.js";
import type {
  TurnCompletedNotification,
  TurnInterruptParams,
  TurnInterruptResponse,
  TurnStartedNotification,
  TurnStartParams,
  TurnStartResponse,
  TurnSteerParams,
  TurnSteerResponse,
} from "./v2/turn.js";

/** @methods clientRequest */
export interface ClientRequests {
  /** Handshake: identify the client and declare capabilities (including the experimental opt-in). Must be sent first. */
  initialize: Request<InitializeParams, InitializeResponse>;

  /** Create a thread and subscribe to it. */
  "thread/start": Request<ThreadStartParams, ThreadStartResponse>;
  /** Load a stored thread, with its turns, and subscribe to it. */
  "thread/resume": Request<ThreadResumeParams, ThreadResumeResponse>;
  /** Copy a stored thread into a new thread and subscribe to the copy. */
  "thread/fork": Request<ThreadForkParams, ThreadForkResponse>;
  /** Read a thread (with its runtime status, optionally its turns) without subscribing. */
  "thread/read": Request<ThreadReadParams, ThreadReadResponse>;
  /** Page through stored threads, each with its runtime status. */
  "thread/list": Request<ThreadListParams, ThreadListResponse>;
  /** Page through the ids of threads currently loaded in memory. */
  "thread/loaded/list": Request<ThreadLoadedListParams, ThreadLoadedListResponse>;
  /** Archive a thread; emits `thread/archived`. */
  "thread/archive": Request<ThreadArchiveParams, ThreadArchiveResponse>;
  /** Restore an archived thread; emits `thread/unarchived`. */
  "thread/unarchive": Request<ThreadUnarchiveParams, ThreadUnarchiveResponse>;
  /** Stop following a live thread; the last subscriber leaving unloads it (`thread/closed`). */
  "thread/unsubscribe": Request<ThreadUnsubscribeParams, ThreadUnsubscribeResponse>;
  /** Trigger a context compaction of a thread; returns `{}` immediately. */
  "thread/compact/start": Request<ThreadCompactStartParams, ThreadCompactStartResponse>;
  /**
   * Terminate the background terminals a thread keeps alive across turns.
   * @experimental thread/backgroundTerminals/clean
   */
  "thread/backgroundTerminals/clean": Request<ThreadBackgroundTerminalsCleanParams, ThreadBackgroundTerminalsCleanResponse>;

  /**
   * Open a realtime (voice) session bound to a thread.
   * @experimental thread/realtime/start
   */
  "thread/realtime/start": Request<ThreadRealtimeStartParams, ThreadRealtimeStartResponse>;
  /**
   * Stream input audio into the thread's realtime session.
   * @experimental thread/realtime/appendAudio
   */
  "thread/realtime/appendAudio": Request<ThreadRealtimeAppendAudioParams, ThreadRealtimeAppendAudioResponse>;
  /**
   * Send text input into the thread's realtime session.
   * @experimental thread/realtime/appendText
   */
  "thread/realtime/appendText": Request<ThreadRealtimeAppendTextParams, ThreadRealtimeAppendTextResponse>;
  /**
   * Close the thread's realtime session.
   * @experimental thread/realtime/stop
   */
  "thread/realtime/stop": Request<ThreadRealtimeStopParams, ThreadRealtimeStopResponse>;

  /** Send user input and run a new turn. */
  "turn/start": Request<TurnStartParams, TurnStartResponse>;
  /** Append user input to the running turn (no overrides, no `turn/started`). */
  "turn/steer": Request<TurnSteerParams, TurnSteerResponse>;
  /** Interrupt a running turn. */
  "turn/interrupt": Request<TurnInterruptParams, TurnInterruptResponse>;

  /** List every model, with `showInPicker` for client-side filtering. */
  "model/list": Request<ModelListParams, ModelListResponse>;
  /**
   * List collaboration mode presets.
   * @experimental collaborationMode/list
   */
  "collaborationMode/list": Request<CollaborationModeListParams, CollaborationModeListResponse>;
  /** List apps (connectors); may also emit `app/list/updated` as sources finish loading. */
  "app/list": Request<AppsListParams, AppsListResponse>;
  /** Read administrator requirements (requirements.toml / MDM). */
  "configRequirements/read": Request<undefined, ConfigRequirementsReadResponse>;
  /** Start Windows sandbox setup; completion arrives as `windowsSandbox/setupCompleted`. */
  "windowsSandbox/setupStart": Request<WindowsSandboxSetupStartParams, WindowsSandboxSetupStartResponse>;
}

/** @methods clientNotification */
export interface ClientNotifications {
  /** The client processed the `initialize` result; the server may now send requests and notifications. */
  initialized: Notification<undefined>;
}

/** @methods serverRequest */
export interface ServerRequests {
  /** Ask the client whether a command may run (turns started with `turn/start`). */
  "item/commandExecution/requestApproval": Request<
    CommandExecutionRequestApprovalParams,
    CommandExecutionRequestApprovalResponse
  >;
  /** Ask the client whether file changes may be applied (turns started with `turn/start`). */
  "item/fileChange/requestApproval": Request<FileChangeRequestApprovalParams, FileChangeRequestApprovalResponse>;
  /** Run a client-implemented (dynamic) tool the model called and return its output. */
  "item/tool/call": Request<DynamicToolCallParams, DynamicToolCallResponse>;
  /** Ask the user questions on behalf of the agent (`request_user_input` tool). */
  "item/tool/requestUserInput": Request<ToolRequestUserInputParams, ToolRequestUserInputResponse>;
}

/** @methods serverNotification */
export interface ServerNotifications {
  /** An error occurred during a turn (may be retried by the server). */
  error: Notification<ErrorNotification>;
  /** A thread was created or loaded. */
  "thread/started": Notification<ThreadStartedNotification>;
  /** A thread's runtime status changed. */
  "thread/status/changed": Notification<ThreadStatusChangedNotification>;
  /** A thread was archived. */
  "thread/archived": Notification<ThreadArchivedNotification>;
  /** A thread was restored from the archive. */
  "thread/unarchived": Notification<ThreadUnarchivedNotification>;
  /** A thread was unloaded after its last subscriber left. */
  "thread/closed": Notification<ThreadClosedNotification>;
  /** A turn started. */
  "turn/started": Notification<TurnStartedNotification>;
  /** A turn reached its final status. */
  "turn/completed": Notification<TurnCompletedNotification>;
  /** An item began. */
  "item/started": Notification<ItemStartedNotification>;
  /** An item reached its final state. */
  "item/completed": Notification<ItemCompletedNotification>;
  /** A turn's request was served by a different model than requested. */
  "model/rerouted": Notification<ModelReroutedNotification>;
  /** The app list changed (e.g. accessible apps loaded before the directory). */
  "app/list/updated": Notification<AppListUpdatedNotification>;
  /** Windows sandbox setup finished. */
  "windowsSandbox/setupCompleted": Notification<WindowsSandboxSetupCompletedNotification>;
  /**
   * The realtime session was accepted.
   * @experimental thread/realtime/started
   */
  "thread/realtime/started": Notification<ThreadRealtimeStartedNotification>;
  /**
   * A non-audio item arrived from the realtime backend.
   * @experimental thread/realtime/itemAdded
   */
  "thread/realtime/itemAdded": Notification<ThreadRealtimeItemAddedNotification>;
  /**
   * A chunk of model speech to play.
   * @experimental thread/realtime/outputAudio/delta
   */
  "thread/realtime/outputAudio/delta": Notification<ThreadRealtimeOutputAudioDeltaNotification>;
  /**
   * The realtime session hit an error.
   * @experimental thread/realtime/error
   */
  "thread/realtime/error": Notification<ThreadRealtimeErrorNotification>;
  /**
   * The realtime session's transport closed.
   * @experimental thread/realtime/closed
   */
  "thread/realtime/closed": Notification<ThreadRealtimeClosedNotification>;
}
