import { describe, expect, it } from "vitest";
import { sortById } from "../../src/model/build.js";
import { alias, string } from "../emit/builders.js";

describe("sortById", () => {
  it("orders by UTF-16 code units, as compareStrings does", () => {
    const ids = ["b", "a.Z", "A", "a", "é", "Z", "v2.Thread", "v10.Thread"];
    expect(sortById(ids.map((id) => alias(id, string))).map((declaration) => declaration.id)).toEqual([
      "A", "Z", "a", "a.Z", "b", "v10.Thread", "v2.Thread", "é",
    ]);
  });

  it("keeps every declaration when ids repeat", () => {
    const first = alias("B", string);
    const second = { ...alias("B", string), docs: { description: "second", tags: {} } };
    const sorted = sortById([first, alias("A", string), second]);
    expect(sorted.map((declaration) => declaration.id)).toEqual(["A", "B", "B"]);
    expect(sorted[1]).toBe(first);
    expect(sorted[2]).toBe(second);
  });
});
