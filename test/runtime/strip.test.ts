import { describe, expect, it } from "vitest";
import { createGate, type GateField, type GateType } from "../../src/runtime/index.js";
import { inventory, ref, requestWith } from "./inventory.js";

const M = "test/method";

/** Freezes a JSON value all the way down, so any mutation by the code under test throws (ESM is strict mode). */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

const flag = (name: string): GateField => ({ name, experimental: `T.${name}`, presence: "boolean" });

describe("stripUnused: objects through refs", () => {
  // params: Params { settings?: Settings; keep?: Keep; flag?: boolean (exp) }
  // Settings: { sandbox?: Sandbox }; Sandbox: { network?: boolean (exp); tools?: T[] (exp, nonEmptyArray) }
  const gate = createGate(
    requestWith(ref("Params"), {
      Params: {
        kind: "object",
        fields: [{ name: "settings", type: ref("Settings") }, { name: "keep", type: ref("Sandbox") }, flag("flag")],
      },
      Settings: { kind: "object", fields: [{ name: "sandbox", type: ref("Sandbox") }] },
      Sandbox: {
        kind: "object",
        fields: [flag("network"), { name: "tools", experimental: "T.tools", presence: "nonEmptyArray" }],
      },
    }),
  );

  it("removes experimental fields two refs deep, copying only the path to them", () => {
    const params = deepFreeze({
      cwd: "/w",
      settings: { mode: "x", sandbox: { network: false, tools: [], level: 3 }, other: { deep: [1, 2] } },
      keep: { level: 1 },
      flag: false,
    });
    const stripped = gate.stripUnused(M, params) as typeof params;
    expect(stripped).toStrictEqual({ cwd: "/w", settings: { mode: "x", sandbox: { level: 3 }, other: { deep: [1, 2] } }, keep: { level: 1 } });
    // The path to a removed field is new; everything beside it is the very same object.
    expect(stripped).not.toBe(params);
    expect(stripped.settings).not.toBe(params.settings);
    expect(stripped.settings.sandbox).not.toBe(params.settings.sandbox);
    expect(stripped.settings.other).toBe(params.settings.other);
    expect(stripped.keep).toBe(params.keep);
  });

  it("keeps key order", () => {
    expect(Object.keys(gate.stripUnused(M, { z: 1, flag: false, a: 2, settings: null }) as object)).toEqual(["z", "a", "settings"]);
  });

  it("removes an experimental field in every unused form, null included", () => {
    for (const unused of [false, null]) expect(gate.stripUnused(M, { flag: unused, cwd: "/" })).toStrictEqual({ cwd: "/" });
    expect(gate.stripUnused(M, { settings: { sandbox: { tools: [], network: null } } })).toStrictEqual({ settings: { sandbox: {} } });
  });

  it("gives the same value back when there is nothing to remove", () => {
    for (const params of [{}, { cwd: "/" }, { settings: null }, { settings: { sandbox: { level: 1 } } }, { settings: "odd" }, null, 7, [1]]) {
      expect(gate.stripUnused(M, params)).toBe(params);
    }
    expect(gate.stripUnused(M, undefined)).toBeUndefined();
  });

  it("does not mutate its input (deep-frozen here), and leaves it usable for the handler", () => {
    const params = deepFreeze({ flag: false, settings: { sandbox: { network: false } } });
    const text = JSON.stringify(params);
    expect(() => gate.stripUnused(M, params)).not.toThrow();
    expect(JSON.stringify(params)).toBe(text);
  });
});

