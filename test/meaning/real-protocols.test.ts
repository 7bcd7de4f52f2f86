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

/**
 * Protocol definitions written elsewhere, kept as golden cases with their
 * licence (fixtures/real-*): each generates with no diagnostic at all, and the
 * example messages its project publishes (fixtures/<case>/examples/*.json, each
 * naming its source) validate against the emitted stable JSON Schema in strict
 * Ajv. A check may expect a rejection, with the reason.
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
