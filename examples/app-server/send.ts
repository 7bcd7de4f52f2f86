/**
 * The one way out of the server. Every result, error and notification passes
 * here, in this order:
 *
 * 1. The outgoing gate: for a connection that did not opt in, the message is
 *    brought to the stable audience (`gate.toStable`): experimental fields
 *    removed, an experimental union member dropped with the optional field,
 *    array item or map entry holding it. When it cannot be (the member sits in
 *    a required field), a result becomes `experimentalOutputError` (-32603)
 *    and a notification is not sent; either is logged.
 * 2. `--check-output`: the message is validated against the schema of the
 *    connection's audience (a dev assertion; mismatches are logged, a result
 *    becomes -32603).
 * 3. Serialization: a value `JSON.stringify` cannot write (too long a string,
 *    a cycle) or a message larger than the connection's queue bound becomes a
 *    -32603 error for that request (a notification is dropped), logged.
 * 4. The connection's queue: past half of `maxQueuedBytes` not yet read by the
 *    client, the server stops reading that client; past all of it, the
 *    connection is closed with a logged reason. Other connections are not
 *    affected.
 */
import { experimentalOutputError, type ExperimentalGate } from "../../src/runtime/index.js";
import { audienceOf, type Connection } from "./connection.js";
import { ErrorCode, errorMessage, notificationMessage, resultMessage, type RequestId, type RpcError } from "./jsonrpc.js";
import type { ServerLimits } from "./limits.js";
import type { ProtocolValidator } from "./validation.js";

export interface SendDeps {
  readonly gate: ExperimentalGate;
  readonly validator: ProtocolValidator;
  /** Dev-only: validate every result and notification against the connection's audience. */
  readonly checkOutput: boolean;
  readonly limits: ServerLimits;
  readonly log: (line: string) => void;
}

/** The reply to a request of `method`: `result` as this connection may see it, or the error that replaces it. */
export function sendResult(deps: SendDeps, connection: Connection, id: RequestId, method: string, result: unknown, jsonrpc: boolean): void {
  const outgoing = forAudience(deps, connection, method, "result", result);
  if ("withheld" in outgoing) {
    deps.log(`connection ${connection.id}: result of ${method} withheld: ${outgoing.withheld}`);
    sendError(deps, connection, id, outgoing.error, jsonrpc);
    return;
  }
  if (deps.checkOutput) {
    const mismatches = deps.validator.checkResult(audienceOf(connection), method, outgoing.value);
    if (mismatches.length > 0) {
      deps.log(`output check failed: result of ${method} for the ${audienceOf(connection)} audience: ${JSON.stringify(mismatches)}`);
      const error = { code: ErrorCode.internalError, message: `Internal error: the result of ${method} does not match its schema`, data: { errors: mismatches } };
      sendError(deps, connection, id, error, jsonrpc);
      return;
    }
  }
  const text = serialize(deps, resultMessage(id, outgoing.value, jsonrpc));
  if (typeof text !== "string") {
    deps.log(`connection ${connection.id}: result of ${method} not sent: ${text.problem}`);
    sendError(deps, connection, id, { code: ErrorCode.internalError, message: `Internal error: the result of ${method} ${text.problem}` }, jsonrpc);
    return;
  }
  write(deps, connection, text);
}

export function sendError(deps: SendDeps, connection: Connection, id: RequestId | null, error: RpcError, jsonrpc: boolean): void {
  const text = serialize(deps, errorMessage(id, error, jsonrpc));
  if (typeof text === "string") {
    write(deps, connection, text);
    return;
  }
  // Only an error's `data` can be large or odd; the code and message always go through.
  deps.log(`connection ${connection.id}: error data not sent: ${text.problem}`);
  write(deps, connection, JSON.stringify(errorMessage(id, { code: error.code, message: error.message }, jsonrpc)));
}

/** A notification, when this connection may see it (`gate.allowsNotification`), as its audience sees it. */
export function sendNotification(deps: SendDeps, connection: Connection, method: string, params: unknown): void {
  if (!deps.gate.allowsNotification(method, connection.optedIn)) return;
  const outgoing = forAudience(deps, connection, method, "params", params);
  if ("withheld" in outgoing) {
    deps.log(`connection ${connection.id}: notification ${method} withheld: ${outgoing.withheld}`);
    return;
  }
  if (deps.checkOutput) {
    const problems = deps.validator.checkNotification(audienceOf(connection), method, outgoing.value);
    if (problems.length > 0) {
      deps.log(`output check failed: ${method} for the ${audienceOf(connection)} audience: ${JSON.stringify(problems)}`);
    }
  }
  const text = serialize(deps, notificationMessage(method, outgoing.value, connection.jsonrpc));
  if (typeof text !== "string") {
    deps.log(`connection ${connection.id}: notification ${method} not sent: ${text.problem}`);
    return;
  }
  write(deps, connection, text);
}

/** Closes a connection from the server's side, with the reason logged. */
export function closeConnection(deps: SendDeps, connection: Connection, reason: string): void {
  if (connection.closed) return;
  connection.closed = true;
  deps.log(`connection ${connection.id} closed: ${reason}`);
  connection.link.close(reason);
}

/** Called by a transport when queued bytes went out: reading resumes once a quarter of the bound is left. */
export function drained(deps: SendDeps, connection: Connection): void {
  if (!connection.paused || connection.closed) return;
  if (connection.link.queuedBytes() > deps.limits.maxQueuedBytes / 4) return;
  connection.paused = false;
  connection.link.resume();
}

type AudienceValue = { readonly value: unknown } | { readonly withheld: string; readonly error: RpcError };

function forAudience(deps: SendDeps, connection: Connection, method: string, part: "params" | "result", value: unknown): AudienceValue {
  if (connection.optedIn) return { value };
  let outcome;
  try {
    outcome = deps.gate.toStable(method, part, value);
  } catch (error) {
    // Nesting deep enough to overflow the walk: the message cannot be checked, so it is not sent.
    const withheld = `it could not be checked for experimental data (${(error as Error).message})`;
    return { withheld, error: { code: ErrorCode.internalError, message: `Internal error: the result of ${method} ${withheld}` } };
  }
  if (outcome.sendable) return { value: outcome.value };
  const withheld = `${outcome.reason} at ${outcome.path || "the top"} has no stable form`;
  return { withheld, error: experimentalOutputError(outcome.reason, outcome.path) };
}

function serialize(deps: SendDeps, message: object): string | { readonly problem: string } {
  let text: string;
  try {
    text = JSON.stringify(message);
  } catch (error) {
    return { problem: `could not be serialized (${(error as Error).message})` };
  }
  // UTF-8 takes at most three bytes per UTF-16 unit: most messages need no count.
  if (text.length * 3 <= deps.limits.maxQueuedBytes) return text;
  const bytes = Buffer.byteLength(text);
  if (bytes > deps.limits.maxQueuedBytes) {
    return { problem: `is too large to send (${bytes} bytes; a connection queues at most ${deps.limits.maxQueuedBytes})` };
  }
  return text;
}

function write(deps: SendDeps, connection: Connection, text: string): void {
  if (connection.closed) return;
  connection.link.write(text);
  const queued = connection.link.queuedBytes();
  if (queued > deps.limits.maxQueuedBytes) {
    closeConnection(deps, connection, `${queued} bytes queued, over the bound of ${deps.limits.maxQueuedBytes}: the client is not reading`);
  } else if (queued > deps.limits.maxQueuedBytes / 2 && !connection.paused) {
    connection.paused = true;
    connection.link.pause();
  }
}
