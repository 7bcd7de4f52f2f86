import type { Presence } from "../model/inventory-types.js";
import { isJsonObject } from "./value.js";

/**
 * Whether an experimental field's value counts as used. Callers have already
 * treated null and undefined as absent (optional or nullable fields).
 *
 * When the value's runtime shape does not match the declared kind (a string
 * where a boolean was declared, an object where an array was declared), it
 * counts as present: the message is invalid anyway and the validator rejects
 * it afterwards, so the gate errs on the side of asking for the opt-in rather
 * than letting an ill-typed experimental value through.
 */
export type PresenceTest = (value: unknown) => boolean;

export const PRESENCE_TESTS = {
  boolean: (value) => value !== false,
  nonEmptyArray: (value) => !Array.isArray(value) || value.length > 0,
  nonEmptyMap: (value) => !isJsonObject(value) || hasOwnKey(value),
  present: () => true,
} satisfies Record<Presence, PresenceTest>;

export function isPresence(value: unknown): value is Presence {
  return typeof value === "string" && Object.hasOwn(PRESENCE_TESTS, value);
}

function hasOwnKey(object: object): boolean {
  // for-in stops at the first key; Object.keys would allocate the whole list.
  for (const key in object) {
    if (Object.hasOwn(object, key)) return true;
  }
  return false;
}
