import { describe, expect, it } from "vitest";
import type { SourceText } from "../../src/input/sources.js";
import { analyzeInput } from "../../src/pipeline.js";
import { scanProject } from "../../src/scan/index.js";
import { ModuleTable } from "../../src/scan/modules.js";
import { isSite, type FileScope } from "../../src/scan/scope.js";
import { ts } from "../../src/scan/typescript.js";
import { inputSetOf, type MemoryFile } from "../support/in-memory.js";
import { located } from "../support/memory.js";

/**
 * Files are converted in input order and released as they finish; a file
 * another one imports from is parsed early. Whichever way imports point, the
 * result must be what one pass over every held syntax tree gave.
 */
const FILES: MemoryFile[] = [
  {
    path: "a.ts",
    text: [
      `import type { Later, Page } from "./index.js";`,
      `import { Kind } from "./c.js";`,
      `export interface UsesLater { later: Later; page: Page<Later>; /** @experimental */ kind?: Kind.Fancy }`,
      `export enum Mode { On = "on", /** @experimental */ Off = "off" }`,
    ].join("\n"),
  },
  { path: "index.ts", text: `export * from "./c.js";\nexport { Page } from "./generic.js";` },
  {
    path: "b.ts",
    text: [
      `import type { UsesLater, Mode } from "./a.js";`,
      `import { Mode as M } from "./a.js";`,
      `import type { Page } from "./generic.js";`,
      `export interface UsesEarlier { earlier: UsesLater; mode: Mode; /** @experimental */ off?: M.Off; page: Page<Mode> }`,
    ].join("\n"),
  },
  { path: "c.ts", text: `export interface Later { n: number }\nexport enum Kind { Plain = 1, /** @experimental */ Fancy = 2 }` },
  { path: "generic.ts", text: `export interface Page<T> { items: T[]; next: string | null }` },
];

const modelOf = (files: readonly MemoryFile[]) => analyzeInput(inputSetOf(files, { keepOrder: true }), scanProject);

describe("scanning file by file", () => {
  it("gives the same model whichever order the files come in", () => {
    const forward = modelOf(FILES);
    expect(forward.diagnostics).toEqual([]);
    expect(modelOf([...FILES].reverse())).toEqual(forward);
    expect(modelOf([FILES[2]!, FILES[0]!, FILES[4]!, FILES[3]!, FILES[1]!])).toEqual(forward);
  });

  it("resolves names into files released before and files not yet parsed", () => {
    const { model } = modelOf(FILES);
    const type = (id: string) => model.declarations.find((declaration) => declaration.id === id);
    expect(type("UsesLater")).toMatchObject({
      type: {
        kind: "object",
        properties: [
          { name: "later", type: { kind: "ref", target: "Later" } },
          { name: "page", type: { kind: "object", properties: [{ name: "items", type: { kind: "array", element: { kind: "ref", target: "Later" } } }, { name: "next" }] } },
          { name: "kind", type: { kind: "union", members: [{ type: { kind: "literal", value: 2 }, experimental: { reason: "Kind.2" } }] } },
        ],
      },
    });
    // b.ts comes after a.ts, so a.ts (an enum, no generics) was released when b.ts named `M.Off`.
    expect(type("UsesEarlier")).toMatchObject({
      type: {
        kind: "object",
        properties: [
          { name: "earlier", type: { kind: "ref", target: "UsesLater" } },
          { name: "mode", type: { kind: "ref", target: "Mode" } },
          { name: "off", type: { kind: "union", members: [{ type: { kind: "literal", value: "off" }, experimental: { reason: "Mode.off" } }] } },
          { name: "page", type: { kind: "object" } },
        ],
      },
    });
  });

  it("keeps the first declaration of a name in input order, even when a later file was parsed first", () => {
    const files: MemoryFile[] = [
      { path: "a.ts", text: `import type { X } from "./c.js";\nexport interface UsesX { x: X }` },
      { path: "b.ts", text: `export interface Dup { from: "b" }` },
      { path: "c.ts", text: `export interface X { n: number }\nexport interface Dup { from: "c" }` },
    ];
    const { model, diagnostics } = modelOf(files);
    expect(located(diagnostics)).toEqual(["input/c.ts:2:18 SG005 duplicate-name"]);
    expect(diagnostics[0]!.message).toContain("at input/b.ts:1");
    expect(model.declarations.find((declaration) => declaration.id === "Dup")?.location.file).toBe("input/b.ts");
  });
});

