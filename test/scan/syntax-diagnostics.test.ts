import { describe, expect, it } from "vitest";
import { programSyntaxDiagnostics, syntaxDiagnostics } from "../../src/scan/syntax-diagnostics.js";
import { ts, type TS } from "../../src/scan/typescript.js";

const parse = (name: string, text: string) =>
  ts.createSourceFile(name, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, ts.ScriptKind.TS);

const summary = (diagnostics: readonly TS.Diagnostic[]) =>
  diagnostics.map((diagnostic) => `${diagnostic.file?.fileName}:${diagnostic.start} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);

describe("syntaxDiagnostics", () => {
  const files = [
    parse("a.ts", "export interface A { x: string }\n"),
    parse("b.ts", "export interface B { x: }\nexport type C = ;\n"),
    parse("c.ts", "export enum E { A = 1,, }\n"),
  ];

  it("reads the diagnostics the parser attached, the same a program reports", () => {
    const attached = summary(syntaxDiagnostics(files));
    expect(attached.length).toBeGreaterThanOrEqual(3);
    expect(attached).toEqual(summary(programSyntaxDiagnostics(files)));
  });
});
