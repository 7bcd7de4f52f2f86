import { setOwn } from "../immutable.js";
import type { JsonObject } from "./value.js";

/** Marks a field (or map entry) to leave out of a copy, in the change maps of `copyWith`. */
export const REMOVED: unique symbol = Symbol("removed");

/**
 * A plain-object copy of `object` with `changes` applied: own keys in their
 * order, a REMOVED one left out, a changed one with its new value. (A changed
 * key that was inherited rather than own, impossible for parsed JSON, is added
 * at the end.)
 */
export function copyWith(object: JsonObject, changes: ReadonlyMap<string, unknown>): JsonObject {
  const copy: JsonObject = {};
  let applied = 0;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    let value = object[key];
    if (changes.has(key)) {
      applied++;
      value = changes.get(key);
      if (value === REMOVED) continue;
    }
    setOwn(copy, key, value);
  }
  if (applied < changes.size) {
    for (const [key, value] of changes) {
      if (value !== REMOVED && !Object.hasOwn(copy, key)) setOwn(copy, key, value);
    }
  }
  return copy;
}
