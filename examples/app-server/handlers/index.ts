/**
 * The dispatch table: one entry per client request method of the protocol
 * (a method added to protocol-defs/ makes this fail to compile until it gets
 * an entry). `handle: null` marks what the example does not implement.
 */
import type { InitializeResponse, v2 } from "../protocol-types.js";
import { listApps, listCollaborationModes, listModels, readConfigRequirements } from "./catalog.js";
import type { HandlerContext, Method, Outcome, ParamsOf } from "./context.js";
import { appendRealtimeAudio, appendRealtimeText, startRealtime, stopRealtime } from "./realtime.js";
import { initialize } from "./session.js";
import {
  archiveThread,
  cleanBackgroundTerminals,
  forkThread,
  listLoadedThreads,
  listThreads,
  readThread,
  resumeThread,
  startCompaction,
  startThread,
  unarchiveThread,
  unsubscribeThread,
} from "./threads.js";
import { interruptTurn, startTurn, steerTurn } from "./turns.js";

/** Result type of each request. The generated TypeScript has no method → result map, so it is spelled out here. */
interface ResultTable {
  initialize: InitializeResponse;
  "thread/start": v2.ThreadStartResponse;
  "thread/resume": v2.ThreadResumeResponse;
  "thread/fork": v2.ThreadForkResponse;
  "thread/read": v2.ThreadReadResponse;
  "thread/list": v2.ThreadListResponse;
  "thread/loaded/list": v2.ThreadLoadedListResponse;
  "thread/archive": v2.ThreadArchiveResponse;
  "thread/unarchive": v2.ThreadUnarchiveResponse;
  "thread/unsubscribe": v2.ThreadUnsubscribeResponse;
  "thread/compact/start": v2.ThreadCompactStartResponse;
  "thread/backgroundTerminals/clean": v2.ThreadBackgroundTerminalsCleanResponse;
  "thread/realtime/start": v2.ThreadRealtimeStartResponse;
  "thread/realtime/appendAudio": v2.ThreadRealtimeAppendAudioResponse;
  "thread/realtime/appendText": v2.ThreadRealtimeAppendTextResponse;
  "thread/realtime/stop": v2.ThreadRealtimeStopResponse;
  "turn/start": v2.TurnStartResponse;
  "turn/steer": v2.TurnSteerResponse;
  "turn/interrupt": v2.TurnInterruptResponse;
  "model/list": v2.ModelListResponse;
  "collaborationMode/list": v2.CollaborationModeListResponse;
  "app/list": v2.AppsListResponse;
  "configRequirements/read": v2.ConfigRequirementsReadResponse;
  "windowsSandbox/setupStart": v2.WindowsSandboxSetupStartResponse;
}

export interface MethodHandler<M extends Method> {
  /** Definition path of the result type in the generated JSON Schemas (`v2/ThreadStartResponse`), for `--check-output`. */
  readonly result: string;
  /** null: not implemented by the example; answered with -32601. */
  readonly handle: ((params: ParamsOf<M>, context: HandlerContext) => Outcome<ResultTable[M]>) | null;
}

export const HANDLERS: { readonly [M in Method]: MethodHandler<M> } = {
  initialize: { result: "InitializeResponse", handle: initialize },
  "thread/start": { result: "v2/ThreadStartResponse", handle: startThread },
  "thread/resume": { result: "v2/ThreadResumeResponse", handle: resumeThread },
  "thread/fork": { result: "v2/ThreadForkResponse", handle: forkThread },
  "thread/read": { result: "v2/ThreadReadResponse", handle: readThread },
  "thread/list": { result: "v2/ThreadListResponse", handle: listThreads },
  "thread/loaded/list": { result: "v2/ThreadLoadedListResponse", handle: listLoadedThreads },
  "thread/archive": { result: "v2/ThreadArchiveResponse", handle: archiveThread },
  "thread/unarchive": { result: "v2/ThreadUnarchiveResponse", handle: unarchiveThread },
  "thread/unsubscribe": { result: "v2/ThreadUnsubscribeResponse", handle: unsubscribeThread },
  "thread/compact/start": { result: "v2/ThreadCompactStartResponse", handle: startCompaction },
  "thread/backgroundTerminals/clean": { result: "v2/ThreadBackgroundTerminalsCleanResponse", handle: cleanBackgroundTerminals },
  "thread/realtime/start": { result: "v2/ThreadRealtimeStartResponse", handle: startRealtime },
  "thread/realtime/appendAudio": { result: "v2/ThreadRealtimeAppendAudioResponse", handle: appendRealtimeAudio },
  "thread/realtime/appendText": { result: "v2/ThreadRealtimeAppendTextResponse", handle: appendRealtimeText },
  "thread/realtime/stop": { result: "v2/ThreadRealtimeStopResponse", handle: stopRealtime },
  "turn/start": { result: "v2/TurnStartResponse", handle: startTurn },
  "turn/steer": { result: "v2/TurnSteerResponse", handle: steerTurn },
  "turn/interrupt": { result: "v2/TurnInterruptResponse", handle: interruptTurn },
  "model/list": { result: "v2/ModelListResponse", handle: listModels },
  "collaborationMode/list": { result: "v2/CollaborationModeListResponse", handle: listCollaborationModes },
  "app/list": { result: "v2/AppsListResponse", handle: listApps },
  "configRequirements/read": { result: "v2/ConfigRequirementsReadResponse", handle: readConfigRequirements },
  // Windows-only and long-running: out of scope for an in-memory example.
  "windowsSandbox/setupStart": { result: "v2/WindowsSandboxSetupStartResponse", handle: null },
};

/** A table entry seen from the router, which has only checked, untyped params. */
export interface UntypedHandler {
  readonly result: string;
  readonly handle: ((params: unknown, context: HandlerContext) => Outcome<unknown>) | null;
}

export function findHandler(method: string): UntypedHandler | undefined {
  // Own keys only: a method named "toString" must not find Object.prototype.
  if (!Object.hasOwn(HANDLERS, method)) return undefined;
  // Sound because the router validates params against the method's generated schema first.
  return HANDLERS[method as Method] as unknown as UntypedHandler;
}

/** Method → result definition path, for the output checks. */
export const RESULT_TYPES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(HANDLERS).map(([method, handler]) => [method, handler.result]),
);
