import type { GateMethod, Inventory } from "../model/inventory-types.js";
import { experimentalApiError, InvalidInventoryError, type ExperimentalApiError } from "./errors.js";
import { InspectorCompiler, optionalReason, type CompiledType } from "./inspect.js";
import { ProjectorCompiler, UNEXPRESSIBLE, type Failure, type Projector } from "./outgoing.js";
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
  /**
   * `params` with every experimental field removed, so that a request of a
   * connection that did not opt in can be validated against the closed
   * (`additionalProperties: false`) stable JSON Schema.
   *
   * Contract: call it only after `check(method, params, false)` returned null.
   * Then every experimental field still present is in its unused form (null,
   * `false`, `[]` or `{}` by its presence rule), which means the same as
   * absent, so removing it changes nothing but the field list. Called on params
   * that do use an experimental field, it would silently drop that use: it is
   * no substitute for `check`.
   *
   * It walks exactly what `reason` walks (refs, object fields, array elements,
   * map values, tuple elements, and the union member the same first-match rules
   * pick). Experimental methods and union members are left as they are: a
   * message using them fails `check`, so there is nothing to strip. Unknown
   * methods, and params with no experimental field, give `params` back as is.
   *
   * Pure: `params` is never mutated. Objects and arrays on the path to a
   * removed field are shallow copies (plain objects, key order kept); every
   * untouched subtree is shared with `params`. Like `reason`, absurdly deep
   * nesting through a recursive type throws a RangeError.
   */
  stripUnused(method: string, params: unknown): unknown;
  /**
   * The outgoing side: `value` (the `params` of a notification or server
   * request, or the `result` of a client request, of `method`) as a connection
   * that did not opt in may receive it. Call it for every message sent to such
   * a connection; an opted-in connection gets everything as it is.
   *
   * - Experimental fields are removed, whatever their value.
   * - A value that is an experimental union or enum member has no stable form.
   *   The smallest part around it that may be left out is removed instead: the
   *   value of an optional field (the field goes), an array item, a map entry.
   * - When nothing around it may be left out (a required field all the way up
   *   to the message, or a tuple element), the message is not `sendable`;
   *   neither is anything of an experimental method. Drop such a notification
   *   or server request; answer such a result with
   *   `experimentalOutputError(reason, path)` instead. Log it either way: it
   *   means the server produced experimental data for a stable client.
   *
   * Pure: `value` is never mutated. Objects and arrays on the way to a change
   * are shallow copies (key order kept), everything else is shared, and with
   * nothing to change (or an unknown method) `value` itself comes back. Like
   * `reason`, absurdly deep nesting through a recursive type throws a RangeError.
   */
  toStable(method: string, part: "params" | "result", value: unknown): StableOutgoing;
}

/** What `toStable` decided. `path` is a JSON Pointer into the value, to the experimental member. */
export type StableOutgoing =
  | { readonly sendable: true; readonly value: unknown }
  | { readonly sendable: false; readonly reason: string; readonly path: string };

interface CompiledMethod {
  /** Reason when the whole method is experimental. */
  readonly reason: string | null;
  readonly params: CompiledType | null;
  readonly outgoing: Readonly<Record<"params" | "result", Projector | null>>;
}

/**
 * Compiles the `gate` part of a parsed `experimental-inventory.json` into lookup
 * maps and closures, once; the returned gate does no parsing per message.
 * Throws `InvalidInventoryError` when the inventory is malformed.
 *
 * Inspection recurses along the message, so a message nested a few thousand
 * levels deep through a recursive type makes `reason`/`check`/`stripUnused` throw a
 * RangeError (stack overflow) rather than answer: the caller should treat a
 * throw as a rejected request. Failing open (returning null) would let
 * experimental use through.
 */
export function createGate(inventory: Inventory): ExperimentalGate {
  const gate: unknown = isJsonObject(inventory) ? inventory.gate : undefined;
  if (!isJsonObject(gate)) throw new InvalidInventoryError("gate", "expected an object with methods and types");
  const types = (gate.types ?? {}) as Inventory["gate"]["types"];
  const methods = compileMethods(gate.methods, new InspectorCompiler(types), new ProjectorCompiler(types));
  const experimentalMethods = new Set([...methods].filter(([, method]) => method.reason !== null).map(([name]) => name));

  const reason = (method: string, params: unknown): string | null => {
    const compiled = methods.get(method);
    if (compiled === undefined) return null;
    if (compiled.reason !== null) return compiled.reason;
    return compiled.params === null ? null : compiled.params.inspect(params, 0);
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
    stripUnused(method, params) {
      const compiled = methods.get(method);
      // An experimental method is rejected whole by `check`; its params are not looked at, as in `reason`.
      if (compiled === undefined || compiled.reason !== null || compiled.params === null) return params;
      return compiled.params.strip(params, 0);
    },
    toStable(method, part, value) {
      const compiled = methods.get(method);
      if (compiled === undefined) return { sendable: true, value };
      if (compiled.reason !== null) return { sendable: false, reason: compiled.reason, path: "" };
      const project = compiled.outgoing[part];
      if (project === null) return { sendable: true, value };
      const failure: Failure = { reason: "", path: [] };
      const projected = project(value, 0, failure);
      if (projected !== UNEXPRESSIBLE) return { sendable: true, value: projected };
      const path = failure.path.reverse().map((segment) => `/${String(segment).replaceAll("~", "~0").replaceAll("/", "~1")}`);
      return { sendable: false, reason: failure.reason, path: path.join("") };
    },
  };
}

function compileMethods(methods: unknown, compiler: InspectorCompiler, projector: ProjectorCompiler): Map<string, CompiledMethod> {
  if (!isJsonObject(methods)) throw new InvalidInventoryError("gate.methods", "expected an object keyed by method name");
  // A Map, not the record itself: a method named "toString" must not find Object.prototype.
  const compiled = new Map<string, CompiledMethod>();
  for (const [name, method] of Object.entries(methods as Record<string, GateMethod>)) {
    const path = `gate.methods[${JSON.stringify(name)}]`;
    if (!isJsonObject(method)) throw new InvalidInventoryError(path, "expected a method object");
    compiled.set(name, {
      reason: optionalReason(method.experimental, `${path}.experimental`),
      params: method.params === undefined ? null : compiler.compile(method.params, `${path}.params`),
      outgoing: {
        params: method.params === undefined ? null : projector.compile(method.params, `${path}.params`),
        result: method.result === undefined ? null : projector.compile(method.result, `${path}.result`),
      },
    });
  }
  return compiled;
}