describe("stripUnused: arrays, maps and tuples", () => {
  const item: GateType = { kind: "object", fields: [flag("x")] };
  const gate = createGate(
    requestWith({
      kind: "object",
      fields: [
        { name: "list", type: { kind: "array", element: item } },
        { name: "byName", type: { kind: "map", value: item } },
        { name: "pair", type: { kind: "tuple", elements: [null, item] } },
      ],
    }),
  );

  it("copies an array only from its first changed element, sharing the unchanged elements", () => {
    const list = deepFreeze([{ y: 0 }, { x: false, y: 1 }, { y: 2 }, { x: false }]);
    const stripped = (gate.stripUnused(M, { list }) as { list: object[] }).list;
    expect(stripped).toStrictEqual([{ y: 0 }, { y: 1 }, { y: 2 }, {}]);
    expect(stripped).not.toBe(list);
    expect(stripped[0]).toBe(list[0]);
    expect(stripped[2]).toBe(list[2]);
    const untouched = deepFreeze([{ y: 0 }, { y: 1 }]);
    expect((gate.stripUnused(M, { list: untouched }) as { list: unknown }).list).toBe(untouched);
  });

  it("strips map values, keeping keys, their order and the untouched values", () => {
    const byName = deepFreeze({ b: { x: false, y: 1 }, a: { y: 2 }, c: 5 });
    const stripped = (gate.stripUnused(M, { byName }) as { byName: Record<string, unknown> }).byName;
    expect(stripped).toStrictEqual({ b: { y: 1 }, a: { y: 2 }, c: 5 });
    expect(Object.keys(stripped)).toEqual(["b", "a", "c"]);
    expect(stripped.a).toBe(byName.a);
  });

  it("strips only the tuple positions the inventory lists", () => {
    const pair = deepFreeze([{ x: false }, { x: false, y: 1 }]);
    const stripped = (gate.stripUnused(M, { pair }) as { pair: unknown[] }).pair;
    expect(stripped).toStrictEqual([{ x: false }, { y: 1 }]);
    expect(stripped[0]).toBe(pair[0]);
    expect(gate.stripUnused(M, { pair: [{ x: false }] })).toStrictEqual({ pair: [{ x: false }] });
  });
});

describe("stripUnused: unions", () => {
  // Item = { type: "text"; x?: boolean (exp) } | { type: "plain"; x?: boolean } | { type: "plan" } (exp member)
  const gate = createGate(
    requestWith({ kind: "object", fields: [{ name: "items", type: { kind: "array", element: ref("Item") } }] }, {
      Item: {
        kind: "union",
        members: [
          { match: { kind: "object", discriminant: { type: "text" } }, type: { kind: "object", fields: [flag("x")] } },
          { match: { kind: "object", discriminant: { type: "plain" } } },
          { match: { kind: "object", discriminant: { type: "plan" } }, experimental: "Item.plan", type: { kind: "object", fields: [flag("x")] } },
          // Never reached for "text": the first matching member wins, as in `reason`.
          { match: { kind: "typeof", type: "object" }, type: { kind: "object", fields: [flag("y")] } },
        ],
      },
    }),
  );

  it("follows the member the discriminant selects", () => {
    const items = deepFreeze([
      { type: "text", x: false, y: false },
      { type: "plain", x: false },
      { type: "other", x: false, y: false },
    ]);
    const stripped = (gate.stripUnused(M, { items }) as { items: unknown[] }).items;
    expect(stripped).toStrictEqual([{ type: "text", y: false }, { type: "plain", x: false }, { type: "other", x: false }]);
    expect(stripped[1]).toBe(items[1]);
  });

  it("leaves a value of an experimental member alone: check rejects it, there is nothing to strip", () => {
    const plan = { type: "plan", x: false };
    expect(gate.reason(M, { items: [plan] })).toBe("Item.plan");
    expect(gate.stripUnused(M, { items: [plan] })).toStrictEqual({ items: [plan] });
  });

  it("goes through a nullable wrapper (typeof member) to the named type", () => {
    const nullable = createGate(
      requestWith({
        kind: "object",
        fields: [
          {
            name: "policy",
            type: {
              kind: "union",
              members: [{ match: { kind: "typeof", type: "object" }, type: ref("Policy") }, { match: { kind: "literal", value: null } }],
            },
          },
        ],
      }, { Policy: { kind: "object", fields: [flag("strict")] } }),
    );
    expect(nullable.stripUnused(M, { policy: { strict: false, level: 1 } })).toStrictEqual({ policy: { level: 1 } });
    const params = { policy: null };
    expect(nullable.stripUnused(M, params)).toBe(params);
  });
});

