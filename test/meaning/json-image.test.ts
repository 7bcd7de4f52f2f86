import { describe, expect, it } from "vitest";
import { preimagesOf, UNDEFINED } from "../support/json-image.js";

describe("preimagesOf: a JSON value written again with `undefined` for what its schema names and it leaves out", () => {
  const bundle = {
    definitions: {
      Box: {
        anyOf: [
          { type: "object", properties: { s: { type: "string" } }, required: ["s"], additionalProperties: false },
          { type: "object", properties: { o: { not: {} } }, additionalProperties: false },
        ],
      },
      Both: { allOf: [{ type: "object", properties: { a: {} } }, { type: "object", properties: { b: {} } }] },
      Holder: { type: "object", additionalProperties: { $ref: "#/definitions/Box" } },
    },
  };

  it("gives one candidate per union branch, each filling only that branch's names", () => {
    expect(preimagesOf(bundle, { $ref: "#/definitions/Box" }, {})).toEqual([{ s: UNDEFINED }, { o: UNDEFINED }]);
  });

  it("fills the names of every part of an allOf together", () => {
    expect(preimagesOf(bundle, { $ref: "#/definitions/Both" }, {})).toEqual([{ a: UNDEFINED, b: UNDEFINED }]);
  });

  it("goes through index signatures and arrays, and leaves scalars and present keys as they are", () => {
    expect(preimagesOf(bundle, { $ref: "#/definitions/Holder" }, { k: {} })).toEqual([{ k: { s: UNDEFINED } }, { k: { o: UNDEFINED } }]);
    expect(preimagesOf(bundle, { type: "array", items: { $ref: "#/definitions/Both" } }, [{ a: 1 }])).toEqual([[{ a: 1, b: UNDEFINED }]]);
    expect(preimagesOf(bundle, { $ref: "#/definitions/Box" }, "x")).toEqual(["x"]);
  });

  it("gives each distinct preimage once, so values in a list combine their choices", () => {
    const list = { type: "array", items: { $ref: "#/definitions/Box" } };
    const preimages = preimagesOf(bundle, list, [{}, { s: "x" }, {}]);
    expect(preimages).toHaveLength(8); // two branches for each of the three values
    expect(preimages).toContainEqual([{ o: UNDEFINED }, { s: "x" }, { s: UNDEFINED }]);
  });
});
