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
 */
import type { ExperimentalGate } from "../../src/runtime/index.js";
import { audienceOf, type Connection } from "./connection.js";
import type { HandlerContext } from "./handlers/context.js";
import { findHandler } from "./handlers/index.js";
import { ErrorCode, errorMessage, parseMessage, resultMessage, type EnvelopeStyle, type RpcError } from "./jsonrpc.js";
import { createOutbox, type QueuedNotification } from "./outbox.js";
import type { ThreadStore } from "./thread-store.js";
import type { ProtocolValidator } from "./validation.js";

export interface RouterDeps {
  readonly gate: ExperimentalGate;
  readonly validator: ProtocolValidator;
  readonly store: ThreadStore;
  /** Dev-only: check every result against the connection's audience schema (see validation.ts). */
  readonly checkOutput: boolean;
  readonly log: (line: string) => void;
  /** `jsonrpc2`: a message without `"jsonrpc": "2.0"` is an invalid request. */
  readonly envelope: EnvelopeStyle;
  /** Sends notifications a request caused; called after its response. */
  readonly deliver: (queued: readonly QueuedNotification[]) => void;
}

export function routeMessage(deps: RouterDeps, connection: Connection, text: string): void {
  const message = parseMessage(text, deps.envelope);
  switch (message.kind) {
    case "invalid":
      // Without a readable request, answer in the connection's style.
      connection.send(errorMessage(message.id, message.error, message.jsonrpc || connection.jsonrpc));
      return;
    case "response":
      deps.log(`connection ${connection.id}: ignoring a response to ${JSON.stringify(message.id)}: this server sends no requests`);
      return;
    case "notification":
      // `initialized` needs no action; other client notifications are not part of the protocol and are ignored, as JSON-RPC asks.
      if (message.method !== "initialized") deps.log(`connection ${connection.id}: ignoring notification ${message.method}`);
      return;
    case "request": {
      const outcome = handleRequest(deps, connection, message.method, message.params);
      const { id, jsonrpc } = message;
      const reply = "error" in outcome ? errorMessage(id, outcome.error, jsonrpc) : resultMessage(id, outcome.result, jsonrpc);
      // `initialize` sets the connection's style from its own request.
      if (message.method === "initialize" && "result" in outcome) connection.jsonrpc = message.jsonrpc;
      connection.send(reply);
      if ("drained" in outcome) deps.deliver(outcome.drained);
      return;
    }
  }
}

type RequestOutcome = { readonly error: RpcError } | { readonly result: unknown; readonly drained: readonly QueuedNotification[] };

function handleRequest(deps: RouterDeps, connection: Connection, method: string, params: unknown): RequestOutcome {
  if (method === "initialize" && connection.initialized) {
    return { error: { code: ErrorCode.invalidRequest, message: "Already initialized" } };
  }
  if (method !== "initialize" && !connection.initialized) return { error: { code: ErrorCode.notInitialized, message: "Not initialized" } };

  let gateError: RpcError | null;
  let checked = params;
  try {
    gateError = deps.gate.check(method, params, connection.optedIn);
    // Only after check passed: stripUnused assumes every experimental field left is unused.
    if (gateError === null && !connection.optedIn) checked = deps.gate.stripUnused(method, params);
  } catch {
    // The gate recurses along the message; absurd nesting overflows the stack. Refuse rather than let it through.
    return { error: { code: ErrorCode.invalidRequest, message: "Invalid Request: params are nested too deeply" } };
  }
  if (gateError) return { error: gateError };

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
    broadcast: outbox.broadcast,
    notifySubscribers: outbox.notifySubscribers,
  };
  let outcome;
  try {
    outcome = handler.handle(checked, context);
  } catch (error) {
    deps.log(`connection ${connection.id}: ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { error: { code: ErrorCode.internalError, message: `Internal error in ${method}` } };
  }
  if ("error" in outcome) return outcome;
  if (deps.checkOutput) {
    const mismatches = deps.validator.checkResult(audienceOf(connection), method, outcome.result);
    if (mismatches.length > 0) {
      deps.log(`output check failed: result of ${method} for the ${audienceOf(connection)} audience: ${JSON.stringify(mismatches)}`);
      const message = `Internal error: the result of ${method} does not match ${handler.result}`;
      return { error: { code: ErrorCode.internalError, message, data: { errors: mismatches } } };
    }
  }
  return { result: outcome.result, drained: outbox.drain() };
}
