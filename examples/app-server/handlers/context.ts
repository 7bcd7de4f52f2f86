/** What a request handler gets and returns. Handlers never write to a transport themselves. */
import type { Connection } from "../connection.js";
import { ErrorCode, type RpcError } from "../jsonrpc.js";
import type { ClientRequest, ServerNotification } from "../protocol-types.js";
import type { StoredThread, ThreadStore } from "../thread-store.js";

export type Method = ClientRequest["method"];

/** The params type of a request method; `undefined` for methods without params. */
export type ParamsOf<M extends Method> = Extract<ClientRequest, { method: M }> extends { params: infer P } ? P : undefined;

/** Sends notifications. Both queue: the router sends them after the response to the request being handled. */
export interface Notifier {
  /** To the connections that know `thread` (lifecycle: started, status, archived, closed); see `StoredThread.knownBy`. */
  announce(thread: StoredThread, notification: ServerNotification): void;
  /** To the connections subscribed to `thread` right now (turns, items, realtime). */
  notifySubscribers(thread: StoredThread, notification: ServerNotification): void;
}

export interface HandlerContext extends Notifier {
  /** The connection that sent the request. */
  readonly connection: Connection;
  readonly store: ThreadStore;
  /** Length of the request's text: what storing its data is charged against the store's budget. */
  readonly messageBytes: number;
}

export type Outcome<R> = { readonly result: R } | { readonly error: RpcError };

export function ok<R>(result: R): Outcome<R> {
  return { result };
}

export function fail(message: string, code: number = ErrorCode.invalidRequest, data?: unknown): { readonly error: RpcError } {
  return { error: data === undefined ? { code, message } : { code, message, data } };
}

export function threadNotFound(threadId: string): { readonly error: RpcError } {
  return fail(`thread not found: ${threadId}`);
}

/**
 * The thread a request names, for requests any connection holding its id may
 * make (read, resume, fork). Naming a thread that exists makes the connection
 * know it (`StoredThread.knownBy`).
 */
export function findThread(threadId: string, context: HandlerContext): StoredThread | { readonly error: RpcError } {
  const thread = context.store.get(threadId);
  if (!thread) return threadNotFound(threadId);
  thread.knownBy.add(context.connection.id);
  return thread;
}

/**
 * The thread a request acts on (turns, archive, compaction, realtime, ...):
 * only a connection that follows it may, so it must have started, forked or
 * resumed it. Others are told to resume first.
 */
export function followedThread(threadId: string, context: HandlerContext): StoredThread | { readonly error: RpcError } {
  const thread = findThread(threadId, context);
  if ("error" in thread) return thread;
  if (!thread.subscribers.has(context.connection.id)) {
    return fail(`thread ${threadId} is not followed by this connection; call thread/resume first`);
  }
  return thread;
}

/**
 * One page of `items` from an opaque cursor (here: the offset as a decimal
 * string) and a limit. An unreadable cursor is an invalid-params error. With
 * `budget`, a page also ends before the item that would take the sizes of its
 * items past `budget.bytes` (it always holds at least one).
 */
export function paginate<T>(
  items: readonly T[],
  cursor: string | null | undefined,
  limit: number | null | undefined,
  defaultLimit: number,
  budget?: { readonly bytes: number; readonly sizeOf: (item: T) => number },
): Outcome<{ page: T[]; nextCursor: string | null }> {
  const start = cursor === null || cursor === undefined ? 0 : /^\d+$/.test(cursor) ? Number(cursor) : Number.NaN;
  if (!Number.isSafeInteger(start)) {
    const errors = [{ path: "/cursor", message: "is not a cursor this server issued" }];
    return fail("Invalid params: unknown cursor", ErrorCode.invalidParams, { errors });
  }
  let end = Math.min(items.length, start + Math.max(1, Math.floor(limit ?? defaultLimit)));
  if (budget) {
    let bytes = 0;
    for (let index = start; index < end; index++) {
      bytes += budget.sizeOf(items[index]!);
      if (bytes > budget.bytes && index > start) {
        end = index;
        break;
      }
    }
  }
  return ok({ page: items.slice(start, end), nextCursor: end < items.length ? String(end) : null });
}
