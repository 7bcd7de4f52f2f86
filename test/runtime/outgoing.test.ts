import { describe, expect, it } from "vitest";
import { createGate, experimentalOutputError, InvalidInventoryError, type GateType } from "../../src/runtime/index.js";
import { inventory, ref } from "./inventory.js";

const N = "test/notify";
const R = "test/request";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

// Policy = "auto" | { custom: … } (experimental member); Item = { type: "text" } | { type: "plan" } (experimental member).
const TYPES: Record<string, GateType> = {
  Policy: {
    kind: "union",
    members: [{ match: { kind: "literal", value: "auto" } }, { match: { kind: "typeof", type: "object" }, experimental: "Policy.custom" }],
  },
  Item: {
    kind: "union",
    members: [
      { match: { kind: "object", discriminant: { type: "text" } } },
      { match: { kind: "object", discriminant: { type: "plan" } }, experimental: "Item.plan" },
    ],
  },
  Payload: {
    kind: "object",
    fields: [
      { name: "secret", experimental: "Payload.secret", presence: "boolean" },
      { name: "policy", type: ref("Policy") },
      { name: "fallback", type: ref("Policy"), optional: true },
      { name: "items", type: { kind: "array", element: ref("Item") } },
      { name: "byName", type: { kind: "map", value: ref("Item") }, optional: true },
      { name: "pair", type: { kind: "tuple", elements: [null, ref("Policy")] }, optional: true },
    ],
  },
};

const gate = createGate(
  inventory(
    {
      [N]: { direction: "serverNotification", params: ref("Payload") },
      [R]: { direction: "clientRequest", result: ref("Payload") },
      "test/experimental": { direction: "serverNotification", experimental: "test/experimental" },
      "test/plain": { direction: "serverNotification" },
    },
    TYPES,
  ),
);

describe("toStable", () => {
  it("removes experimental fields whatever their value, copying only the path to them", () => {
    const items = deepFreeze([{ type: "text", text: "a" }]);
    const value = deepFreeze({ policy: "auto", secret: false, items, extra: { deep: 1 } });
    const outcome = gate.toStable(N, "params", value);
    expect(outcome).toEqual({ sendable: true, value: { policy: "auto", items, extra: { deep: 1 } } });
    if (outcome.sendable) {
      expect((outcome.value as { items: unknown }).items).toBe(items);
      expect((outcome.value as { extra: unknown }).extra).toBe(value.extra);
    }
    expect(gate.toStable(N, "params", deepFreeze({ policy: "auto", secret: null, items: [] }))).toEqual({
      sendable: true,
      value: { policy: "auto", items: [] },
    });
  });

  it("gives the value itself back when there is nothing to change, and for unknown methods and parts", () => {
    const value = deepFreeze({ policy: "auto", items: [{ type: "text" }], fallback: "auto" });
    expect(gate.toStable(N, "params", value)).toEqual({ sendable: true, value });
    expect((gate.toStable(N, "params", value) as { value: unknown }).value).toBe(value);
    const anything = { policy: { custom: 1 } };
    expect((gate.toStable("unknown/method", "params", anything) as { value: unknown }).value).toBe(anything);
    expect((gate.toStable("test/plain", "params", anything) as { value: unknown }).value).toBe(anything);
    // Params and result are compiled apart: the notification has no result type.
    expect((gate.toStable(N, "result", anything) as { value: unknown }).value).toBe(anything);
  });

  it("drops an optional field, an array item or a map entry holding an experimental member", () => {
    const value = deepFreeze({
      policy: "auto",
      fallback: { custom: true },
      items: [{ type: "text", n: 1 }, { type: "plan" }, { type: "text", n: 2 }],
      byName: { a: { type: "plan" }, b: { type: "text" } },
    });
    expect(gate.toStable(R, "result", value)).toEqual({
      sendable: true,
      value: { policy: "auto", items: [{ type: "text", n: 1 }, { type: "text", n: 2 }], byName: { b: { type: "text" } } },
    });
  });

  it("cannot send a message whose required field or tuple element is an experimental member, and says where", () => {
    expect(gate.toStable(R, "result", deepFreeze({ policy: { custom: true }, items: [] }))).toEqual({
      sendable: false,
      reason: "Policy.custom",
      path: "/policy",
    });
    // Earlier drops leave no trace in the path of the member that could not be dropped.
    const value = deepFreeze({ fallback: { custom: 1 }, items: [{ type: "plan" }], policy: "auto", pair: [1, { custom: 2 }] });
    expect(gate.toStable(N, "params", value)).toEqual({ sendable: true, value: { items: [], policy: "auto" } });
    const nested = createGate(
      inventory({ [N]: { direction: "serverNotification", params: ref("Outer") } }, {
        ...TYPES,
        Outer: { kind: "object", fields: [{ name: "inner~/x", type: ref("Payload") }] },
      }),
    );
    expect(nested.toStable(N, "params", deepFreeze({ "inner~/x": { fallback: { custom: 1 }, policy: { custom: 2 } } }))).toEqual({
      sendable: false,
      reason: "Policy.custom",
      path: "/inner~0~1x/policy",
    });
  });

  it("never sends anything of an experimental method", () => {
    expect(gate.toStable("test/experimental", "params", {})).toEqual({ sendable: false, reason: "test/experimental", path: "" });
  });

  it("has a documented error for a result that cannot be sent", () => {
    expect(experimentalOutputError("Policy.custom", "/policy")).toEqual({
      code: -32603,
      message: "the result holds Policy.custom, which requires experimentalApi capability",
      data: { reason: "Policy.custom", path: "/policy" },
    });
  });

  it("rejects a malformed optional flag at startup", () => {
    const bad = inventory({ [N]: { direction: "serverNotification", params: ref("P") } }, {
      P: { kind: "object", fields: [{ name: "x", type: ref("P"), optional: "yes" as unknown as true }] },
    });
    expect(() => createGate(bad)).toThrow(InvalidInventoryError);
  });

  it("ends on cycles of refs and unions that never descend", () => {
    const cyclic = createGate(
      inventory({ [N]: { direction: "serverNotification", params: ref("A") } }, {
        A: { kind: "union", members: [{ match: { kind: "typeof", type: "object" }, type: ref("B") }] },
        B: { kind: "union", members: [{ match: { kind: "typeof", type: "object" }, type: ref("A") }] },
      }),
    );
    const value = { any: 1 };
    expect(cyclic.toStable(N, "params", value)).toEqual({ sendable: true, value });
  });
});
