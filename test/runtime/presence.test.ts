import { describe, expect, it } from "vitest";
import { createGate, type Presence } from "../../src/runtime/index.js";
import { requestWith } from "./inventory.js";

function reasonFor(presence: Presence, value: unknown): string | null {
  const gate = createGate(
    requestWith({ kind: "object", fields: [{ name: "flag", experimental: "test/method.flag", presence }] }),
  );
  return gate.reason("test/method", value === undefined ? {} : { flag: value });
}

describe("presence of an experimental field", () => {
  it("is absent when the field is missing, undefined or null, whatever the rule", () => {
    for (const presence of ["boolean", "nonEmptyArray", "nonEmptyMap", "present"] as const) {
      expect(reasonFor(presence, undefined)).toBeNull();
      expect(reasonFor(presence, null)).toBeNull();
    }
  });

  it("boolean: present only when true", () => {
    expect(reasonFor("boolean", false)).toBeNull();
    expect(reasonFor("boolean", true)).toBe("test/method.flag");
  });

  it("nonEmptyArray: present only when the array has elements", () => {
    expect(reasonFor("nonEmptyArray", [])).toBeNull();
    expect(reasonFor("nonEmptyArray", [0])).toBe("test/method.flag");
    expect(reasonFor("nonEmptyArray", [null])).toBe("test/method.flag");
  });

  it("nonEmptyMap: present only when the object has an own key", () => {
    expect(reasonFor("nonEmptyMap", {})).toBeNull();
    expect(reasonFor("nonEmptyMap", { a: 1 })).toBe("test/method.flag");
    expect(reasonFor("nonEmptyMap", JSON.parse('{"__proto__": 1}'))).toBe("test/method.flag");
  });

  it("present: any non-null value, including falsy ones", () => {
    expect(reasonFor("present", "")).toBe("test/method.flag");
    expect(reasonFor("present", "text")).toBe("test/method.flag");
    expect(reasonFor("present", 0)).toBe("test/method.flag");
    expect(reasonFor("present", false)).toBe("test/method.flag");
    expect(reasonFor("present", [])).toBe("test/method.flag");
    expect(reasonFor("present", {})).toBe("test/method.flag");
  });

  it("a value whose shape contradicts the declared rule counts as present", () => {
    expect(reasonFor("boolean", "true")).toBe("test/method.flag");
    expect(reasonFor("boolean", 0)).toBe("test/method.flag");
    expect(reasonFor("nonEmptyArray", {})).toBe("test/method.flag");
    expect(reasonFor("nonEmptyArray", "")).toBe("test/method.flag");
    expect(reasonFor("nonEmptyMap", [])).toBe("test/method.flag");
    expect(reasonFor("nonEmptyMap", 0)).toBe("test/method.flag");
  });

  it("treats a missing presence as 'present'", () => {
    const gate = createGate(requestWith({ kind: "object", fields: [{ name: "flag", experimental: "r" }] }));
    expect(gate.reason("test/method", { flag: false })).toBe("r");
    expect(gate.reason("test/method", { flag: null })).toBeNull();
  });

  it("reads only own properties, so Object.prototype names are not present by default", () => {
    const gate = createGate(
      requestWith({
        kind: "object",
        fields: [
          { name: "constructor", experimental: "r.constructor", presence: "present" },
          { name: "toString", experimental: "r.toString", presence: "present" },
          { name: "__proto__", experimental: "r.proto", presence: "present" },
        ],
      }),
    );
    expect(gate.reason("test/method", {})).toBeNull();
    expect(gate.reason("test/method", { toString: "x" })).toBe("r.toString");
    expect(gate.reason("test/method", JSON.parse('{"__proto__": {}}'))).toBe("r.proto");
  });

  it("ignores params that are not objects", () => {
    const gate = createGate(
      requestWith({ kind: "object", fields: [{ name: "flag", experimental: "r", presence: "present" }] }),
    );
    for (const params of [undefined, null, true, 1, "flag", [true], [{ flag: true }]]) {
      expect(gate.reason("test/method", params)).toBeNull();
    }
  });
});
