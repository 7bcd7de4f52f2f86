import { describe, expect, it } from "vitest";
import { createGate, type GateType } from "../../src/runtime/index.js";
import { ref, requestWith } from "./inventory.js";

const M = "test/method";

describe("nested objects through refs", () => {
  // params: { settings?: Settings }, Settings: { sandbox?: Sandbox }, Sandbox: { network?: boolean (experimental) }
  const gate = createGate(
    requestWith({ kind: "object", fields: [{ name: "settings", type: ref("v2.Settings") }] }, {
      "v2.Settings": { kind: "object", fields: [{ name: "sandbox", type: ref("v2.Sandbox") }] },
      "v2.Sandbox": {
        kind: "object",
        fields: [{ name: "network", experimental: "v2.Sandbox.network", presence: "boolean" }],
      },
    }),
  );

  it("finds a field two levels deep", () => {
    expect(gate.reason(M, { settings: { sandbox: { network: true } } })).toBe("v2.Sandbox.network");
  });

  it("finds nothing when the deep field is absent, false or a level is null", () => {
    expect(gate.reason(M, {})).toBeNull();
    expect(gate.reason(M, { settings: null })).toBeNull();
    expect(gate.reason(M, { settings: { sandbox: null } })).toBeNull();
    expect(gate.reason(M, { settings: { sandbox: {} } })).toBeNull();
    expect(gate.reason(M, { settings: { sandbox: { network: false } } })).toBeNull();
    expect(gate.reason(M, { settings: "not an object" })).toBeNull();
  });
});

describe("field order", () => {
  const gate = createGate(
    requestWith({
      kind: "object",
      fields: [
        { name: "a", experimental: "T.a", presence: "present" },
        { name: "nested", type: { kind: "object", fields: [{ name: "b", experimental: "T.nested.b", presence: "present" }] } },
        { name: "c", experimental: "T.c", presence: "present" },
      ],
    }),
  );

  it("reports the first hit in declared field order, not in the message's key order", () => {
    expect(gate.reason(M, { c: 1, nested: { b: 1 }, a: 1 })).toBe("T.a");
    expect(gate.reason(M, { c: 1, nested: { b: 1 } })).toBe("T.nested.b");
    expect(gate.reason(M, { c: 1, nested: {} })).toBe("T.c");
  });

  it("checks a field's own presence before looking inside it", () => {
    const both = createGate(
      requestWith({
        kind: "object",
        fields: [
          {
            name: "items",
            experimental: "T.items",
            presence: "nonEmptyArray",
            type: { kind: "array", element: { kind: "object", fields: [{ name: "x", experimental: "Item.x", presence: "present" }] } },
          },
        ],
      }),
    );
    expect(both.reason(M, { items: [{ x: 1 }] })).toBe("T.items");
    expect(both.reason(M, { items: [] })).toBeNull();
  });
});

describe("recursive types", () => {
  // Node: { children?: Node[]; experimentalTag?: string (experimental) }
  const gate = createGate(
    requestWith(ref("Node"), {
      Node: {
        kind: "object",
        fields: [
          { name: "experimentalTag", experimental: "Node.experimentalTag", presence: "present" },
          { name: "children", type: { kind: "array", element: ref("Node") } },
        ],
      },
    }),
  );

  it("follows the value as deep as it goes", () => {
    let deep: unknown = { experimentalTag: "x" };
    for (let i = 0; i < 200; i++) deep = { children: [{}, deep] };
    expect(gate.reason(M, deep)).toBe("Node.experimentalTag");
  });

  it("returns null for a deep tree without the field", () => {
    let deep: unknown = {};
    for (let i = 0; i < 200; i++) deep = { children: [{}, deep] };
    expect(gate.reason(M, deep)).toBeNull();
  });

  it("does not loop on a ref cycle that consumes no value", () => {
    const cycle = createGate(requestWith(ref("A"), { A: ref("B"), B: ref("A") }));
    expect(cycle.reason(M, { anything: true })).toBeNull();
    const self = createGate(requestWith(ref("A"), { A: ref("A") }));
    expect(self.reason(M, {})).toBeNull();
  });

  it("does not loop on a union cycle that consumes no value, and still finds hits on the way", () => {
    const cycle = createGate(
      requestWith(ref("A"), {
        A: {
          kind: "union",
          members: [
            { match: { kind: "literal", value: "x" }, experimental: "A.x" },
            { match: { kind: "typeof", type: "object" }, type: ref("B") },
            { match: { kind: "typeof", type: "string" }, type: ref("B") },
          ],
        },
        B: {
          kind: "union",
          members: [
            { match: { kind: "object", discriminant: { hit: true } }, experimental: "B.hit" },
            { match: { kind: "typeof", type: "object" }, type: ref("A") },
            { match: { kind: "typeof", type: "string" }, type: ref("A") },
          ],
        },
      }),
    );
    expect(cycle.reason(M, {})).toBeNull();
    expect(cycle.reason(M, "y")).toBeNull();
    expect(cycle.reason(M, "x")).toBe("A.x");
    expect(cycle.reason(M, { hit: true })).toBe("B.hit");
  });
});

