import type { GateMatch, LiteralValue } from "../model/inventory-types.js";
import { InvalidInventoryError } from "./errors.js";
import { isJsonObject, needsOwnCheck, readProperty } from "./value.js";

/** Tests a value against one union member. `kind` is `valueKind(value)`, computed once per union. */
export type MatchTest = (value: unknown, kind: string) => boolean;

const TYPEOF_KINDS: ReadonlySet<string> = new Set(["string", "number", "boolean", "null", "array", "object"]);

export function compileMatch(match: GateMatch, path: string): MatchTest {
  if (!isJsonObject(match)) throw new InvalidInventoryError(path, "expected a match object");
  switch (match.kind) {
    case "literal": {
      const expected = literalValue(match.value, `${path}.value`);
      return (value) => value === expected;
    }
    case "object":
      return compileDiscriminant(match.discriminant, `${path}.discriminant`);
    case "typeof": {
      const expected = match.type;
      if (!TYPEOF_KINDS.has(expected)) throw new InvalidInventoryError(`${path}.type`, `unknown kind ${JSON.stringify(expected)}`);
      return (_value, kind) => kind === expected;
    }
    default: {
      const unknown: never = match;
      throw new InvalidInventoryError(`${path}.kind`, `unknown match kind ${JSON.stringify((unknown as GateMatch).kind)}`);
    }
  }
}

/** Whether a match needs `valueKind(value)`; unions skip computing it otherwise. */
export function matchNeedsKind(match: GateMatch): boolean {
  return match.kind === "typeof";
}

export function literalValue(value: unknown, path: string): LiteralValue {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  throw new InvalidInventoryError(path, "expected a string, number, boolean or null literal");
}

function compileDiscriminant(discriminant: unknown, path: string): MatchTest {
  if (!isJsonObject(discriminant)) throw new InvalidInventoryError(path, "expected an object of literal values");
  const names: string[] = [];
  const ownOnly: boolean[] = [];
  const expected: LiteralValue[] = [];
  for (const [name, value] of Object.entries(discriminant)) {
    names.push(name);
    ownOnly.push(needsOwnCheck(name));
    expected.push(literalValue(value, `${path}[${JSON.stringify(name)}]`));
  }
  const count = names.length;
  return (value) => {
    if (!isJsonObject(value)) return false;
    for (let i = 0; i < count; i++) {
      if (readProperty(value, names[i]!, ownOnly[i]!) !== expected[i]) return false;
    }
    return true;
  };
}
