import { describe, expect, it } from "vitest";
import { JsonKeys, JsonPart, JsonRecord, JsonTextCache, jsonTextAt, serializeAssembled, serializeJson } from "../../src/output/serialize.js";

/** A JSON text moved `depth` levels in, the obvious way: its line breaks all sit between tokens. */
const indented = (value: unknown, depth: number) => JSON.stringify(value, null, 2).replaceAll("\n", `\n${"  ".repeat(depth)}`);

describe("serializeJson", () => {
  it("prints two-space indented JSON with keys in insertion order and one trailing newline", () => {
    expect(serializeJson({ b: 1, a: [true, null], c: {}, d: [] })).toBe(
      '{\n  "b": 1,\n  "a": [\n    true,\n    null\n  ],\n  "c": {},\n  "d": []\n}\n',
    );
  });

  it("drops undefined properties and prints an undefined document as null", () => {
    expect(serializeJson({ a: undefined, b: "x" })).toBe('{\n  "b": "x"\n}\n');
    expect(serializeJson(undefined)).toBe("null\n");
  });
});

describe("serializeAssembled", () => {
  /** Every object of `value` below the top, at any depth, made a part whose text is its own serialization. */
  const withParts = (value: unknown, depth = 0): unknown => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
    if (depth > 0 && depth % 2 === 0) return new JsonPart((at) => jsonTextAt(value, at));
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withParts(inner, depth + 1)]));
  };
  const documents: unknown[] = [
    {},
    { a: 1 },
    { "1": "integer-like keys first", b: { c: [1, { d: "x\ny" }], e: {} }, f: undefined, "quo\"te": null },
    { definitions: { v2: { Thread: { type: "object", properties: { id: { type: "string" } } }, Empty: {} }, "ü ✓": { enum: ["a", "b"] } } },
    { nested: { deeper: { deepest: { list: [[], [{}], "s"] } } } },
  ];

  it("writes exactly what serializeJson writes, whatever parts the document holds", () => {
    for (const document of documents) expect(serializeAssembled(withParts(document))).toBe(serializeJson(document));
  });

  it("serializes a value indented for its depth as the indented serialization would be", () => {
    const values = [{}, [], "s", 1, null, { a: [1, { b: "\n" }], "": {} }, [[{}], { deep: { deeper: [] } }]];
    for (const value of values) for (const depth of [0, 1, 2, 5]) expect(jsonTextAt(value, depth)).toBe(indented(value, depth));
  });

  it("keeps a part's text by object, depth and variant", () => {
    const cache = new JsonTextCache();
    const part = { type: "string" };
    let made = 0;
    const make = (depth: number) => (made++, jsonTextAt(part, depth));
    cache.text(part, 2, "", make);
    cache.text(part, 2, "", make);
    expect(made).toBe(1);
    expect(cache.text(part, 3, "", make)).toBe('{\n        "type": "string"\n      }');
    cache.text(part, 2, "other pointers", make);
    expect(made).toBe(3);
  });
});

describe("JsonRecord", () => {
  const record = (entries: Record<string, unknown>): JsonRecord => new JsonRecord(new JsonKeys(Object.keys(entries)), Object.values(entries));

  it("writes as the object of its keys and values, nested, empty, and with keys that need escaping", () => {
    const plain = { a: { b: [1, "x"], c: {} }, "q\"uote\n": 2, empty: {} };
    const assembled = record({ a: record({ b: [1, "x"], c: record({}) }), "q\"uote\n": new JsonPart((depth) => jsonTextAt(2, depth)), empty: record({}) });
    expect(serializeAssembled({ outer: assembled })).toBe(serializeJson({ outer: plain }));
    expect(serializeAssembled(assembled)).toBe(serializeJson(plain));
  });

  it("shares its keys' texts between records at the same depth and writes each depth right", () => {
    const keys = new JsonKeys(["x", "y"]);
    for (const depth of [0, 1, 3]) {
      let wrapped: unknown = new JsonRecord(keys, [1, 2]);
      let plain: unknown = { x: 1, y: 2 };
      for (let level = 0; level < depth; level++) [wrapped, plain] = [{ k: wrapped }, { k: plain }];
      expect(serializeAssembled(wrapped)).toBe(serializeJson(plain));
    }
    expect(keys.prefixesAt(1)).toBe(keys.prefixesAt(1));
  });
});