describe("unions", () => {
  // ApprovalDecision = "accept" | "decline" | @experimental "acceptForSession"
  const decision: GateType = {
    kind: "union",
    members: [
      { match: { kind: "literal", value: "accept" } },
      { match: { kind: "literal", value: "decline" } },
      { match: { kind: "literal", value: "acceptForSession" }, experimental: "ApprovalDecision.acceptForSession" },
    ],
  };

  it("flags an experimental literal member, by strict equality", () => {
    const gate = createGate(requestWith({ kind: "object", fields: [{ name: "decision", type: decision }] }));
    expect(gate.reason(M, { decision: "acceptForSession" })).toBe("ApprovalDecision.acceptForSession");
    expect(gate.reason(M, { decision: "accept" })).toBeNull();
    expect(gate.reason(M, { decision: "AcceptForSession" })).toBeNull();
    expect(gate.reason(M, { decision: ["acceptForSession"] })).toBeNull();
  });

  it("handles enum-style unions with number, boolean and null literals", () => {
    const gate = createGate(
      requestWith({
        kind: "object",
        fields: [
          {
            name: "level",
            type: {
              kind: "union",
              members: [
                { match: { kind: "literal", value: 1 } },
                { match: { kind: "literal", value: 2 }, experimental: "Level.2" },
                { match: { kind: "literal", value: "2" } },
                { match: { kind: "literal", value: true }, experimental: "Level.true" },
              ],
            },
          },
        ],
      }),
    );
    expect(gate.reason(M, { level: 2 })).toBe("Level.2");
    expect(gate.reason(M, { level: "2" })).toBeNull();
    expect(gate.reason(M, { level: 1 })).toBeNull();
    expect(gate.reason(M, { level: true })).toBe("Level.true");
    expect(gate.reason(M, { level: 3 })).toBeNull();
  });

  it("uses the first matching literal member when values repeat", () => {
    const gate = createGate(
      requestWith({
        kind: "union",
        members: [
          { match: { kind: "literal", value: "a" }, experimental: "first" },
          { match: { kind: "literal", value: "a" }, experimental: "second" },
        ],
      }),
    );
    expect(gate.reason(M, "a")).toBe("first");
  });

  // DynamicToolOutput item = { type: "inputText", text } | @experimental { type: "inputImage", imageUrl }
  //   | { type: "file", file: FileRef } where FileRef has an experimental field
  const item: GateType = {
    kind: "union",
    members: [
      { match: { kind: "object", discriminant: { type: "inputText" } } },
      { match: { kind: "object", discriminant: { type: "inputImage" } }, experimental: "ContentItem.inputImage" },
      { match: { kind: "object", discriminant: { type: "file", version: 2 } }, type: ref("FileRef") },
      { match: { kind: "typeof", type: "string" } },
    ],
  };
  const withItems = createGate(
    requestWith({ kind: "object", fields: [{ name: "contentItems", type: { kind: "array", element: item } }] }, {
      FileRef: { kind: "object", fields: [{ name: "mime", experimental: "FileRef.mime", presence: "present" }] },
    }),
  );

  it("flags an experimental object member by its discriminant", () => {
    expect(withItems.reason(M, { contentItems: [{ type: "inputText", text: "hi" }] })).toBeNull();
    expect(
      withItems.reason(M, { contentItems: [{ type: "inputText", text: "hi" }, { type: "inputImage", imageUrl: "data:" }] }),
    ).toBe("ContentItem.inputImage");
  });

  it("requires every discriminant key to match and recurses into the matched member's type", () => {
    expect(withItems.reason(M, { contentItems: [{ type: "file", version: 2, mime: "x" }] })).toBe("FileRef.mime");
    expect(withItems.reason(M, { contentItems: [{ type: "file", version: 2 }] })).toBeNull();
    expect(withItems.reason(M, { contentItems: [{ type: "file", version: 1, mime: "x" }] })).toBeNull();
    expect(withItems.reason(M, { contentItems: [{ type: "file", mime: "x" }] })).toBeNull();
  });

  it("does not match object members against arrays, null or primitives", () => {
    expect(withItems.reason(M, { contentItems: [["inputImage"], null, "inputImage", 3] })).toBeNull();
  });

  it("matches typeof members by JSON kind", () => {
    const kinds = ["string", "number", "boolean", "null", "array", "object"] as const;
    const gate = createGate(
      requestWith({
        kind: "union",
        members: kinds.map((type) => ({ match: { kind: "typeof" as const, type }, experimental: `kind:${type}` })),
      }),
    );
    expect(gate.reason(M, "s")).toBe("kind:string");
    expect(gate.reason(M, 1.5)).toBe("kind:number");
    expect(gate.reason(M, false)).toBe("kind:boolean");
    expect(gate.reason(M, null)).toBe("kind:null");
    expect(gate.reason(M, [])).toBe("kind:array");
    expect(gate.reason(M, {})).toBe("kind:object");
    expect(gate.reason(M, undefined)).toBeNull();
  });

  it("stops at the first matching member even if a later one would also match", () => {
    const gate = createGate(
      requestWith({
        kind: "union",
        members: [
          { match: { kind: "object", discriminant: { type: "a" } } },
          { match: { kind: "typeof", type: "object" }, experimental: "any object" },
        ],
      }),
    );
    expect(gate.reason(M, { type: "a" })).toBeNull();
    expect(gate.reason(M, { type: "b" })).toBe("any object");
  });
});

