import { describe, expect, it } from "vitest";
import { LayoutMemo } from "../../src/emit/layout.js";
import { emitJsonSchema } from "../../src/emit/json-schema/index.js";
import { emitTypeScript } from "../../src/emit/typescript/index.js";
import type { Declaration } from "../../src/model/types.js";
import { alias, number, object, prop, ref, string } from "./builders.js";

describe("LayoutMemo", () => {
  const counting = () => {
    let computed = 0;
    const memo = new LayoutMemo((declarations: readonly Declaration[]) => {
      computed++;
      return declarations.map((declaration) => declaration.id).join(",");
    });
    return { memo, computed: () => computed };
  };

  it("reuses a layout for other objects with the same ids, names and namespaces", () => {
    const { memo, computed } = counting();
    memo.get([alias("A", string), alias("v2.B", number)]);
    expect(memo.get([alias("A", number), alias("v2.B", object([prop("x", string)]))])).toBe("A,v2.B");
    expect(computed()).toBe(1);
  });

  it.each([
    ["a renamed declaration", [alias("A", string), alias("v2.C", number)]],
    ["another order", [alias("v2.B", number), alias("A", string)]],
    ["one more declaration", [alias("A", string), alias("v2.B", number), alias("C", string)]],
    ["the same id in other segments", [alias("A", string), { ...alias("v2.B", number), namespace: ["v", "2"] }]],
  ] as const)("computes again for %s", (_, next) => {
    const { memo, computed } = counting();
    memo.get([alias("A", string), alias("v2.B", number)]);
    memo.get(next);
    expect(computed()).toBe(2);
  });

  it("keeps the last few lists, so two audiences do not push each other out", () => {
    const { memo, computed } = counting();
    const stable = [alias("A", string)];
    const experimental = [alias("A", string), alias("B", string)];
    for (let round = 0; round < 3; round++) {
      memo.get(stable);
      memo.get(experimental);
    }
    expect(computed()).toBe(2);
  });
});

describe("emitters over a kept layout", () => {
  const options = { regenerateCommand: "regen", bundleName: "b" };
  const fresh = (declarations: Declaration[]) => ({
    typescript: emitTypeScript({ declarations, methods: [] }, options),
    json: emitJsonSchema({ declarations, methods: [] }, options),
  });

  it("write each declaration's new content where the layout puts it", () => {
    fresh([alias("A", ref("v2.B")), alias("v2.B", number)]);
    const edited = fresh([alias("A", ref("v2.B")), alias("v2.B", object([prop("x", string)]))]);
    expect(edited.typescript.get("v2/B.ts")).toContain("x: string");
    expect(JSON.parse(edited.json.get("b.schemas.json")!).definitions.v2.B.properties).toEqual({ x: { type: "string" } });
    expect(JSON.parse(edited.json.get("b.v2.schemas.json")!).definitions.B.properties).toEqual({ x: { type: "string" } });
  });
});
