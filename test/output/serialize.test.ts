import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFragmentCache, serializeJson } from "../../src/output/serialize.js";

describe("serializeJson", () => {
  it("prints exactly what JSON.stringify(value, null, 2) prints, with a trailing newline", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(serializeJson(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      { numRuns: 500 },
    );
  });

  it("gives the same bytes when shared objects come from the fragment cache", () => {
    const shared = { type: "object", properties: { a: { type: "string" } }, required: ["a"] };
    const documents = [{ definitions: { A: shared } }, { definitions: { v2: { A: shared } } }, { items: [shared, shared] }];
    const cache = createFragmentCache([shared]);
    for (const document of [...documents, ...documents]) {
      expect(serializeJson(document, cache)).toBe(`${JSON.stringify(document, null, 2)}\n`);
    }
  });
});