describe("arrays, maps and tuples", () => {
  const flagged: GateType = { kind: "object", fields: [{ name: "x", experimental: "X.x", presence: "boolean" }] };

  it("inspects every array element in order", () => {
    const gate = createGate(
      requestWith({
        kind: "array",
        element: {
          kind: "union",
          members: [
            { match: { kind: "literal", value: "a" }, experimental: "E.a" },
            { match: { kind: "literal", value: "b" }, experimental: "E.b" },
          ],
        },
      }),
    );
    expect(gate.reason(M, ["c", "b", "a"])).toBe("E.b");
    expect(gate.reason(M, ["c"])).toBeNull();
    expect(gate.reason(M, [])).toBeNull();
    expect(gate.reason(M, { 0: "a" })).toBeNull();
  });

  it("inspects map values in key order", () => {
    const gate = createGate(
      requestWith({
        kind: "object",
        fields: [
          {
            name: "env",
            type: {
              kind: "map",
              value: {
                kind: "union",
                members: [
                  { match: { kind: "object", discriminant: { mode: "a" } }, experimental: "Mode.a" },
                  { match: { kind: "object", discriminant: { mode: "b" } }, experimental: "Mode.b" },
                ],
              },
            },
          },
        ],
      }),
    );
    expect(gate.reason(M, { env: { k1: { mode: "c" }, k2: { mode: "b" }, k3: { mode: "a" } } })).toBe("Mode.b");
    expect(gate.reason(M, { env: { k1: { mode: "c" } } })).toBeNull();
    expect(gate.reason(M, { env: {} })).toBeNull();
    expect(gate.reason(M, { env: [{ mode: "a" }] })).toBeNull();
  });

  it("inspects tuple elements that have a type, and tolerates short tuples", () => {
    const gate = createGate(requestWith({ kind: "tuple", elements: [null, flagged, null, flagged] }));
    expect(gate.reason(M, [{ x: true }, { x: false }])).toBeNull();
    expect(gate.reason(M, [{ x: false }, { x: true }])).toBe("X.x");
    expect(gate.reason(M, [null, { x: false }, null, { x: true }])).toBe("X.x");
    expect(gate.reason(M, [null])).toBeNull();
    expect(gate.reason(M, [])).toBeNull();
    expect(gate.reason(M, { 1: { x: true } })).toBeNull();
  });
});
