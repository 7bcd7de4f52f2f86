import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { createTimings } from "../../src/timings.js";
import { bundleOf, loadGoldenArtifacts, type Artifacts } from "../support/artifacts.js";
import { caseConfig, FIXTURES } from "../support/golden.js";
import { definitionPointer, strictAjv } from "../support/json-schema.js";
import { definitionOf, layoutOf } from "../support/layout.js";
import { checkVirtualProgram, formatProgramDiagnostic } from "../support/virtual-program.js";

/**
 * Protocol definitions written elsewhere, kept as golden cases with their
 * licence (fixtures/real-*): each generates with no diagnostic at all, and the
 * example messages its project publishes (fixtures/<case>/examples/*.json, each
 * naming its source) validate against the emitted stable JSON Schema in strict
 * Ajv, and TypeScript's checker, given the same values as literals of the
 * declared types in the original file, agrees. A check may expect a rejection,
 * with the reason.
 */

interface Check {
  /** Declaration id the value must belong to. */
  readonly type: string;
  /** JSON Pointer into the message; the whole message when absent. */
  readonly at?: string;
  readonly expect?: "accepted" | "rejected";
  readonly why?: string;
  /** For a rejection: an error Ajv must report, so the value is rejected for the reason given. */
  readonly error?: string;
  /** What TypeScript's checker says of the value as this type, when it differs from `expect` (a JSDoc `@format` is no type). */
  readonly checker?: "accepted" | "rejected";
}

interface Example {
  readonly source: string;
  readonly checks: readonly Check[];
  readonly message: unknown;
}

const CASES = (await readdir(FIXTURES)).filter((name) => name.startsWith("real-")).sort();
const artifacts = new Map((await loadGoldenArtifacts()).map((subject) => [subject.name, subject]));

async function readExamples(name: string): Promise<[string, Example][]> {
  const folder = path.join(FIXTURES, name, "examples");
  const files = (await readdir(folder)).filter((file) => file.endsWith(".json")).sort();
  return Promise.all(files.map(async (file) => [file, JSON.parse(await readFile(path.join(folder, file), "utf8")) as Example] as [string, Example]));
}

function valueAt(message: unknown, pointer = ""): unknown {
  let value = message;
  for (const token of pointer.split("/").slice(1)) {
    const key = token.replaceAll("~1", "/").replaceAll("~0", "~");
    if (value === null || typeof value !== "object" || !(key in value)) throw new Error(`${pointer} is not in the message`);
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function stableValidator(subject: Artifacts) {
  const bundle = bundleOf(subject, "stable");
  const layout = layoutOf(subject.audiences.stable);
  const ajv = strictAjv();
  ajv.addSchema(bundle, "bundle");
  return (type: string, value: unknown): string[] => {
    const definition = definitionOf(bundle, layout, type);
    if (!definition) return [`${type} has no definition`];
    const validate = ajv.getSchema(`bundle${definitionPointer(definition.path)}`)!;
    return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`);
  };
}

describe("real protocol definitions (fixtures/real-*)", () => {
  it("has two: one written by hand, one generated and published in a package", () => {
    expect(CASES).toEqual(["real-acp-types", "real-mcp-schema"]);
  });

  for (const name of CASES) {
    describe(name, async () => {
      const examples = await readExamples(name);
      const subject = artifacts.get(`fixtures/${name}`);

      it("keeps its licence and names its origin", () => {
        expect(existsSync(path.join(FIXTURES, name, "LICENSE"))).toBe(true);
        expect(existsSync(path.join(FIXTURES, name, "README.md"))).toBe(true);
      });

      it("generates with no diagnostic, not even a warning", async () => {
        const { model, diagnostics } = await loadModel(caseConfig(name), createTimings());
        expect(diagnostics.map((diagnostic) => `${diagnostic.location?.file}:${diagnostic.location?.line} ${diagnostic.message}`)).toEqual([]);
        expect(model?.declarations.length).toBeGreaterThan(50);
        expect(subject, "expected/stable exists").toBeDefined();
      });

      it("has published examples, each naming its source", () => {
        expect(examples.length).toBeGreaterThan(5);
        for (const [file, example] of examples) expect(example.source, file).toMatch(/^https:\/\/github\.com\/.+\/blob\/[0-9a-f]{40}\//);
      });

      it("TypeScript's checker agrees with every check, on the original declarations", async () => {
        const files = await inputFiles(name);
        files.set("examples.check.ts", checkerProgram(files, examples));
        const problems = checkVirtualProgram(files, "bundler", (file) => file === "examples.check.ts");
        expect(problems.map(formatProgramDiagnostic)).toEqual([]);
      });

      const validate = subject ? stableValidator(subject) : () => ["no stable artifacts"];
      for (const [file, example] of examples) {
        for (const check of example.checks) {
          const expected = check.expect ?? "accepted";
          it(`${file}${check.at ? ` ${check.at}` : ""} is ${expected} as ${check.type}${check.why ? ` (${check.why})` : ""}`, () => {
            const errors = validate(check.type, valueAt(example.message, check.at));
            if (expected === "accepted") expect(errors, example.source).toEqual([]);
            else {
              expect(check.error, `${file}: a rejection names the error it expects`).toBeDefined();
              expect(errors, `${file} was accepted`).toContain(check.error);
            }
          });
          it(`${file}${check.at ? ` ${check.at}` : ""}: a value of another shape is rejected as ${check.type}`, () => {
            const value = valueAt(example.message, check.at);
            const other = typeof value === "boolean" ? [[]] : true;
            expect(validate(check.type, other).length).toBeGreaterThan(0);
          });
        }
      }
    });
  }
});

async function inputFiles(name: string): Promise<Map<string, string>> {
  const folder = path.join(FIXTURES, name, "input");
  const entries = (await readdir(folder)).filter((file) => file.endsWith(".ts")).sort();
  return new Map(await Promise.all(entries.map(async (file) => [`input/${file}`, await readFile(path.join(folder, file), "utf8")] as [string, string])));
}

/**
 * One file typing each checked value as a literal of its declared type; a value
 * the checker must reject carries `@ts-expect-error`, which fails when it is
 * accepted after all.
 */
function checkerProgram(files: ReadonlyMap<string, string>, examples: readonly [string, Example][]): string {
  const modules = [...files.keys()].map((file) => `./${file.replace(/(\.d)?\.ts$/, ".js")}`);
  const lines = modules.map((module, index) => `import type * as M${index} from "${module}";`);
  let count = 0;
  for (const [file, example] of examples) {
    for (const check of example.checks) {
      const verdict = check.checker ?? check.expect ?? "accepted";
      lines.push(`// ${file}${check.at ? ` ${check.at}` : ""}`);
      if (verdict === "rejected") lines.push("// @ts-expect-error: rejected as the example file says");
      const index = modules.findIndex((_, i) => new RegExp(`export (declare )?(interface|type) ${check.type}\\b`).test([...files.values()][i]!));
      lines.push(`export const value${count++}: M${index}.${check.type} = ${JSON.stringify(valueAt(example.message, check.at))};`);
    }
  }
  return lines.join("\n") + "\n";
}
