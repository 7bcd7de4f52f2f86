import { describe, expect, it } from "vitest";
import { analyzeInput } from "../../src/pipeline.js";
import { scanProject } from "../../src/scan/index.js";
import { inputSetOf } from "../support/in-memory.js";

/** One file as `--input file.ts` reads it: its exports are the roots (`keepReachable`). */
function analyzeEntry(text: string) {
  const input = { ...inputSetOf([{ path: "schema.ts", text }]), entry: "input/schema.ts" };
  return analyzeInput(input, scanProject);
}

/** The type a declared alias or interface stands for (enums have members, not a type). */
function typeOf(model: ReturnType<typeof analyzeEntry>["model"], id: string) {
  const declaration = model.declarations.find((candidate) => candidate.id === id);
  return declaration && "type" in declaration ? declaration.type : undefined;
}

const messages = (text: string) => analyzeEntry(text).diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`);

describe("evaluation leaves later stages only plain types", () => {
  it("an alias of an optional field's type is the field's type (single-file input)", () => {
    const { model, diagnostics } = analyzeEntry("export interface T { count?: number }\nexport type C = T['count'];\n");
    expect(diagnostics).toEqual([]);
    expect(model.declarations.find((declaration) => declaration.id === "C")).toMatchObject({ type: { kind: "primitive", name: "number" } });
  });

  it("`undefined` alone is a located diagnostic, not an internal error, before the roots are followed", () => {
    expect(messages('export type U = Extract<"a" | undefined, undefined>;\nexport interface H { u: U }\n')).toEqual([
      expect.stringMatching(/^SG004 `undefined` has no JSON value here/),
    ]);
  });

  it("`unknown & X` is X, also when a property declared `unknown` is narrowed by an intersection", () => {
    const { model, diagnostics } = analyzeEntry(
      [
        "export interface Failure { code: number; data?: unknown }",
        "export type Detailed = Failure & { data: { reasons: string[]; [key: string]: unknown } };",
        "export type Plain = unknown & { id: string };",
        "export type Name = string & unknown;",
      ].join("\n"),
    );
    expect(diagnostics).toEqual([]);
    const type = (id: string) => model.declarations.find((declaration) => declaration.id === id);
    expect(type("Detailed")).toMatchObject({
      type: { kind: "object", properties: [{ name: "code" }, { name: "data", optional: false, type: { kind: "object", properties: [{ name: "reasons" }] } }] },
    });
    expect(type("Plain")).toMatchObject({ type: { kind: "object", properties: [{ name: "id" }] } });
    expect(type("Name")).toMatchObject({ type: { kind: "primitive", name: "string" } });
  });

  it("an empty union (never) in a stable position passes validation", () => {
    expect(messages('export type N = Extract<string, "a">;\nexport interface H { n?: N; m?: Exclude<"a", "a"> }\n')).toEqual([]);
  });

  it("an index signature constrains an intersection's properties, but `T[K]` and `Pick` read the declared types, as TypeScript does", () => {
    const { model, diagnostics } = analyzeEntry(
      [
        "export interface Base { kind?: 1 | 2; count: string }",
        'export type Both = Base & { [key: string]: "a" };',
        'export type Picked = Pick<Both, "kind" | "count">;',
        'export type Kind = Both["kind"];',
        'export type Keys = keyof Omit<Record<string, number>, "zz">;',
      ].join("\n"),
    );
    expect(diagnostics).toEqual([]);
    const type = (id: string) => typeOf(model, id);
    expect(type("Both")).toMatchObject({ kind: "object", properties: [{ name: "kind", type: { kind: "union", members: [] } }, { name: "count", type: { kind: "union", members: [] } }] });
    expect(type("Picked")).toMatchObject({ kind: "object", properties: [{ name: "kind", optional: true, type: { kind: "union" } }, { name: "count", type: { kind: "primitive", name: "string" } }] });
    expect(type("Kind")).toMatchObject({ kind: "union", members: [{ type: { kind: "literal", value: 1 } }, { type: { kind: "literal", value: 2 } }] });
    expect(type("Keys")).toMatchObject({ kind: "primitive", name: "string" });
  });

  it("`Pick` of a name that only an index signature gives is that signature's type, required", () => {
    const { model, diagnostics } = analyzeEntry(
      [
        "export interface Base { id?: { x: string }; name: string }",
        'export type FromIndex = Pick<Omit<Base & { [key: string]: number }, "zz">, "id">;',
        'export type FromMap = Pick<{ [key: string]: number }, "a">;',
      ].join("\n"),
    );
    expect(diagnostics).toEqual([]);
    const type = (id: string) => typeOf(model, id);
    for (const [id, name] of [["FromIndex", "id"], ["FromMap", "a"]] as const) {
      expect(type(id)).toMatchObject({ kind: "object", properties: [{ name, optional: false, type: { kind: "primitive", name: "number" } }] });
    }
  });
});
