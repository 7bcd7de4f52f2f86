import { describe, expect, it } from "vitest";
import { buildInventory } from "../../src/model/inventory.js";
import type { GateType, Inventory } from "../../src/model/inventory-types.js";
import { serializeInventory } from "../../src/output/inventory-json.js";
import { createGate } from "../../src/runtime/index.js";
import { modelFrom } from "../support/memory.js";

const PROTOCOL = {
  "p.ts": `
    /** @experimental */
    export interface Tool { name: string }
    export interface Settings { /** @experimental */ depth?: number | null; label: string }
    export interface Mode { settings: Settings }
    export enum Kind { Plain = "plain", /** @experimental */ Fancy = "fancy" }
    export type Decision = "accept" | /** @experimental */ { amend: { rule: string } };
    export interface StartParams {
      /** @experimental thread/start.persistFullHistory */ persist?: boolean;
      /** @experimental */ tools?: Tool[] | null;
      mode?: Mode;
      kinds: Kind[];
      decision?: Decision;
    }
    export interface Empty {}
    export interface StartResult { decision: Decision; fallback?: Decision; kinds: Kind[] }
    /** @methods clientRequest */
    export interface Requests {
      "thread/start": Request<StartParams, StartResult>;
      /** @experimental */ "thread/realtime/start": Request<Empty, Empty>;
    }
    /** @methods serverNotification */
    export interface Notifications { /** @experimental */ "thread/realtime/closed": Notification<Empty> }`,
};

describe("buildInventory", () => {
  const { model, diagnostics } = modelFrom(PROTOCOL);
  const inventory = buildInventory(model);

  it("lists every experimental element with derived or explicit reasons, sorted by reason", () => {
    expect(diagnostics).toEqual([]);
    expect(inventory.entries.map((entry) => [entry.reason, entry.kind, entry.method, entry.type, entry.field ?? entry.member])).toEqual([
      ["Decision.amend", "member", undefined, "Decision", "amend"],
      ["Kind.fancy", "member", undefined, "Kind", "Fancy"],
      ["Settings.depth", "field", undefined, "Settings", "depth"],
      ["Tool", "type", undefined, "Tool", undefined],
      ["thread/realtime/closed", "method", "thread/realtime/closed", undefined, undefined],
      ["thread/realtime/start", "method", "thread/realtime/start", undefined, undefined],
      ["thread/start.persistFullHistory", "field", "thread/start", "StartParams", "persist"],
      ["thread/start.tools", "field", "thread/start", "StartParams", "tools"],
    ]);
    expect(inventory.entries.every((entry) => /^input\/p\.ts:\d+$/.test(entry.location))).toBe(true);
  });

  it("gives the gate what it needs to find each element in a message", () => {
    const gate = createGate(inventory);
    const reason = (params: unknown) => gate.reason("thread/start", params);
    expect(reason({ kinds: [] })).toBeNull();
    expect(reason({ kinds: [], persist: false, tools: [] })).toBeNull();
    expect(reason({ kinds: [], persist: true })).toBe("thread/start.persistFullHistory");
    expect(reason({ kinds: [], tools: [{ name: "x" }] })).toBe("thread/start.tools");
    expect(reason({ kinds: [], mode: { settings: { label: "a", depth: null } } })).toBeNull();
    expect(reason({ kinds: [], mode: { settings: { label: "a", depth: 0 } } })).toBe("Settings.depth");
    expect(reason({ kinds: ["plain", "fancy"] })).toBe("Kind.fancy");
    expect(reason({ kinds: [], decision: "accept" })).toBeNull();
    expect(reason({ kinds: [], decision: { amend: { rule: "r" } } })).toBe("Decision.amend");
    expect(gate.reason("thread/realtime/start", {})).toBe("thread/realtime/start");
    expect(gate.allowsNotification("thread/realtime/closed", false)).toBe(false);
    expect(gate.allowsNotification("thread/realtime/closed", true)).toBe(true);
  });

  it("gives the outgoing gate each result and which fields may be left out", () => {
    expect(inventory.gate.methods["thread/start"]?.result).toEqual({ kind: "ref", target: "StartResult" });
    expect(inventory.gate.methods["thread/realtime/start"]).not.toHaveProperty("result");
    const fields = (inventory.gate.types["StartResult"] as Extract<GateType, { kind: "object" }>).fields;
    expect(fields.map((field) => [field.name, field.optional])).toEqual([
      ["decision", undefined],
      ["fallback", true],
      ["kinds", undefined],
    ]);
    const gate = createGate(inventory);
    const amend = { amend: { rule: "r" } };
    expect(gate.toStable("thread/start", "result", { decision: "accept", fallback: amend, kinds: ["fancy", "plain"] })).toEqual({
      sendable: true,
      value: { decision: "accept", kinds: ["plain"] },
    });
    expect(gate.toStable("thread/start", "result", { decision: amend, kinds: [] })).toEqual({
      sendable: false,
      reason: "Decision.amend",
      path: "/decision",
    });
  });

  it("keeps a method, a type and a discriminant named __proto__ as keys, through the file into the gate", () => {
    const { model, diagnostics } = modelFrom({
      "p.ts": `
        export interface Empty {}
        export type __proto__ = { __proto__: "odd"; size: number } | /** @experimental */ { kind: "new"; extra: string };
        export interface Params { shape: __proto__ }
        /** @methods clientRequest */
        export interface Requests {
          /** @experimental */ "__proto__": Request<Empty, Empty>;
          "shape/set": Request<Params, Empty>;
        }`,
    });
    expect(diagnostics).toEqual([]);
    const inventory = JSON.parse(serializeInventory(buildInventory(model))) as Inventory;
    expect(Object.keys(inventory.gate.methods).sort()).toEqual(["__proto__", "shape/set"]);
    expect(Object.keys(inventory.gate.types)).toContain("__proto__");
    const shape = inventory.gate.types["__proto__"] as Extract<GateType, { kind: "union" }>;
    expect(shape.members[0]!.match).toEqual({ kind: "object", discriminant: JSON.parse('{"__proto__":"odd"}') });
    const gate = createGate(inventory);
    expect(gate.reason("__proto__", {})).toBe("__proto__");
    expect(gate.reason("shape/set", { shape: { kind: "new", extra: "x" } })).toBe("__proto__.new");
    expect(gate.reason("shape/set", JSON.parse('{ "shape": { "__proto__": "odd", "size": 1 } }'))).toBeNull();
  });
});
