import { describe, expect, it } from "vitest";
import type { Declaration, TypeNode } from "../../src/model/types.js";
import { located, modelFrom } from "../support/memory.js";

/**
 * A generic instance that refers to itself becomes a declaration of its own,
 * named after the generic and its arguments, and its uses references to it;
 * a generic that is not recursive is still inlined where it is used.
 */

const TREE = "/** A tree. */\nexport interface Tree<T> {\n  value: T;\n  children: Tree<T>[];\n}\n";

function cleanModel(files: Record<string, string>): ReadonlyMap<string, Declaration> {
  const { model, diagnostics } = modelFrom(files);
  expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([]);
  return new Map(model.declarations.map((declaration) => [declaration.id, declaration]));
}

function typeOf(declarations: ReadonlyMap<string, Declaration>, id: string): TypeNode {
  const found = declarations.get(id);
  if (!found || found.kind !== "alias") throw new Error(`no alias ${id}`);
  return found.type;
}

describe("recursive generic instances", () => {
  it("become one declaration per argument list, with the generic's docs and location, referred to where used", () => {
    const declarations = cleanModel({
      "tree.ts": TREE,
      "use.ts": 'import type { Tree } from "./tree.js";\nexport interface Use {\n  a: Tree<string>;\n  b: Tree<string>;\n  c: Tree<number | null>;\n}\n',
    });
    expect([...declarations.keys()].sort()).toEqual(["TreeOfNumberOrNull", "TreeOfString", "Use"]);
    const tree = declarations.get("TreeOfString")!;
    expect(tree).toMatchObject({ name: "TreeOfString", namespace: [], docs: { description: "A tree." }, location: { file: "input/tree.ts", line: 2, column: 18 } });
    expect(typeOf(declarations, "TreeOfString")).toMatchObject({
      kind: "object",
      properties: [{ name: "value", type: { kind: "primitive", name: "string" } }, { name: "children", type: { kind: "array", element: { kind: "ref", target: "TreeOfString" } } }],
    });
    // Each use is a reference located where it is written.
    expect(typeOf(declarations, "Use")).toMatchObject({
      kind: "object",
      properties: [
        { name: "a", type: { kind: "ref", target: "TreeOfString", location: { file: "input/use.ts", line: 3, column: 6 } } },
        { name: "b", type: { kind: "ref", target: "TreeOfString", location: { file: "input/use.ts", line: 4, column: 6 } } },
        { name: "c", type: { kind: "ref", target: "TreeOfNumberOrNull" } },
      ],
    });
  });

  it("take a name no declaration of their namespace has, in a file scanned later or spelled in another case", () => {
    const declarations = cleanModel({
      "a.ts": `${TREE}export type Use = [Tree<string>, Tree<boolean>];\n`,
      "z.ts": "export interface TreeOfString { taken: true }\nexport interface treeofboolean { taken: true }\n",
    });
    expect(typeOf(declarations, "Use")).toMatchObject({ elements: [{ target: "TreeOfString2" }, { target: "TreeOfBoolean2" }] });
    expect(typeOf(declarations, "TreeOfString")).toMatchObject({ properties: [{ name: "taken" }] });
    expect(typeOf(declarations, "TreeOfString2")).toMatchObject({ properties: [{ name: "value" }, { type: { element: { target: "TreeOfString2" } } }] });
  });

  it("live in the generic's namespace, named by the shapes of their arguments", () => {
    const declarations = cleanModel({
      "v2/tree.ts": TREE,
      "v2/thread.ts": "export interface Thread { id: string }\n",
      "use.ts": [
        'import type { Tree } from "./v2/tree.js";',
        'import type { Thread } from "./v2/thread.js";',
        'export type Use = [Tree<Thread[]>, Tree<"in-progress" | -1>, Tree<{ a: string }>, Tree<Record<string, boolean>>];',
      ].join("\n"),
    });
    expect([...declarations.keys()].filter((id) => id.startsWith("v2.TreeOf")).sort()).toEqual([
      "v2.TreeOfBooleanRecord",
      "v2.TreeOfInProgressOrMinus1",
      "v2.TreeOfObject",
      "v2.TreeOfThreadArray",
    ]);
  });

  it("name the instance that closes a mutual recursion, and inline the generics between", () => {
    const declarations = cleanModel({ "a.ts": "export type A<T> = { b?: B<T> };\nexport type B<T> = { a: A<T> | null };\nexport type Use = B<string>;\n" });
    expect([...declarations.keys()].sort()).toEqual(["BOfString", "Use"]);
    expect(typeOf(declarations, "BOfString")).toMatchObject({
      properties: [{ name: "a", type: { kind: "union", members: [{ type: { kind: "object", properties: [{ name: "b", type: { target: "BOfString" } }] } }, {}] } }],
    });
  });

  it("recur through an operator that needs the instance being declared, which becomes a declaration too", () => {
    const declarations = cleanModel({ "a.ts": "export interface Node<T> { value: T; patch?: Partial<Node<T>> }\nexport type Use = Node<string>;\n" });
    expect(typeOf(declarations, "NodeOfString")).toMatchObject({ properties: [{ name: "value" }, { name: "patch", type: { kind: "ref", target: "PartialOfNodeOfString" } }] });
    expect(typeOf(declarations, "PartialOfNodeOfString")).toMatchObject({
      properties: [{ name: "value", optional: true }, { name: "patch", optional: true, type: { kind: "ref", target: "PartialOfNodeOfString" } }],
    });
  });

  it("leave a generic that does not refer to itself inlined", () => {
    const declarations = cleanModel({ "a.ts": `${TREE}export interface Page<T> { items: T[] }\nexport type Use = Page<Tree<string>>;\n` });
    expect(typeOf(declarations, "Use")).toMatchObject({ kind: "object", properties: [{ name: "items", type: { element: { kind: "ref", target: "TreeOfString" } } }] });
  });
});

describe("recursive generics that stay diagnostics", () => {
  it("reports a generic whose recursion changes its arguments, which no finite schema describes", () => {
    const { diagnostics } = modelFrom({ "a.ts": "export type Nest<T> = { inner?: Nest<T[]> };\nexport type Use = Nest<string>;\n" });
    expect(located(diagnostics)).toEqual(["input/a.ts:1:33 SG004 unsupported-construct"]);
    expect(diagnostics[0]!.message).toContain('generic "Nest" refers to itself with other type arguments at every level');
  });

  it("reports generics that only name each other as circular aliases, as TypeScript does (TS2456)", () => {
    const { diagnostics } = modelFrom({ "a.ts": "export type A<T> = B<T> | T;\nexport type B<T> = A<T> | null;\nexport type Use = A<string>;\n" });
    expect(located(diagnostics)).toEqual(["input/a.ts:2:20 SG016 circular-alias"]);
  });

  it("refuses a recursive instance as a registry's params, as it refuses every generic instance", () => {
    const { diagnostics } = modelFrom({
      "r.ts": [
        `import type { Request } from "schemagate/markers";`,
        TREE,
        "export interface Ok { ok: boolean }",
        "/** @methods clientRequest */",
        'export interface ClientRequests { "tree/put": Request<Tree<string>, Ok> }',
      ].join("\n"),
    });
    expect(located(diagnostics)).toEqual(["input/r.ts:10:55 SG007 malformed-registry"]);
  });
});
