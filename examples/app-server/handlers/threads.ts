/** thread/* lifecycle: start, resume, fork, read, list, loaded/list, archive, unarchive, unsubscribe, compact. */
import type { v2 } from "../protocol-types.js";
import { nowSeconds, statusOf, toWireThread, type StoredThread, type ThreadSettings, type ThreadStore } from "../thread-store.js";
import {
  fail,
  findThread,
  followedThread,
  ok,
  paginate,
  type HandlerContext,
  type Notifier,
  type Outcome,
  type ParamsOf,
} from "./context.js";

const DEFAULT_SETTINGS: ThreadSettings = {
  model: "example-model",
  modelProvider: "openai",
  serviceTier: null,
  cwd: process.cwd(),
  approvalPolicy: "on-request",
  sandbox: sandboxPolicyFor("read-only"),
  reasoningEffort: null,
  persistExtendedHistory: false,
};

type SessionResponse = v2.ThreadStartResponse & v2.ThreadResumeResponse & v2.ThreadForkResponse;

export function startThread(params: ParamsOf<"thread/start">, context: HandlerContext): Outcome<v2.ThreadStartResponse> {
  const thread = context.store.create(withOverrides(DEFAULT_SETTINGS, params), params.ephemeral ?? false, context.messageBytes);
  if ("refused" in thread) return fail(`thread/start refused: ${thread.refused}`);
  join(thread, context);
  announceLoaded(thread, context);
  return ok(sessionResponse(thread, false));
}

/** Follows a loaded thread (the store holds no other); its settings take the overrides. */
export function resumeThread(params: ParamsOf<"thread/resume">, context: HandlerContext): Outcome<v2.ThreadResumeResponse> {
  if (params.path !== undefined && params.path !== null) return noRolloutFiles();
  const thread = findThread(params.threadId, context);
  if ("error" in thread) return thread;
  thread.settings = withOverrides(thread.settings, params);
  join(thread, context);
  return ok(sessionResponse(thread, true));
}

export function forkThread(params: ParamsOf<"thread/fork">, context: HandlerContext): Outcome<v2.ThreadForkResponse> {
  if (params.path !== undefined && params.path !== null) return noRolloutFiles();
  const source = findThread(params.threadId, context);
  if ("error" in source) return source;
  // A running turn of the source is copied as interrupted: the copy has no worker behind it.
  // Items never change once added, so the copy shares them; turns and their item lists are the fork's own.
  const turns = source.turns.map((turn) => ({
    ...turn,
    items: [...turn.items],
    status: turn.status === "inProgress" ? ("interrupted" as const) : turn.status,
  }));
  const bytes = source.retainedBytes + context.messageBytes;
  const thread = context.store.create(withOverrides(source.settings, params), source.ephemeral, bytes, turns, source.preview);
  if ("refused" in thread) return fail(`thread/fork refused: ${thread.refused}`);
  join(thread, context);
  announceLoaded(thread, context);
  return ok(sessionResponse(thread, true));
}

export function readThread(params: ParamsOf<"thread/read">, context: HandlerContext): Outcome<v2.ThreadReadResponse> {
  const thread = findThread(params.threadId, context);
  return "error" in thread ? thread : ok({ thread: toWireThread(thread, params.includeTurns) });
}

export function listThreads(params: ParamsOf<"thread/list">, context: HandlerContext): Outcome<v2.ThreadListResponse> {
  const wantArchived = params.archived === true;
  const sourceKinds = params.sourceKinds ?? [];
  const providers = params.modelProviders ?? [];
  const matching = context.store
    .all()
    .filter((thread) => thread.knownBy.has(context.connection.id))
    .filter((thread) => thread.archived === wantArchived)
    // Every thread here comes from an app-server client; an empty filter means "interactive origins", which includes it.
    .filter(() => sourceKinds.length === 0 || sourceKinds.includes("appServer"))
    .filter((thread) => providers.length === 0 || providers.includes(thread.settings.modelProvider))
    .filter((thread) => params.cwd === undefined || params.cwd === null || thread.settings.cwd === params.cwd)
    .filter((thread) => !params.searchTerm || thread.preview.includes(params.searchTerm));
  const key = params.sortKey === "updated_at" ? "updatedAt" : "createdAt";
  // Newest first; ids are UUIDv7, so they break ties in creation order.
  matching.sort((a, b) => b[key] - a[key] || (a.id < b.id ? 1 : -1));
  // A page is no larger than one full thread may be, however many threads it could list.
  const budget = { bytes: context.store.maxThreadBytes, sizeOf: (thread: StoredThread) => thread.retainedBytes };
  const paged = paginate(matching, params.cursor, params.limit, 25, budget);
  if ("error" in paged) return paged;
  return ok({ data: paged.result.page.map((thread) => toWireThread(thread)), nextCursor: paged.result.nextCursor });
}

export function listLoadedThreads(params: ParamsOf<"thread/loaded/list">, context: HandlerContext): Outcome<v2.ThreadLoadedListResponse> {
  const ids = context.store
    .all()
    .filter((thread) => thread.loaded && thread.knownBy.has(context.connection.id))
    .map((thread) => thread.id);
  const paged = paginate(ids, params.cursor, params.limit, Number.MAX_SAFE_INTEGER);
  if ("error" in paged) return paged;
  return ok({ data: paged.result.page, nextCursor: paged.result.nextCursor });
}

