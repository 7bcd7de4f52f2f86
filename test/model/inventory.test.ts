import { describe, expect, it } from "vitest";
import { buildInventory } from "../../src/model/inventory.js";
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
    /** @methods clientRequest */
    export interface Requests {
      "thread/start": Request<StartParams, Empty>;
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
});
