import { describe, expect, it } from "vitest";
import { indexType } from "../../src/model/type-index.js";
import type { TypeNode } from "../../src/model/types.js";
import { modelFrom } from "../support/memory.js";

function bodyOf(files: Record<string, string>, id: string): TypeNode {
  const declaration = modelFrom(files).model.declarations.find((candidate) => candidate.id === id);
  if (declaration?.kind !== "alias") throw new Error(`no alias ${id}`);
  return declaration.type;
}

const FILES = {
  "a.ts": `
    export interface A { n: number }
    export interface B { n: number }
    export interface C { n: number }
    export interface D { n: number }
    export interface Shape {
      plain: A;
      list: Array<A | "none">;
      /** @experimental */ hidden?: { inner: B; choice: "x" | "y" };
      mixed: C | /** @experimental */ D;
      both: A & { extra: string };
    }`,
};

describe("indexType", () => {
  it("sorts references and unions by whether an experimental field or member encloses them", () => {
    const index = indexType(bodyOf(FILES, "Shape"));
    expect(index.ids).toEqual(["A", "A", "B", "C", "D", "A"]);
    expect(index.stableRefs.map((ref) => ref.target)).toEqual(["A", "A", "C", "A"]);
    expect(index.experimentalRefs.map((ref) => ref.target)).toEqual(["B", "D"]);
    // `A | "none"` and `C | D` are stable; `"x" | "y"` sits inside the experimental field.
    expect(index.stableUnions.map((union) => union.members.length)).toEqual([2, 2]);
    expect(index.intersections).toHaveLength(1);
    expect(index.experimentalParts).toBe(true);
    expect(indexType(bodyOf(FILES, "A")).experimentalParts).toBe(false);
  });

  it("indexes each type object once", () => {
    const body = bodyOf(FILES, "Shape");
    expect(indexType(body)).toBe(indexType(body));
  });
});
