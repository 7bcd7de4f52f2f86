import { describe, expect, it } from "vitest";
import type { Declaration, TypeNode } from "../../src/model/types.js";
import { located, modelFrom } from "../support/memory.js";

/**
 * An operator that needs the declaration it is written in (`patch?:
 * Partial<Node>` inside `Node`) is evaluated as TypeScript reads it, lazily:
 * when its evaluation meets it again it becomes a declaration of its own,
 * named by its shape; one that comes out a scalar is written in place.
 */

function typesOf(source: string): ReadonlyMap<string, TypeNode> {
  const { model, diagnostics } = modelFrom({ "a.ts": source });
  expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([]);
  return new Map(model.declarations.flatMap((declaration: Declaration) => (declaration.kind === "alias" ? [[declaration.id, declaration.type] as const] : [])));
}

describe("operators that refer to the declaration they are in", () => {
  it("become a declaration named by their shape, referred to by the operator and by itself", () => {
    const types = typesOf("export interface Node { value: string; patch?: Partial<Node>; sub?: Omit<Node, \"value\"> }\n");
    expect([...types.keys()].sort()).toEqual(["Node", "OmitOfNodeAndValue", "PartialOfNode"]);
    expect(types.get("Node")).toMatchObject({
      properties: [{ name: "value" }, { name: "patch", type: { kind: "ref", target: "PartialOfNode" } }, { name: "sub", type: { kind: "ref", target: "OmitOfNodeAndValue" } }],
    });
    expect(types.get("PartialOfNode")).toMatchObject({
      properties: [
        { name: "value", optional: true },
        { name: "patch", optional: true, type: { kind: "ref", target: "PartialOfNode" } },
        { name: "sub", optional: true, type: { kind: "ref", target: "OmitOfNodeAndValue" } },
      ],
    });
    expect(types.get("OmitOfNodeAndValue")).toMatchObject({
      properties: [{ name: "patch", type: { target: "PartialOfNode" } }, { name: "sub", type: { target: "OmitOfNodeAndValue" } }],
    });
  });

  it("write a scalar result in place: keyof and indexed access of the declaration they are in", () => {
    const types = typesOf("export interface L { a: string; key?: keyof L; copy?: L[\"a\"] }\n");
    expect([...types.keys()]).toEqual(["L"]);
    expect(types.get("L")).toMatchObject({
      properties: [
        { name: "a" },
        { name: "key", type: { kind: "union", members: [{ type: { value: "a" } }, { type: { value: "key" } }, { type: { value: "copy" } }] } },
        { name: "copy", type: { kind: "primitive", name: "string" } },
      ],
    });
  });

  it("name a conditional after the declaration it is in, and avoid names already declared", () => {
    const types = typesOf(
      "export interface Conf { mode: \"a\" | \"b\"; next?: Conf extends { mode: infer M } ? { m: M; c: Conf } : never }\nexport interface ConfConditional { taken: true }\n",
    );
    expect(types.get("Conf")).toMatchObject({ properties: [{ name: "mode" }, { name: "next", type: { kind: "ref", target: "ConfConditional2" } }] });
    expect(types.get("ConfConditional2")).toMatchObject({ properties: [{ name: "m" }, { name: "c", type: { target: "Conf" } }] });
  });

  it("evaluate a declaration with a hundred such operators, each once", () => {
    const fields = Array.from({ length: 50 }, (_, index) => `  f${index}?: Partial<Big>;\n  o${index}?: Omit<Big, "f${index}">;\n`).join("");
    const types = typesOf(`export interface Big {\n${fields}}\n`);
    // `Partial<Big>` written fifty times is one declaration; each `Omit` leaves out another field.
    expect(types.size).toBe(1 + 1 + 50);
    expect(types.has("PartialOfBig2")).toBe(false);
    expect(types.get("OmitOfBigAndF49")).toMatchObject({ properties: expect.arrayContaining([expect.objectContaining({ name: "o49", type: expect.objectContaining({ target: "OmitOfBigAndF49" }) })]) });
  });

  it("report an operator whose result is needed to compute itself, and a property typed as itself", () => {
    const { diagnostics } = modelFrom({ "a.ts": "export type X = Partial<X>;\nexport interface W { a: W[\"a\"] }\n" });
    expect(located(diagnostics)).toEqual(["input/a.ts:1:17 SG004 unsupported-construct", "input/a.ts:2:25 SG016 circular-alias"]);
    expect(diagnostics[0]!.message).toBe("this type operator needs its own result, which never ends");
  });
});
