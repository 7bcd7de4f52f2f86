/**
 * The generated TypeScript as a client sees it, compiled with the TypeScript
 * API in strict mode: experimental surface is a type error against the stable
 * types and fine against the experimental ones. The fixtures live in
 * examples/client/type-tests/ and must compile clean; each `@ts-expect-error`
 * there is proven load-bearing by compiling the file without it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./support/paths.js";

const TYPE_TESTS = path.join(REPO_ROOT, "examples", "client", "type-tests");

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  verbatimModuleSyntax: true,
  types: [],
};

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly code: number;
  readonly message: string;
}

/** Type checks `roots`; `overrides` replaces (or adds) file contents by absolute path, without touching the disk. */
function typecheck(roots: readonly string[], overrides: ReadonlyMap<string, string> = new Map()): Finding[] {
  const host = ts.createCompilerHost(OPTIONS);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => overrides.has(file) || fileExists.call(host, file);
  host.readFile = (file) => overrides.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError) => {
    const text = overrides.get(file);
    return text === undefined ? getSourceFile.call(host, file, language, onError) : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram(roots, OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ({
    file: diagnostic.file ? path.relative(REPO_ROOT, diagnostic.file.fileName) : "",
    line: diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0,
    code: diagnostic.code,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
  }));
}

const STABLE_FIXTURE = path.join(TYPE_TESTS, "stable.ts");
const EXPERIMENTAL_FIXTURE = path.join(TYPE_TESTS, "experimental.ts");
const DIRECTIVE = /^\s*\/\/ @ts-expect-error\b/;

/** Virtual files next to the fixtures, so their relative imports resolve like the fixtures' own. */
const virtual = (name: string) => path.join(TYPE_TESTS, `${name}.virtual.ts`);
const STABLE_PERSIST = virtual("stable-persist");
const EXPERIMENTAL_PERSIST = virtual("experimental-persist");
const STABLE_WITHOUT_DIRECTIVES = virtual("stable-without-directives");

const stableLines = readFileSync(STABLE_FIXTURE, "utf8").split("\n");
const directiveLines = stableLines.flatMap((line, index) => (DIRECTIVE.test(line) ? [index + 1] : []));

const OVERRIDES = new Map([
  [
    STABLE_PERSIST,
    'import type { v2 } from "../../../generated/typescript/index.js";\n' +
      "export const params: v2.ThreadStartParams = { cwd: null, persistExtendedHistory: true };\n",
  ],
  [
    EXPERIMENTAL_PERSIST,
    'import type { v2 } from "../../../generated/experimental/typescript/index.js";\n' +
      "export const params: v2.ThreadStartParams = { cwd: null, persistExtendedHistory: true };\n",
  ],
  // The stable fixture with its directives blanked (line numbers kept).
  [STABLE_WITHOUT_DIRECTIVES, stableLines.map((line) => (DIRECTIVE.test(line) ? "" : line)).join("\n")],
]);

describe("generated TypeScript from a client's point of view", () => {
  // One program for every case: type checking the generated tree once is most of the cost.
  let findings: Finding[] = [];
  const findingsIn = (file: string) => findings.filter((finding) => finding.file === path.relative(REPO_ROOT, file));
  beforeAll(() => {
    findings = typecheck([STABLE_FIXTURE, EXPERIMENTAL_FIXTURE, ...OVERRIDES.keys()], OVERRIDES);
  });

  it("compiles the stable and experimental type-test fixtures clean in strict mode", () => {
    expect(findingsIn(STABLE_FIXTURE)).toEqual([]);
    expect(findingsIn(EXPERIMENTAL_FIXTURE)).toEqual([]);
    // Nothing anywhere else either (the generated files themselves included).
    const elsewhere = new Set([STABLE_PERSIST, STABLE_WITHOUT_DIRECTIVES].map((file) => path.relative(REPO_ROOT, file)));
    expect(findings.filter((finding) => !elsewhere.has(finding.file))).toEqual([]);
  });

  it("rejects persistExtendedHistory on the stable v2.ThreadStartParams", () => {
    const found = findingsIn(STABLE_PERSIST);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 2, code: 2353, message: expect.stringContaining("persistExtendedHistory") });
  });

  it("accepts persistExtendedHistory on the experimental v2.ThreadStartParams", () => {
    expect(findingsIn(EXPERIMENTAL_PERSIST)).toEqual([]);
  });

  it("has a real error under every @ts-expect-error of the stable fixture", () => {
    expect(directiveLines.length).toBeGreaterThanOrEqual(4);
    const lines = findingsIn(STABLE_WITHOUT_DIRECTIVES).map((finding) => finding.line);
    expect(lines.sort((a, b) => a - b)).toEqual(directiveLines.map((line) => line + 1));
  });
});
