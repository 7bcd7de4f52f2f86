import { describe, expect, it } from "vitest";
import { createGate, InvalidInventoryError, type GateType } from "../../src/runtime/index.js";
import { inventory, ref } from "./inventory.js";

/**
 * An object whose keys a template literal index signature types
 * (`{ version: number; [key: \`ext:${string}\`]: Extension }`): the gate looks
 * at the values of the keys the pattern matches, and only those.
 */

const TYPES: Record<string, GateType> = {
  Extension: { kind: "object", fields: [{ name: "trace", experimental: "Extension.trace", presence: "boolean" }] },
  Mode: {
    kind: "union",
    members: [{ match: { kind: "literal", value: "fast" } }, { match: { kind: "literal", value: "turbo" }, experimental: "Mode.turbo" }],
  },
  Extensions: {
    kind: "object",
    fields: [{ name: "mode", type: ref("Mode"), optional: true }],
    patterns: [
      { pattern: "^ext:[\\s\\S]*$", type: ref("Extension") },
      { pattern: "^mode-[\\s\\S]*$", type: ref("Mode") },
    ],
  },
};

const gate = createGate(
  inventory(
    {
      "ext/put": { direction: "clientRequest", params: ref("Extensions"), result: ref("Extensions") },
    },
    TYPES,
  ),
);

describe("keys a template literal index signature types", () => {
  it("are inspected when the pattern matches them, and only then", () => {
    expect(gate.reason("ext/put", { "ext:acme": { trace: false } })).toBeNull();
    expect(gate.reason("ext/put", { "ext:acme": { trace: true } })).toBe("Extension.trace");
    expect(gate.reason("ext/put", { "other": { trace: true }, "Ext:acme": { trace: true } })).toBeNull();
    expect(gate.reason("ext/put", { "mode-a": "turbo" })).toBe("Mode.turbo");
    expect(gate.reason("ext/put", { mode: "turbo" })).toBe("Mode.turbo");
  });

  it("are stripped of experimental fields, copying only what changes", () => {
    const value = { "ext:a": { trace: true, vendor: "a" }, "ext:b": { vendor: "b" }, other: { trace: true } };
    const stripped = gate.stripUnused("ext/put", value) as Record<string, unknown>;
    expect(stripped).toEqual({ "ext:a": { vendor: "a" }, "ext:b": { vendor: "b" }, other: { trace: true } });
    expect(stripped["ext:b"]).toBe(value["ext:b"]);
    expect(gate.stripUnused("ext/put", { "ext:b": { vendor: "b" } })).toEqual({ "ext:b": { vendor: "b" } });
  });

  it("lose an entry with no stable form on the way out, as a map does", () => {
    const value = { mode: "fast", "mode-a": "turbo", "mode-b": "fast", "ext:a": { trace: true, vendor: "a" } };
    expect(gate.toStable("ext/put", "result", value)).toEqual({
      sendable: true,
      value: { mode: "fast", "mode-b": "fast", "ext:a": { vendor: "a" } },
    });
  });

  it("need a pattern that is a regular expression", () => {
    const broken: Record<string, GateType> = { Bad: { kind: "object", fields: [], patterns: [{ pattern: "^(x$", type: ref("Bad") }] } };
    expect(() => createGate(inventory({ m: { direction: "clientRequest", params: ref("Bad") } }, broken))).toThrow(InvalidInventoryError);
  });
});
