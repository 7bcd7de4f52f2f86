import { describe, expect, it } from "vitest";
import { GraphMemo, graphKey } from "../../src/model/graph.js";
import { filterModel } from "../../src/model/filter.js";
import type { Declaration, Model } from "../../src/model/types.js";
import { alias, number, object, prop, ref, request, string } from "../emit/builders.js";

const model = (declarations: Declaration[]): Model => ({ declarations, methods: [request("a/get", "P", "R")] });
const base = () => [alias("P", object([prop("r", ref("R"))])), alias("R", object([prop("n", number)])), alias("X", string)];

describe("graphKey", () => {
  it("is shared by models that differ only where no reference is", () => {
    const [p, r, x] = base();
    const edited = alias("R", object([prop("n", number), prop("label", string)]));
    expect(graphKey(model([p!, edited, x!]))).toBe(graphKey(model([p!, r!, x!])));
  });

  it.each([
    ["a reference added", (declarations: Declaration[]) => [declarations[0]!, alias("R", object([prop("x", ref("X"))])), declarations[2]!]],
    ["a declaration made experimental", (declarations: Declaration[]) => [declarations[0]!, declarations[1]!, { ...declarations[2]!, experimental: { reason: "x" } }]],
    ["a declaration renamed", (declarations: Declaration[]) => [declarations[0]!, declarations[1]!, alias("Y", string)]],
  ])("differs for %s", (_, change) => {
    const declarations = base();
    expect(graphKey(model(change(declarations)))).not.toBe(graphKey(model(declarations)));
  });
});

describe("GraphMemo", () => {
  it("computes once per graph, and the stable filter follows a reference the edit added", () => {
    let computed = 0;
    const memo = new GraphMemo((of) => ++computed + of.declarations.length);
    const [p, r, x] = base();
    memo.get(model([p!, r!, x!]));
    memo.get(model([p!, alias("R", object([prop("n", string)])), x!]));
    expect(computed).toBe(1);

    const referencing = alias("R", object([prop("x", ref("X")), prop("n", number)]));
    const stableIds = (of: Model) => filterModel(of, "stable").declarations.map((declaration) => declaration.id);
    expect(stableIds(model([p!, r!, { ...x!, experimental: { reason: "x" } }]))).toEqual(["P", "R"]);
    expect(stableIds(model([p!, referencing, x!]))).toEqual(["P", "R", "X"]);
    expect(stableIds(model([p!, r!, x!]))).toEqual(["P", "R", "X"]);
  });
});
