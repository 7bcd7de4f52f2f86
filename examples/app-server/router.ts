/**
 * One incoming message → at most one reply, then the notifications it caused.
 * Order per request: initialized? → gate (experimental use without opt-in,
 * -32600) → known method (-32601) → params schema of the connection's audience
 * (-32602) → handler.
 *
 * A connection that did not opt in is validated against the closed stable
 * schema. The gate has passed its params, so any experimental field left in
 * them is unused (null/false/empty), i.e. means the same as absent;
 * `gate.stripUnused` removes those and the stable schema checks the rest. The
 * handler then gets those same stripped params: exactly the value that was
 * validated, of the stable shape, so no handler can act on (or echo) an
 * experimental field for a client that did not opt in. An opted-in connection's
 * params are validated against the experimental schema and handed over as
 * they came.
 *
 * Whatever a message holds, routing it never throws: a message nested deeper
 * than `maxDepth` is refused before anything walks it (-32600), and a handler
 * or validator that throws anyway answers -32603, logged. Replies and
 * notifications go out through send.ts (the outgoing gate, serialization and
 * the connection's queue bound).
 */
import type { ExperimentalGate } from "../../src/runtime/index.js";
import { audienceOf, type Connection } from "./connection.js";
import type { HandlerContext } from "./handlers/context.js";
import { findHandler } from "./handlers/index.js";
import { ErrorCode, parseMessage, type EnvelopeStyle, type RequestId, type RpcError } from "./jsonrpc.js";
import { createOutbox, type QueuedNotification } from "./outbox.js";
import { sendError, sendResult, type SendDeps } from "./send.js";
import type { ThreadStore } from "./thread-store.js";

export interface RouterDeps extends SendDeps {
  readonly gate: ExperimentalGate;
  readonly store: ThreadStore;
  /** `jsonrpc2`: a message without `"jsonrpc": "2.0"` is an invalid request. */
  readonly envelope: EnvelopeStyle;
  /** Sends notifications a request caused; called after its response. */
  readonly deliver: (queued: readonly QueuedNotification[]) => void;
}

export function routeMessage(deps: RouterDeps, connection: Connection, text: string): void {
  const message = parseMessage(text, deps.limits.maxDepth, deps.envelope);
  switch (message.kind) {
    case "invalid":
      // Without a readable request, answer in the connection's style.
      sendError(deps, connection, message.id, message.error, message.jsonrpc || connection.jsonrpc);
      return;
    case "response":
      deps.log(`connection ${connection.id}: ignoring a response to ${JSON.stringify(message.id)}: this server sends no requests`);
      return;
    case "notification":
      // `initialized` needs no action; other client notifications are not part of the protocol and are ignored, as JSON-RPC asks.
      if (message.method !== "initialized") deps.log(`connection ${connection.id}: ignoring notification ${message.method}`);
      return;
    case "request":
      // Its length stands for its size: what storing its data costs the store's budget.
      routeRequest(deps, connection, message.id, message.method, message.params, message.jsonrpc, text.length);
      return;
  }
}

function routeRequest(
  deps: RouterDeps,
  connection: Connection,
  id: RequestId,
  method: string,
  params: unknown,
  jsonrpc: boolean,
  messageBytes: number,
): void {
  let outcome: RequestOutcome;
  try {
    outcome = handleRequest(deps, connection, method, params, messageBytes);
  } catch (error) {
    deps.log(`connection ${connection.id}: ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    outcome = { error: { code: ErrorCode.internalError, message: `Internal error in ${method}` } };
  }
  if ("error" in outcome) {
    sendError(deps, connection, id, outcome.error, jsonrpc);
    return;
  }
  // `initialize` sets the connection's style from its own request.
  if (method === "initialize") connection.jsonrpc = jsonrpc;
  sendResult(deps, connection, id, method, outcome.result, jsonrpc);
  deps.deliver(outcome.drained);
}

type RequestOutcome = { readonly error: RpcError } | { readonly result: unknown; readonly drained: readonly QueuedNotification[] };

function handleRequest(deps: RouterDeps, connection: Connection, method: string, params: unknown, messageBytes: number): RequestOutcome {
  if (method === "initialize" && connection.initialized) {
    return { error: { code: ErrorCode.invalidRequest, message: "Already initialized" } };
  }
  if (method !== "initialize" && !connection.initialized) return { error: { code: ErrorCode.notInitialized, message: "Not initialized" } };

  const gateError = deps.gate.check(method, params, connection.optedIn);
  if (gateError) return { error: gateError };
  // Only after check passed: stripUnused assumes every experimental field left is unused.
  const checked = connection.optedIn ? params : deps.gate.stripUnused(method, params);

  const audience = audienceOf(connection);
  if (!deps.validator.hasMethod(audience, method)) return { error: { code: ErrorCode.methodNotFound, message: `Method not found: ${method}` } };
  const problems = deps.validator.checkParams(audience, method, checked);
  if (problems.length > 0) {
    const first = problems[0]!;
    return {
      error: {
        code: ErrorCode.invalidParams,
        message: `Invalid params for ${method}: ${first.path || "params"} ${first.message}`,
        data: { errors: problems },
      },
    };
  }

  const handler = findHandler(method);
  if (!handler?.handle) {
    return { error: { code: ErrorCode.methodNotFound, message: `${method} is not implemented by the example app-server` } };
  }
  const outbox = createOutbox();
  const context: HandlerContext = {
    connection,
    store: deps.store,
    messageBytes,
    announce: outbox.announce,
    notifySubscribers: outbox.notifySubscribers,
  };
  const outcome = handler.handle(checked, context);
  if ("error" in outcome) return outcome;
  return { result: outcome.result, drained: outbox.drain() };
}
