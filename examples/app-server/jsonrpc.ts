/**
 * JSON-RPC 2.0 in the two envelope styles schemagate's config names. `lite`
 * (codex's wire): the `"jsonrpc": "2.0"` member is optional on input, and a reply
 * carries it exactly when the message it answers did. `jsonrpc2`: every message
 * must carry it, so every reply does. No batches.
 */
import { nestsDeeperThan } from "./limits.js";

export type RequestId = string | number;

/** The `envelope` setting the generated artifacts were made with. */
export type EnvelopeStyle = "jsonrpc2" | "lite";

/** The `error` member of a failed response. */
export interface RpcError {
  readonly code: number;
  readonly message: string;
  readonly data?: unknown;
}

export const ErrorCode = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  /** LSP's "server not initialized": a request other than `initialize` came first. */
  notInitialized: -32002,
} as const;

/** A message from the client, classified. `jsonrpc` records whether it carried `"jsonrpc": "2.0"`. */
export type IncomingMessage =
  | { readonly kind: "request"; readonly id: RequestId; readonly method: string; readonly params: unknown; readonly jsonrpc: boolean }
  | { readonly kind: "notification"; readonly method: string; readonly params: unknown; readonly jsonrpc: boolean }
  | { readonly kind: "response"; readonly id: RequestId; readonly jsonrpc: boolean }
  | { readonly kind: "invalid"; readonly id: RequestId | null; readonly error: RpcError; readonly jsonrpc: boolean };

/**
 * Parses one frame or line. Never throws: malformed input becomes an `invalid`
 * message to answer, and so does a message nesting arrays and objects deeper
 * than `maxDepth` (found in the text before it is parsed, so no later stage can
 * run out of stack on it). The id of a message too deep is not read: its
 * error answers with id null.
 */
export function parseMessage(text: string, maxDepth: number, envelope: EnvelopeStyle = "lite"): IncomingMessage {
  if (nestsDeeperThan(text, maxDepth)) {
    return invalid(null, ErrorCode.invalidRequest, `Invalid Request: nested deeper than ${maxDepth} levels`, false);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return invalid(null, ErrorCode.parseError, `Parse error: ${(error as Error).message}`, false);
  }
  if (Array.isArray(value)) return invalid(null, ErrorCode.invalidRequest, "Invalid Request: batches are not supported", false);
  if (typeof value !== "object" || value === null) {
    return invalid(null, ErrorCode.invalidRequest, "Invalid Request: expected a JSON object", false);
  }
  const message = value as Record<string, unknown>;
  const jsonrpc = Object.hasOwn(message, "jsonrpc");
  const id = isRequestId(message.id) ? message.id : null;
  if (jsonrpc && message.jsonrpc !== "2.0") return invalid(id, ErrorCode.invalidRequest, 'Invalid Request: "jsonrpc" must be "2.0"', true);
  if (!jsonrpc && envelope === "jsonrpc2") return invalid(id, ErrorCode.invalidRequest, 'Invalid Request: "jsonrpc": "2.0" is required', true);
  if (Object.hasOwn(message, "id") && id === null) {
    return invalid(null, ErrorCode.invalidRequest, "Invalid Request: id must be a string or a number", jsonrpc);
  }
  if (typeof message.method === "string") {
    return id === null
      ? { kind: "notification", method: message.method, params: message.params, jsonrpc }
      : { kind: "request", id, method: message.method, params: message.params, jsonrpc };
  }
  if (id !== null && (Object.hasOwn(message, "result") || Object.hasOwn(message, "error"))) return { kind: "response", id, jsonrpc };
  return invalid(id, ErrorCode.invalidRequest, "Invalid Request: expected a method", jsonrpc);
}

export function resultMessage(id: RequestId, result: unknown, jsonrpc: boolean): object {
  return jsonrpc ? { jsonrpc: "2.0", id, result } : { id, result };
}

export function errorMessage(id: RequestId | null, error: RpcError, jsonrpc: boolean): object {
  return jsonrpc ? { jsonrpc: "2.0", id, error } : { id, error };
}

export function notificationMessage(method: string, params: unknown, jsonrpc: boolean): object {
  return jsonrpc ? { jsonrpc: "2.0", method, params } : { method, params };
}

function isRequestId(value: unknown): value is RequestId {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value));
}

function invalid(id: RequestId | null, code: number, message: string, jsonrpc: boolean): IncomingMessage {
  return { kind: "invalid", id, error: { code, message }, jsonrpc };
}
