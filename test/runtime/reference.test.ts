import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { createGate, type GateMatch, type GateType, type Presence } from "../../src/runtime/index.js";
import { requestWith } from "./inventory.js";

/**
 * The gate's semantics written as plainly as possible, without compilation:
 * the compiled gate must agree with it on random inventories and messages.
 * `seen` holds the named types visited since the value was last descended into;
 * revisiting one means a cycle that can find nothing new.
 */
function referenceReason(
  types: Record<string, GateType>,
  type: GateType,
  value: unknown,
  seen: ReadonlySet<string>,
): string | null {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  switch (type.kind) {
    case "ref":
      if (seen.has(type.target)) return null;
      return referenceReason(types, types[type.target]!, value, new Set([...seen, type.target]));
    case "object": {
      if (!isObject(value)) return null;
      for (const field of type.fields) {
        const v = Object.hasOwn(value, field.name) ? value[field.name] : undefined;
        if (v === undefined || v === null) continue;
        if (field.experimental !== undefined && referencePresent(field.presence ?? "present", v))
          return field.experimental;
        if (field.type !== undefined) {
          const found = referenceReason(types, field.type, v, new Set());
          if (found !== null) return found;
        }
      }
      return null;
    }
    case "array":
      if (!Array.isArray(value)) return null;
      for (const element of value) {
        const found = referenceReason(types, type.element, element, new Set());
        if (found !== null) return found;
      }
      return null;
    case "map":
      if (!isObject(value)) return null;
      for (const key of Object.keys(value)) {
        const found = referenceReason(types, type.value, value[key], new Set());
        if (found !== null) return found;
      }
      return null;
    case "tuple":
      if (!Array.isArray(value)) return null;
      for (let i = 0; i < type.elements.length && i < value.length; i++) {
        const element = type.elements[i];
        if (element === null || element === undefined) continue;
        const found = referenceReason(types, element, value[i], new Set());
        if (found !== null) return found;
      }
      return null;
    case "union": {
      const member = type.members.find((m) => referenceMatches(m.match, value));
      if (member === undefined) return null;
      if (member.experimental !== undefined) return member.experimental;
      return member.type === undefined ? null : referenceReason(types, member.type, value, seen);
    }
  }
}

function referencePresent(presence: Presence, value: unknown): boolean {
  switch (presence) {
    case "boolean":
      return typeof value !== "boolean" || value;
    case "nonEmptyArray":
      return !Array.isArray(value) || value.length > 0;
    case "nonEmptyMap":
      return typeof value !== "object" || value === null || Array.isArray(value) || Object.keys(value).length > 0;
    case "present":
      return true;
  }
}

function referenceMatches(match: GateMatch, value: unknown): boolean {
  switch (match.kind) {
    case "literal":
      return value === match.value;
    case "object":
      return (
        typeof value === "object" &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(match.discriminant).every(([k, v]) => (value as Record<string, unknown>)[k] === v)
      );
    case "typeof":
      return (value === null ? "null" : Array.isArray(value) ? "array" : typeof value) === match.type;
  }
}

/**
 * `stripUnused` written plainly: a new value for every change, the same value
 * otherwise, visiting what `referenceReason` visits. Fields are processed in
 * declared order against the value as changed so far.
 */
function referenceStrip(
  types: Record<string, GateType>,
  type: GateType,
  value: unknown,
  seen: ReadonlySet<string>,
): unknown {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  switch (type.kind) {
    case "ref":
      if (seen.has(type.target)) return value;
      return referenceStrip(types, types[type.target]!, value, new Set([...seen, type.target]));
    case "object": {
      if (!isObject(value)) return value;
      let result = value;
      for (const field of type.fields) {
        if (!Object.hasOwn(result, field.name)) continue;
        if (field.experimental !== undefined) {
          result = Object.fromEntries(Object.entries(result).filter(([key]) => key !== field.name));
          continue;
        }
        const v = result[field.name];
        if (v === undefined || v === null || field.type === undefined) continue;
        const stripped = referenceStrip(types, field.type, v, new Set());
        if (stripped !== v) result = { ...result, [field.name]: stripped };
      }
      return result;
    }
    case "array": {
      if (!Array.isArray(value)) return value;
      const stripped = value.map((element) => referenceStrip(types, type.element, element, new Set()));
      return stripped.every((element, i) => element === value[i]) ? value : stripped;
    }
    case "map": {
      if (!isObject(value)) return value;
      const entries = Object.entries(value).map(
        ([key, v]) => [key, referenceStrip(types, type.value, v, new Set())] as const,
      );
      return entries.every(([key, v]) => v === value[key]) ? value : Object.fromEntries(entries);
    }
    case "tuple": {
      if (!Array.isArray(value)) return value;
      const stripped = value.map((element, i) => {
        const elementType = type.elements[i];
        return elementType === null || elementType === undefined
          ? element
          : referenceStrip(types, elementType, element, new Set());
      });
      return stripped.every((element, i) => element === value[i]) ? value : stripped;
    }
    case "union": {
      const member = type.members.find((m) => referenceMatches(m.match, value));
      if (member === undefined || member.experimental !== undefined || member.type === undefined) return value;
      return referenceStrip(types, member.type, value, seen);
    }
  }
}

