/**
 * turn/start, turn/steer, turn/interrupt. There is no model behind the example:
 * a turn records the user's input as `userMessage` items and stays
 * `inProgress` until `turn/interrupt` (or its thread is unloaded).
 */
import { uuidv7 } from "../ids.js";
import type { v2 } from "../protocol-types.js";
import { nowSeconds, statusOf, type StoredThread } from "../thread-store.js";
import { fail, followedThread, ok, type HandlerContext, type Outcome, type ParamsOf } from "./context.js";

export function startTurn(params: ParamsOf<"turn/start">, context: HandlerContext): Outcome<v2.TurnStartResponse> {
  const thread = followedThread(params.threadId, context);
  if ("error" in thread) return thread;
  if (thread.activeTurn) {
    return fail(`turn ${thread.activeTurn.id} is still running in thread ${thread.id}; use turn/steer or turn/interrupt`);
  }
  const refused = context.store.charge(thread, context.messageBytes);
  if (refused) return fail(`turn/start refused: ${refused}`);
  const settings = thread.settings;
  thread.settings = {
    ...settings,
    cwd: params.cwd ?? settings.cwd,
    approvalPolicy: params.approvalPolicy ?? settings.approvalPolicy,
    sandbox: params.sandboxPolicy ?? settings.sandbox,
    model: params.model ?? settings.model,
    serviceTier: params.serviceTier ?? settings.serviceTier,
    reasoningEffort: params.effort ?? settings.reasoningEffort,
  };
  const turn: v2.Turn = { id: uuidv7(), items: [], status: "inProgress", error: null };
  thread.turns.push(turn);
  thread.activeTurn = turn;
  if (thread.preview === "") thread.preview = previewOf(params.input);
  context.notifySubscribers(thread, { method: "turn/started", params: { threadId: thread.id, turn: withoutItems(turn) } });
  context.announce(thread, { method: "thread/status/changed", params: { threadId: thread.id, status: statusOf(thread) } });
  addUserMessage(thread, turn, params.input, context);
  return ok({ turn: withoutItems(turn) });
}

export function steerTurn(params: ParamsOf<"turn/steer">, context: HandlerContext): Outcome<v2.TurnSteerResponse> {
  const thread = followedThread(params.threadId, context);
  if ("error" in thread) return thread;
  const turn = thread.activeTurn;
  if (!turn) return fail(`no active turn to steer in thread ${thread.id}`);
  if (params.expectedTurnId !== undefined && params.expectedTurnId !== null && params.expectedTurnId !== turn.id) {
    return fail(`expected turn ${params.expectedTurnId} but turn ${turn.id} is active`);
  }
  const refused = context.store.charge(thread, context.messageBytes);
  if (refused) return fail(`turn/steer refused: ${refused}`);
  addUserMessage(thread, turn, params.input, context);
  return ok({ turnId: turn.id });
}

export function interruptTurn(params: ParamsOf<"turn/interrupt">, context: HandlerContext): Outcome<v2.TurnInterruptResponse> {
  const thread = followedThread(params.threadId, context);
  if ("error" in thread) return thread;
  const turn = thread.activeTurn;
  if (!turn || turn.id !== params.turnId) return fail(`turn ${params.turnId} is not running in thread ${thread.id}`);
  turn.status = "interrupted";
  thread.activeTurn = null;
  thread.updatedAt = nowSeconds();
  context.notifySubscribers(thread, { method: "turn/completed", params: { threadId: thread.id, turn: withoutItems(turn) } });
  context.announce(thread, { method: "thread/status/changed", params: { threadId: thread.id, status: statusOf(thread) } });
  return ok({});
}

/** Records input as a `userMessage` item: `item/started`, then `item/completed` (it is complete on arrival). */
function addUserMessage(thread: StoredThread, turn: v2.Turn, input: v2.UserInput[], context: HandlerContext): void {
  // `input` was parsed for this request alone and nothing else holds it: it is kept as it is.
  const item: v2.ThreadItem = { type: "userMessage", id: uuidv7(), content: input };
  turn.items.push(item);
  thread.updatedAt = nowSeconds();
  const params = { threadId: thread.id, turnId: turn.id, item };
  context.notifySubscribers(thread, { method: "item/started", params });
  context.notifySubscribers(thread, { method: "item/completed", params });
}

/** Turns in responses and notifications carry no items (the protocol fills them only on read/resume/fork). */
function withoutItems(turn: v2.Turn): v2.Turn {
  return { ...turn, items: [] };
}

function previewOf(input: readonly v2.UserInput[]): string {
  for (const piece of input) if (piece.type === "text") return piece.text.slice(0, 200);
  return "";
}