describe("stripUnused: methods", () => {
  const params = { persistExtendedHistory: false, dynamicTools: [], cwd: "/w" };
  const gate = createGate(
    inventory(
      {
        "thread/start": { direction: "clientRequest", params: ref("v2.ThreadStartParams") },
        "thread/realtime/start": { direction: "clientRequest", experimental: "thread/realtime/start", params: ref("v2.ThreadStartParams") },
        "config/read": { direction: "clientRequest" },
      },
      {
        "v2.ThreadStartParams": {
          kind: "object",
          fields: [
            { name: "dynamicTools", experimental: "thread/start.dynamicTools", presence: "nonEmptyArray" },
            { name: "persistExtendedHistory", experimental: "thread/start.persistFullHistory", presence: "boolean" },
          ],
        },
      },
    ),
  );

  it("is what makes an unused experimental field acceptable to a closed stable schema", () => {
    expect(gate.check("thread/start", params, false)).toBeNull();
    expect(gate.stripUnused("thread/start", params)).toStrictEqual({ cwd: "/w" });
  });

  it("gives params back for unknown methods, methods without inspectable params, and experimental methods", () => {
    for (const method of ["no/such/method", "toString", "__proto__", "config/read", "thread/realtime/start"]) {
      expect(gate.stripUnused(method, params)).toBe(params);
    }
  });
});

describe("stripUnused: awkward names and shapes", () => {
  it("treats a `__proto__` key as data, never as the prototype", () => {
    const gate = createGate(requestWith({ kind: "object", fields: [flag("__proto__"), flag("x")] }));
    const withProto = JSON.parse('{"__proto__": {"polluted": true}, "x": false, "y": 1}') as object;
    // `__proto__` is experimental here but {…} is present: check would refuse it; strip removes it regardless.
    const stripped = gate.stripUnused(M, withProto) as Record<string, unknown>;
    expect(Object.getPrototypeOf(stripped)).toBe(Object.prototype);
    expect(Object.keys(stripped)).toEqual(["y"]);

    const keepProto = createGate(requestWith({ kind: "object", fields: [flag("x")] }));
    const kept = keepProto.stripUnused(M, JSON.parse('{"__proto__": {"polluted": true}, "x": false}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(Object.hasOwn(kept, "__proto__")).toBe(true);
    expect(kept.polluted).toBeUndefined();
  });

  it("does not see Object.prototype members as fields", () => {
    const gate = createGate(requestWith({ kind: "object", fields: [flag("toString"), flag("constructor")] }));
    const params = { a: 1 };
    expect(gate.stripUnused(M, params)).toBe(params);
    expect(gate.stripUnused(M, { toString: false, a: 1 })).toStrictEqual({ a: 1 });
  });

  it("terminates on ref-only cycles and follows recursive types down the value", () => {
    const cyclic = createGate(requestWith(ref("A"), { A: ref("B"), B: ref("A") }));
    const params = { x: 1 };
    expect(cyclic.stripUnused(M, params)).toBe(params);

    const tree = createGate(
      requestWith(ref("Node"), {
        Node: { kind: "object", fields: [flag("tag"), { name: "children", type: { kind: "array", element: ref("Node") } }] },
      }),
    );
    const leaf = { children: [] };
    const root = deepFreeze({ tag: false, children: [{ children: [{ tag: null, children: [] }] }, leaf] });
    const stripped = tree.stripUnused(M, root) as { children: unknown[] };
    expect(stripped).toStrictEqual({ children: [{ children: [{ children: [] }] }, { children: [] }] });
    expect(stripped.children[1]).toBe(root.children[1]);
  });
});