/** Every part of `output` that equals the part of `input` at the same place is that very part (shared, not copied). */
function expectShared(input: unknown, output: unknown): void {
  if (isDeepStrictEqual(input, output)) {
    expect(output).toBe(input);
    return;
  }
  if (Array.isArray(input) && Array.isArray(output)) {
    output.forEach((element, i) => expectShared(input[i], element));
  } else if (typeof input === "object" && input !== null && typeof output === "object" && output !== null) {
    for (const key of Object.keys(output))
      expectShared((input as Record<string, unknown>)[key], (output as Record<string, unknown>)[key]);
  }
}

const NAMES = ["A", "B", "C"] as const;
const KEYS = ["a", "b", "type"] as const;
const literal = fc.constantFrom<string | number | boolean | null>("x", "y", 0, 1, true, false, null);
const reason = fc.nat(9999).map((n) => `r${n}`);

const gateType = fc.letrec<{ type: GateType }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ kind: fc.constant("ref" as const), target: fc.constantFrom(...NAMES) }),
    fc.record({
      kind: fc.constant("object" as const),
      fields: fc.array(
        fc.record(
          {
            name: fc.constantFrom(...KEYS),
            experimental: reason,
            presence: fc.constantFrom<Presence>("boolean", "nonEmptyArray", "nonEmptyMap", "present"),
            type: tie("type"),
          },
          { requiredKeys: ["name"] },
        ),
        { maxLength: 3 },
      ),
    }),
    fc.record({ kind: fc.constant("array" as const), element: tie("type") }),
    fc.record({ kind: fc.constant("map" as const), value: tie("type") }),
    fc.record({
      kind: fc.constant("tuple" as const),
      elements: fc.array(fc.option(tie("type"), { nil: null }), { maxLength: 3 }),
    }),
    fc.record({
      kind: fc.constant("union" as const),
      members: fc.array(
        fc.record(
          {
            match: fc.oneof(
              fc.record({ kind: fc.constant("literal" as const), value: literal }),
              fc.record({
                kind: fc.constant("object" as const),
                discriminant: fc.dictionary(fc.constantFrom(...KEYS), literal, { maxKeys: 2 }),
              }),
              fc.record({
                kind: fc.constant("typeof" as const),
                type: fc.constantFrom("string", "number", "boolean", "null", "array", "object" as const),
              }),
            ),
            experimental: reason,
            type: tie("type"),
          },
          { requiredKeys: ["match"] },
        ),
        { maxLength: 4 },
      ),
    }),
  ),
})).type;

const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    literal,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** Three named types, the params type of one method, the gate compiled from them, and messages to try. */
const scenario = fc
  .tuple(fc.tuple(gateType, gateType, gateType), gateType, fc.array(json, { minLength: 1, maxLength: 5 }))
  .map(([[a, b, c], params, messages]) => {
    const types = { A: a, B: b, C: c };
    return { types, params, gate: createGate(requestWith(params, types)), messages };
  });

describe("compiled gate vs reference semantics", () => {
  it("agrees on random inventories and messages", () => {
    let hits = 0;
    fc.assert(
      fc.property(scenario, ({ types, params, gate, messages }) => {
        for (const message of messages) {
          const expected = referenceReason(types, params, message, new Set());
          if (expected !== null) hits++;
          expect(gate.reason("test/method", message)).toBe(expected);
        }
      }),
      { numRuns: 2000 },
    );
    // Guard against a generator that never reaches an experimental element.
    expect(hits).toBeGreaterThan(100);
  });
});

describe("stripUnused vs reference semantics", () => {
  it("agrees on random inventories and messages, shares what it keeps, and never mutates", () => {
    let changed = 0;
    fc.assert(
      fc.property(scenario, ({ types, params, gate, messages }) => {
        for (const message of messages) {
          // As text: key order counts, and fast-check's null-prototype objects survive the comparison.
          const before = JSON.stringify(message);
          const expected = referenceStrip(types, params, message, new Set());
          const stripped = gate.stripUnused("test/method", message);
          if (stripped !== message) changed++;
          expect(stripped).toStrictEqual(expected);
          expect(JSON.stringify(stripped)).toBe(JSON.stringify(expected));
          expect(JSON.stringify(message)).toBe(before);
          expectShared(message, stripped);
        }
      }),
      { numRuns: 2000 },
    );
    // Guard against a generator that never reaches an experimental field.
    expect(changed).toBeGreaterThan(100);
  });
});
