/** Small helpers for reading untrusted JSON values without allocating. */

export type JsonObject = Record<string, unknown>;

/** A non-null, non-array object: what a JSON object parses to. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The kind names used by `typeof` union matches. */
export function valueKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * Reads a property of a JSON object. Names that also exist on `Object.prototype`
 * ("constructor", "toString", "__proto__") must be read as own properties only,
 * or an absent field would look present. Callers precompute `ownOnly` once per name.
 */
export function readProperty(object: JsonObject, name: string, ownOnly: boolean): unknown {
  if (ownOnly && !Object.hasOwn(object, name)) return undefined;
  return object[name];
}

export function needsOwnCheck(name: string): boolean {
  return name in Object.prototype;
}
