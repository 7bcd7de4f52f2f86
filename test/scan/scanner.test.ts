import { describe, expect, it } from "vitest";
import type { Declaration, TypeNode } from "../../src/model/types.js";
import { located, modelFrom } from "../support/memory.js";

function declaration(files: Record<string, string>, id: string): Declaration {
  const { model, diagnostics } = modelFrom(files);
  expect(diagnostics).toEqual([]);
  const found = model.declarations.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no declaration ${id}`);
  return found;
}

function typeOf(files: Record<string, string>, id: string): TypeNode {
  const found = declaration(files, id);
  if (found.kind !== "alias") throw new Error(`${id} is an enum`);
  return found.type;
}

describe("scanner", () => {
  it("reads @experimental from a JSDoc on the same line as the previous member", () => {
    const type = typeOf({ "a.ts": `export interface A { x: string; /** @experimental */ y?: boolean }` }, "A");
    expect(type.kind === "object" && type.properties.map((p) => [p.name, p.experimental?.reason])).toEqual([
      ["x", undefined],
      ["y", "A.y"],
    ]);
  });

  it("treats the decorator and JSDoc forms the same", () => {
    const files = {
      "a.ts": `
        export class A { @experimental("a/b.c") c?: string; d!: number }
        export interface B { /** @experimental a/b.c */ c?: string; d: number }`,
    };
    const a = typeOf(files, "A");
    const b = typeOf(files, "B");
    const strip = (type: TypeNode) =>
      type.kind === "object" ? type.properties.map((p) => [p.name, p.optional, p.experimental?.reason, p.type]) : type;
    expect(strip(a)).toEqual(strip(b));
  });

  it("expands generic instances with their arguments and default type parameters", () => {
    const type = typeOf(
      {
        "page.ts": `export interface Page<T, C = string> { data: T[]; cursor: C | null }`,
        "list.ts": `import type { Page } from "./page.js";\nexport type Numbers = Page<number>;`,
      },
      "Numbers",
    );
    expect(type).toMatchObject({
      kind: "object",
      properties: [
        { name: "data", type: { kind: "array", element: { kind: "primitive", name: "number" } } },
        { name: "cursor", type: { kind: "union", members: [{ type: { name: "string" } }, { type: { name: "null" } }] } },
      ],
    });
  });

  it("resolves imports through `export *` index files and gives folders their namespace", () => {
    const type = typeOf(
      {
        "v2/thread.ts": `export interface Thread { id: string }`,
        "v2/index.ts": `export * from "./thread.js";`,
        "root.ts": `import type { Thread } from "./v2/index.js";\nexport interface Holder { thread: Thread }`,
      },
      "Holder",
    );
    expect(type).toMatchObject({ kind: "object", properties: [{ type: { kind: "ref", target: "v2.Thread" } }] });
  });

  it("numbers enum members after the last explicit value and resolves Kind.Member references", () => {
    const files = { "e.ts": `export enum Level { Low = 2, Mid, High }\nexport type Top = Level.High;` };
    const level = declaration(files, "Level");
    expect(level.kind === "enum" && level.members.map((member) => member.value)).toEqual([2, 3, 4]);
    expect(typeOf(files, "Top")).toEqual({ kind: "literal", value: 4, numericEnum: "Level" });
  });

  it("computes enum members from constants of the file, as TypeScript does", () => {
    const files = {
      "e.ts": [
        `const BASE = 100;`,
        `const STEP = BASE / 50 as const;`,
        `export enum Code { First = BASE + 1, Second = First + STEP, Flag = 1 << 4 }`,
        `export namespace Inner { export enum Path { Start = PREFIX + "start" } }`,
        `const PREFIX = "thread/";`,
      ].join("\n"),
    };
    const code = declaration(files, "Code");
    expect(code.kind === "enum" && code.members.map((member) => member.value)).toEqual([101, 103, 16]);
    const path = declaration(files, "Inner.Path");
    expect(path.kind === "enum" && path.members.map((member) => member.value)).toEqual(["thread/start"]);
    const bad = { "b.ts": `let mutable = 1;\nconst LOOP: number = LOOP;\nexport enum Bad { Changing = mutable, Looping = LOOP }` };
    expect(located(modelFrom(bad).diagnostics)).toEqual(["input/b.ts:3:19 SG004 unsupported-construct", "input/b.ts:3:39 SG004 unsupported-construct"]);
  });

  it("turns `| undefined` into an optional property", () => {
    const type = typeOf({ "a.ts": `export interface A { x: string | undefined }` }, "A");
    expect(type).toMatchObject({ kind: "object", properties: [{ name: "x", optional: true, type: { name: "string" } }] });
  });

  it("reports unsupported constructs at their location instead of guessing", () => {
    const { diagnostics } = modelFrom({
      "a.ts": [
        "export type A = bigint;",
        "export interface B { f(): void; [k: symbol]: string }",
        "export type C = symbol;",
      ].join("\n"),
    });
    expect(located(diagnostics)).toEqual([
      "input/a.ts:1:17 SG004 unsupported-construct",
      "input/a.ts:2:22 SG004 unsupported-construct",
      "input/a.ts:2:33 SG004 unsupported-construct",
      "input/a.ts:3:17 SG004 unsupported-construct",
    ]);
  });

  it("reports every unresolved name and import in one run", () => {
    const { diagnostics } = modelFrom({
      "a.ts": `import type { X } from "./missing.js";\nimport type { Y } from "some-package";\nexport interface A { x: X; y: Y; z: Z }`,
    });
    expect(located(diagnostics)).toEqual([
      "input/a.ts:1:24 SG002 unresolved-import",
      "input/a.ts:2:15 SG003 unresolved-reference",
      "input/a.ts:3:37 SG003 unresolved-reference",
    ]);
  });

  it("rejects registry entries that are not Request<P, R> or that inline their params", () => {
    const { diagnostics, model } = modelFrom({
      "r.ts": [
        "export interface P { a: string }",
        "/** @methods clientRequest */",
        "export interface R {",
        '  "ok": Request<P, P>;',
        '  "bad": Notification<P>;',
        '  "inline": Request<{ a: string }, P>;',
        "}",
      ].join("\n"),
    });
    expect(model.methods.map((method) => method.name)).toEqual(["ok"]);
    expect(located(diagnostics)).toEqual([
      "input/r.ts:5:10 SG007 malformed-registry",
      "input/r.ts:6:21 SG007 malformed-registry",
    ]);
  });

  it("reports marker arguments it does not understand", () => {
    const { diagnostics } = modelFrom({
      "r.ts": `/** @methods sideways */\nexport interface R {}\nexport interface A { /** @experimental two words */ a?: string }`,
    });
    expect(located(diagnostics)).toEqual(["input/r.ts:1:5 SG008 malformed-marker", "input/r.ts:3:26 SG008 malformed-marker"]);
  });

  it("does not crash on syntax errors and reports them with a location", () => {
    const { diagnostics } = modelFrom({ "a.ts": `export interface A {\n  x: string\n  y: = 1;\n}` });
    expect(diagnostics.find((diagnostic) => diagnostic.code === "SG001")).toMatchObject({
      location: { file: "input/a.ts", line: 3 },
    });
  });
});
