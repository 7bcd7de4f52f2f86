import { describe, expect, it } from "vitest";
import { serializeJson } from "../../src/output/serialize.js";

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
