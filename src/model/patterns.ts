import type { PatternIndex, PatternKey } from "./types.js";
import { isPatternKey } from "./types.js";

/**
 * Index signatures keyed by template literal types, after evaluation: which
 * property names their patterns match. Patterns are ECMAScript regular
 * expressions read with the `u` flag, as JSON Schema validators read them.
 */

const compiled = new Map<string, RegExp>();

/** Whether `name` is a key the pattern admits. */
export function patternMatches(pattern: string, name: string): boolean {
  let regex = compiled.get(pattern);
  if (!regex) compiled.set(pattern, (regex = new RegExp(pattern, "u")));
  return regex.test(name);
}

/** The evaluated key of an index signature; the evaluate stage leaves no other. */
export function patternKey(index: PatternIndex): PatternKey {
  if (!isPatternKey(index.key)) throw new Error(`index signature key left unevaluated: ${JSON.stringify(index.key)}`);
  return index.key;
}

/** The index signatures of `patterns` whose keys admit `name`. */
export function patternsFor(patterns: readonly PatternIndex[] | undefined, name: string): PatternIndex[] {
  return (patterns ?? []).filter((index) => patternMatches(patternKey(index).pattern, name));
}

/** `text` as a regular expression that matches exactly it (valid with the `u` flag). */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}
