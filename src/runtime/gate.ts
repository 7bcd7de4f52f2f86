import type { GateMethod, Inventory } from "../model/inventory-types.js";
import { experimentalApiError, InvalidInventoryError, type ExperimentalApiError } from "./errors.js";
import { InspectorCompiler, optionalReason, type Inspector } from "./inspect.js";
import { isJsonObject } from "./value.js";

export interface ExperimentalGate {
  /** First experimental element used by a message for `method` with `params`, or null. */
  reason(method: string, params: unknown): string | null;
  /** null when allowed; otherwise the JSON-RPC error object to answer the request with. */
  check(method: string, params: unknown, optedIn: boolean): ExperimentalApiError | null;
  /**
   * Whether a notification (or server request) for `method` may be sent to a connection:
   * experimental methods only when it opted in. Unknown methods are not experimental.
   */
  allowsNotification(method: string, optedIn: boolean): boolean;
}

interface CompiledMethod {
  /** Reason when the whole method is experimental. */
  readonly reason: string | null;
  readonly params: Inspector | null;
}

/**
 * Compiles the `gate` part of a parsed `experimental-inventory.json` into lookup
 * maps and closures, once; the returned gate does no parsing per message.
 * Throws `InvalidInventoryError` when the inventory is malformed.
 *
 * Inspection recurses along the message, so a message nested a few thousand
 * levels deep through a recursive type makes `reason`/`check` throw a
 * RangeError (stack overflow) rather than answer: the caller should treat a
 * throw as a rejected request. Failing open (returning null) would let
 * experimental use through.
 */
export function createGate(inventory: Inventory): ExperimentalGate {
  const gate: unknown = isJsonObject(inventory) ? inventory.gate : undefined;
  if (!isJsonObject(gate)) throw new InvalidInventoryError("gate", "expected an object with methods and types");
  const compiler = new InspectorCompiler((gate.types ?? {}) as Inventory["gate"]["types"]);
  const methods = compileMethods(gate.methods, compiler);
  const experimentalMethods = new Set([...methods].filter(([, method]) => method.reason !== null).map(([name]) => name));

  const reason = (method: string, params: unknown): string | null => {
    const compiled = methods.get(method);
    if (compiled === undefined) return null;
    if (compiled.reason !== null) return compiled.reason;
    return compiled.params === null ? null : compiled.params(params, 0);
  };

  return {
    reason,
    check(method, params, optedIn) {
      if (optedIn) return null;
      const found = reason(method, params);
      return found === null ? null : experimentalApiError(found);
    },
    allowsNotification(method, optedIn) {
      return optedIn || !experimentalMethods.has(method);
    },
  };
}

function compileMethods(methods: unknown, compiler: InspectorCompiler): Map<string, CompiledMethod> {
  if (!isJsonObject(methods)) throw new InvalidInventoryError("gate.methods", "expected an object keyed by method name");
  // A Map, not the record itself: a method named "toString" must not find Object.prototype.
  const compiled = new Map<string, CompiledMethod>();
  for (const [name, method] of Object.entries(methods as Record<string, GateMethod>)) {
    const path = `gate.methods[${JSON.stringify(name)}]`;
    if (!isJsonObject(method)) throw new InvalidInventoryError(path, "expected a method object");
    compiled.set(name, {
      reason: optionalReason(method.experimental, `${path}.experimental`),
      params: method.params === undefined ? null : compiler.compile(method.params, `${path}.params`),
    });
  }
  return compiled;
}
