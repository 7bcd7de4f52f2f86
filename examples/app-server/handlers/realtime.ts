/**
 * Experimental `thread/realtime/*`. The gate keeps these from connections that
 * did not opt in, and the router never sends them `thread/realtime/*`
 * notifications. There is no voice backend: text comes back as an item, audio
 * is echoed.
 */
import { uuidv7 } from "../ids.js";
import type { v2 } from "../protocol-types.js";
import type { StoredThread } from "../thread-store.js";
import { fail, followedThread, ok, type HandlerContext, type Outcome, type ParamsOf } from "./context.js";

export function startRealtime(
  params: ParamsOf<"thread/realtime/start">,
  context: HandlerContext,
): Outcome<v2.ThreadRealtimeStartResponse> {
  const thread = followedThread(params.threadId, context);
  if ("error" in thread) return thread;
  if (thread.realtimeSessionId !== null) return fail(`thread ${thread.id} already has a realtime session`);
  const sessionId = params.sessionId ?? `rt_${uuidv7()}`;
  thread.realtimeSessionId = sessionId;
  context.notifySubscribers(thread, { method: "thread/realtime/started", params: { threadId: thread.id, sessionId } });
  return ok({});
}

export function appendRealtimeText(
  params: ParamsOf<"thread/realtime/appendText">,
  context: HandlerContext,
): Outcome<v2.ThreadRealtimeAppendTextResponse> {
  const thread = withSession(params.threadId, context);
  if ("error" in thread) return thread;
  const item = { type: "message", role: "user", content: [{ type: "input_text", text: params.text }] };
  context.notifySubscribers(thread, { method: "thread/realtime/itemAdded", params: { threadId: thread.id, item } });
  return ok({});
}

export function appendRealtimeAudio(
  params: ParamsOf<"thread/realtime/appendAudio">,
  context: HandlerContext,
): Outcome<v2.ThreadRealtimeAppendAudioResponse> {
  const thread = withSession(params.threadId, context);
  if ("error" in thread) return thread;
  context.notifySubscribers(thread, { method: "thread/realtime/outputAudio/delta", params: { threadId: thread.id, audio: params.audio } });
  return ok({});
}

export function stopRealtime(params: ParamsOf<"thread/realtime/stop">, context: HandlerContext): Outcome<v2.ThreadRealtimeStopResponse> {
  const thread = withSession(params.threadId, context);
  if ("error" in thread) return thread;
  thread.realtimeSessionId = null;
  context.notifySubscribers(thread, { method: "thread/realtime/closed", params: { threadId: thread.id, reason: "stopped by the client" } });
  return ok({});
}

function withSession(threadId: string, context: HandlerContext): StoredThread | ReturnType<typeof fail> {
  const thread = followedThread(threadId, context);
  if ("error" in thread) return thread;
  return thread.realtimeSessionId === null ? fail(`thread ${threadId} has no realtime session; call thread/realtime/start`) : thread;
}
