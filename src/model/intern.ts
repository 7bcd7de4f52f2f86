import { mapShared } from "../immutable.js";
import type { Declaration, Method, Model } from "./types.js";

/**
 * `model` with every declaration and method that equals one of `previous`
 * replaced by that earlier object. Later stages and the emitters cache their
 * work by object (see `EmitCaches`), so a run that starts again from changed
 * files (`watch`) finds what did not change by identity and does not redo it.
 */
export function internModel(model: Model, previous: Model | undefined): Model {
  if (previous === undefined || previous === model) return model;
  const declarations = internEach(model.declarations, previous.declarations, (declaration) => declaration.id);
  const methods = internEach(model.methods, previous.methods, methodKey);
  return declarations === previous.declarations && methods === previous.methods ? previous : { declarations, methods };
}

function methodKey(method: Method): string {
  return `${method.direction}\0${method.name}`;
}

/**
 * What each object was found equal to. The stages before interning keep their
 * results by object too, so the next run hands over the very same object
 * again; it is then known equal without being compared.
 */
const foundEqual = new WeakMap<object, object>();

function internEach<T extends Declaration | Method>(items: readonly T[], earlier: readonly T[], keyOf: (item: T) => string): readonly T[] {
  const byKey = new Map(earlier.map((item) => [keyOf(item), item]));
  const interned = mapShared(items, (item) => {
    const before = byKey.get(keyOf(item));
    if (before === undefined || before === item) return item;
    if (foundEqual.get(item) === before) return before;
    if (!sameData(before, item)) return item;
    foundEqual.set(item, before);
    return before;
  });
  return interned.length === earlier.length && interned.every((item, index) => item === earlier[index]) ? earlier : interned;
}

/**
 * Deep equality of model data: plain objects and arrays of primitives, no
 * cycles. What `util.isDeepStrictEqual` answers for such data (own enumerable
 * keys in any order, `Object.is` for primitives), without the cases it must
 * also handle for other values.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameData(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
