import { describe, expect, it } from "vitest";
import { buildInventory } from "../../src/model/inventory.js";
import { createGate } from "../../src/runtime/index.js";
import { modelFrom } from "../support/memory.js";

/** The gate follows a recursive generic instance as it follows any recursive declaration: to every level. */
const PROTOCOL = {
  "p.ts": `
    export interface Tree<T> { value: T; /** @experimental */ label?: string; children: Tree<T>[] }
    export interface Params { tree: Tree<string>; patch?: Partial<Tree<string>> }
    /** @methods clientRequest */
    export interface Requests { "tree/put": Request<Params, Params> }
  `,
};

const leaf = (value: string, label?: string) => ({ value, ...(label === undefined ? {} : { label }), children: [] });

describe("the gate on a recursive generic instance", () => {
  const { model, diagnostics } = modelFrom(PROTOCOL);
  const gate = createGate(buildInventory(model));

  it("finds an experimental field three levels down", () => {
    expect(diagnostics).toEqual([]);
    const params = { tree: { value: "a", children: [{ value: "b", children: [leaf("c", "deep")] }] } };
    expect(gate.reason("tree/put", params)).toBe("TreeOfString.label");
    expect(gate.reason("tree/put", { tree: { value: "a", children: [{ value: "b", children: [leaf("c")] }] } })).toBeNull();
    expect(gate.reason("tree/put", { tree: leaf("a"), patch: { children: [{ value: "b", children: [leaf("c", "x")] }] } })).toBe("TreeOfString.label");
  });

  it("brings an outgoing result to stable at every level", () => {
    const result = { tree: { value: "a", label: "top", children: [{ value: "b", children: [leaf("c", "deep")] }] } };
    expect(gate.toStable("tree/put", "result", result)).toEqual({
      sendable: true,
      value: { tree: { value: "a", children: [{ value: "b", children: [leaf("c")] }] } },
    });
  });
});
