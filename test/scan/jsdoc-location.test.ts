import { describe, expect, it } from "vitest";
import { leadingJsDoc, parseJsDoc } from "../../src/scan/jsdoc.js";
import { locationAt } from "../../src/scan/location.js";
import { ts, type TS } from "../../src/scan/typescript.js";

const parse = (text: string) => ts.createSourceFile("a.ts", text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);

describe("parseJsDoc", () => {
  it("reads a one-line comment as its multi-line form", () => {
    for (const [oneLine, multiLine] of [
      ["/** Null when the value was cleared. */", "/**\n * Null when the value was cleared.\n */"],
      ["/** * starred */", "/**\n * starred\n */"],
      ["/**   spaced out   */", "/**\n *   spaced out\n */"],
      ["/***/", "/**\n */"],
    ] as const) {
      expect(parseJsDoc(oneLine, 0)).toEqual(parseJsDoc(multiLine, 0));
    }
  });

  it("finds every tag on one line, with their offsets", () => {
    expect(parseJsDoc("/** @experimental thread/start.x */", 10).tags).toEqual([{ name: "experimental", text: "thread/start.x", offset: 14 }]);
    expect(parseJsDoc("/** @minimum 1 @maximum 100 @default 20 */", 0).tags).toEqual([
      { name: "minimum", text: "1", offset: 4 },
      { name: "maximum", text: "100", offset: 15 },
      { name: "default", text: "20", offset: 28 },
    ]);
  });
});

describe("leadingJsDoc", () => {
  it("finds the comment after any whitespace, including non-ASCII spaces, and nothing when there is none", () => {
    for (const gap of ["\t\r\n  ", "\u00A0", "\u2003\n", " // line\n "]) {
      const text = `export interface A {${gap}/** doc */ x: string; y: number }`;
      const [x, y] = (parse(text).statements[0] as TS.InterfaceDeclaration).members;
      expect(leadingJsDoc(text, x!).description).toBe("doc");
      expect(leadingJsDoc(text, y!).description).toBe("");
    }
  });
});

describe("locationAt", () => {
  it("agrees with the compiler's line map at every offset", () => {
    const text = "export interface A {\n  x: string;\r\n\n  /** doc */ y?: number;\n}";
    const sourceFile = parse(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
      expect(locationAt(sourceFile, "a.ts", offset)).toEqual({ file: "a.ts", line: line + 1, column: character + 1 });
    }
  });
});
