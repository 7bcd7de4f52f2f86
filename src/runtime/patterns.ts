import type { GatePattern, GateType } from "../model/inventory-types.js";
import { InvalidInventoryError } from "./errors.js";
import { isJsonObject } from "./value.js";

/** An index signature keyed by a template literal type, compiled: the keys it covers and the walks of their values. */
export interface CompiledPattern<T> {
  readonly regex: RegExp;
  readonly type: T;
}

export function compilePatterns<T>(
  patterns: readonly GatePattern[] | undefined,
  path: string,
  compile: (type: GateType, path: string) => T,
): CompiledPattern<T>[] {
  if (patterns === undefined) return [];
  if (!Array.isArray(patterns)) throw new InvalidInventoryError(`${path}.patterns`, "expected an array");
  return patterns.map((entry, i) => {
    const at = `${path}.patterns[${i}]`;
    if (!isJsonObject(entry) || typeof entry.pattern !== "string") throw new InvalidInventoryError(at, "expected a pattern object with a string pattern");
    let regex: RegExp;
    try {
      regex = new RegExp(entry.pattern, "u");
    } catch {
      throw new InvalidInventoryError(`${at}.pattern`, "expected a regular expression");
    }
    return { regex, type: compile(entry.type as GateType, `${at}.type`) };
  });
}