describe("bundled declaration files", () => {
  // What declaration bundlers publish: a chunk declaring its types without `export`, exported
  // under short names at its end, and an entry file giving them their names back.
  const files: MemoryFile[] = [
    {
      path: "chunk-x1.d.ts",
      text: [
        `type Part = TextPart | DataPart;`,
        `interface TextPart { kind: "text"; text: string }`,
        `interface DataPart { kind: "data"; data: { [k: string]: unknown } }`,
        `declare const VERSION = "0.3.0";`,
        `interface Message { parts: Part[]; version: typeof VERSION }`,
        `export { type Message as M, type Part as a, VERSION as b, type TextPart as c };`,
      ].join("\n"),
    },
    {
      path: "index.d.ts",
      text: [
        `import { M as Message, b as V } from "./chunk-x1.js";`,
        `export { a as Part, c as TextPart } from "./chunk-x1.js";`,
        `interface Envelope { message: Message; version: typeof V }`,
        `export { type Envelope, Message };`,
      ].join("\n"),
    },
  ];

  it("follows `export { A as B }` lists to the declarations and constants they name", () => {
    const input = { ...inputSetOf(files), entry: `input/index.d.ts` };
    const scanned = scanProject(input);
    expect(scanned.diagnostics).toEqual([]);
    expect([...scanned.entryIds!].sort()).toEqual(["Envelope", "Message", "Part", "TextPart"]);
    const { model, diagnostics } = analyzeInput(input, scanProject);
    expect(diagnostics).toEqual([]);
    const envelope = model.declarations.find((declaration) => declaration.id === "Envelope");
    expect(envelope).toMatchObject({
      type: {
        kind: "object",
        properties: [
          { name: "message", type: { kind: "ref", target: "Message" } },
          { name: "version", type: { kind: "literal", value: "0.3.0" } },
        ],
      },
    });
  });
});

describe("ModuleTable", () => {
  const sources: SourceText[] = [
    { path: "in/plain.ts", text: `export interface A { x: string }\nexport enum E { One = "one", /** @experimental */ Two = "two" }`, namespace: [] },
    { path: "in/generic.ts", text: `export interface Page<T> { items: T[] }`, namespace: [] },
  ];
  const table = () => {
    const opened: string[] = [];
    const modules = new ModuleTable(sources, (source) => {
      opened.push(source.path);
      const sourceFile = ts.createSourceFile(source.path, source.text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
      const scope: FileScope = { source, sourceFile, declarations: new Map(), imports: new Map(), starExports: [], namedExports: new Map(), localExports: new Map(), imported: new Map(), constants: new Map(), namespaces: new Map() };
      for (const statement of sourceFile.statements) {
        if (ts.isInterfaceDeclaration(statement) || ts.isEnumDeclaration(statement)) {
          const name = statement.name.text;
          scope.declarations.set(name, { name, id: name, namespace: [], node: statement, scope });
        }
      }
      return scope;
    });
    return { modules, opened };
  };

  it("parses a file once, on first use", () => {
    const { modules, opened } = table();
    expect(modules.resolvePath("in/other.ts", "./plain.js")).toBe("in/plain.ts");
    expect(opened).toEqual([]);
    expect(modules.resolvePath("in/other.ts", "./plain")).toBe("in/plain.ts");
    expect(modules.resolvePath("in/other.ts", "./missing.js")).toBeUndefined();
    const scope = modules.scope("in/plain.ts");
    expect(modules.open("in/plain.ts")).toBe(scope);
    expect(modules.scope("in/plain.ts")).toBe(scope);
    expect(opened).toEqual(["in/plain.ts"]);
  });

  it("releases a converted file's syntax tree, keeping names, ids and enum members", () => {
    const { modules } = table();
    modules.release(modules.open("in/plain.ts"));
    const released = modules.scope("in/plain.ts");
    expect("sourceFile" in released).toBe(false);
    expect([...released.declarations.values()].some(isSite)).toBe(false);
    expect(released.declarations.get("A")).toEqual({ name: "A", id: "A" });
    expect(released.declarations.get("E")).toMatchObject({
      name: "E",
      enumMembers: [{ name: "One", value: "one" }, { name: "Two", value: "two", experimental: { reason: "" } }],
    });
    expect(() => modules.open("in/plain.ts")).toThrow(/after its release/);
  });

  it("keeps the syntax tree of a file that declares generics: they are expanded where used", () => {
    const { modules } = table();
    const scope = modules.open("in/generic.ts");
    modules.release(scope);
    expect(modules.open("in/generic.ts")).toBe(scope);
  });
});
