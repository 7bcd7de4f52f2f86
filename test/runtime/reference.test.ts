import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGate, type GateMatch, type GateType, type Presence } from "../../src/runtime/index.js";
import { requestWith } from "./inventory.js";

/**
 * The gate's semantics written as plainly as possible, without compilation:
 * the compiled gate must agree with it on random inventories and messages.
 * `seen` holds the named types visited since the value was last descended into;
 * revisiting one means a cycle that can find nothing new.
 */
function referenceReason(types: Record<string, GateType>, type: GateType, value: unknown, seen: ReadonlySet<string>): string | null {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  switch (type.kind) {
    case "ref":
      if (seen.has(type.target)) return null;
      return referenceReason(types, types[type.target]!, value, new Set([...seen, type.target]));
    case "object": {
      if (!isObject(value)) return null;
      for (const field of type.fields) {
        const v = Object.hasOwn(value, field.name) ? value[field.name] : undefined;
        if (v === undefined || v === null) continue;
        if (field.experimental !== undefined && referencePresent(field.presence ?? "present", v)) return field.experimental;
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
    fc.record({ kind: fc.constant("tuple" as const), elements: fc.array(fc.option(tie("type"), { nil: null }), { maxLength: 3 }) }),
    fc.record({
      kind: fc.constant("union" as const),
      members: fc.array(
        fc.record(
          {
            match: fc.oneof(
              fc.record({ kind: fc.constant("literal" as const), value: literal }),
              fc.record({ kind: fc.constant("object" as const), discriminant: fc.dictionary(fc.constantFrom(...KEYS), literal, { maxKeys: 2 }) }),
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

describe("compiled gate vs reference semantics", () => {
  it("agrees on random inventories and messages", () => {
    let hits = 0;
    fc.assert(
      fc.property(
        fc.tuple(gateType, gateType, gateType),
        gateType,
        fc.array(json, { minLength: 1, maxLength: 5 }),
        ([a, b, c], params, messages) => {
          const types = { A: a, B: b, C: c };
          const gate = createGate(requestWith(params, types));
          for (const message of messages) {
            const expected = referenceReason(types, params, message, new Set());
            if (expected !== null) hits++;
            expect(gate.reason("test/method", message)).toBe(expected);
          }
        },
      ),
      { numRuns: 2000 },
    );
    // Guard against a generator that never reaches an experimental element.
    expect(hits).toBeGreaterThan(100);
  });
});