export function archiveThread(params: ParamsOf<"thread/archive">, context: HandlerContext): Outcome<v2.ThreadArchiveResponse> {
  const thread = followedThread(params.threadId, context);
  if ("error" in thread) return thread;
  if (thread.archived) return fail(`thread ${thread.id} is already archived`);
  thread.archived = true;
  thread.updatedAt = nowSeconds();
  context.announce(thread, { method: "thread/archived", params: { threadId: thread.id } });
  return ok({});
}

export function unarchiveThread(params: ParamsOf<"thread/unarchive">, context: HandlerContext): Outcome<v2.ThreadUnarchiveResponse> {
  const thread = followedThread(params.threadId, context);
  if ("error" in thread) return thread;
  if (!thread.archived) return fail(`thread ${thread.id} is not archived`);
  thread.archived = false;
  thread.updatedAt = nowSeconds();
  context.announce(thread, { method: "thread/unarchived", params: { threadId: thread.id } });
  return ok({ thread: toWireThread(thread) });
}

export function unsubscribeThread(params: ParamsOf<"thread/unsubscribe">, context: HandlerContext): Outcome<v2.ThreadUnsubscribeResponse> {
  const thread = context.store.get(params.threadId);
  if (!thread || !thread.loaded) return ok({ status: "notLoaded" });
  if (!thread.subscribers.has(context.connection.id)) return ok({ status: "notSubscribed" });
  leaveThread(thread, context.connection.id, context.store, context);
  return ok({ status: "unsubscribed" });
}

/**
 * Removes a subscriber (an unsubscribe, or its connection closing). The last
 * one leaving unloads the thread: `thread/closed`, then `thread/status/changed`
 * to `notLoaded`, to the connections that know it; then the store releases it.
 */
export function leaveThread(thread: StoredThread, connectionId: number, store: ThreadStore, notifier: Notifier): void {
  thread.subscribers.delete(connectionId);
  if (thread.subscribers.size > 0 || !thread.loaded) return;
  thread.loaded = false;
  if (thread.activeTurn) thread.activeTurn.status = "interrupted";
  thread.activeTurn = null;
  thread.realtimeSessionId = null;
  notifier.announce(thread, { method: "thread/closed", params: { threadId: thread.id } });
  notifier.announce(thread, { method: "thread/status/changed", params: { threadId: thread.id, status: statusOf(thread) } });
  store.release(thread);
}

export function startCompaction(params: ParamsOf<"thread/compact/start">, context: HandlerContext): Outcome<v2.ThreadCompactStartResponse> {
  const thread = followedThread(params.threadId, context);
  if ("error" in thread) return thread;
  // Trigger-only, as in codex: answer at once. There is no history to compact here.
  return ok({});
}

export function cleanBackgroundTerminals(
  params: ParamsOf<"thread/backgroundTerminals/clean">,
  context: HandlerContext,
): Outcome<v2.ThreadBackgroundTerminalsCleanResponse> {
  // The example runs no commands, so there is never a terminal to terminate.
  const thread = followedThread(params.threadId, context);
  return "error" in thread ? thread : ok({});
}

/** `thread/started` and the first `thread/status/changed` of a thread that was created or loaded. */
function announceLoaded(thread: StoredThread, notifier: Notifier): void {
  notifier.announce(thread, { method: "thread/started", params: { thread: toWireThread(thread) } });
  notifier.announce(thread, { method: "thread/status/changed", params: { threadId: thread.id, status: statusOf(thread) } });
}

/** The requesting connection follows the thread (and so knows it). */
function join(thread: StoredThread, context: HandlerContext): void {
  thread.subscribers.add(context.connection.id);
  thread.knownBy.add(context.connection.id);
}

function sessionResponse(thread: StoredThread, includeTurns: boolean): SessionResponse {
  const { model, modelProvider, serviceTier, cwd, approvalPolicy, sandbox, reasoningEffort } = thread.settings;
  return { thread: toWireThread(thread, includeTurns), model, modelProvider, serviceTier, cwd, approvalPolicy, sandbox, reasoningEffort };
}

interface SettingsOverrides {
  model?: string | null;
  modelProvider?: string | null;
  serviceTier?: v2.ThreadStartParams["serviceTier"];
  cwd?: string | null;
  approvalPolicy?: v2.AskForApproval | null;
  sandbox?: v2.SandboxMode | null;
  persistExtendedHistory?: boolean;
}

/** `null` and absent both mean "keep". */
function withOverrides(base: ThreadSettings, overrides: SettingsOverrides): ThreadSettings {
  return {
    ...base,
    model: overrides.model ?? base.model,
    modelProvider: overrides.modelProvider ?? base.modelProvider,
    serviceTier: overrides.serviceTier ?? base.serviceTier,
    cwd: overrides.cwd ?? base.cwd,
    approvalPolicy: overrides.approvalPolicy ?? base.approvalPolicy,
    sandbox: overrides.sandbox ? sandboxPolicyFor(overrides.sandbox) : base.sandbox,
    persistExtendedHistory: overrides.persistExtendedHistory ?? base.persistExtendedHistory,
  };
}

function sandboxPolicyFor(mode: v2.SandboxMode): v2.SandboxPolicy {
  switch (mode) {
    case "read-only":
      return { type: "readOnly", networkAccess: false };
    case "workspace-write":
      return { type: "workspaceWrite", writableRoots: [], networkAccess: false, excludeTmpdirEnvVar: false, excludeSlashTmp: false };
    case "danger-full-access":
      return { type: "dangerFullAccess" };
  }
}

function noRolloutFiles(): { readonly error: { code: number; message: string } } {
  return fail("the example keeps threads in memory only: there are no rollout files to load by path");
}
