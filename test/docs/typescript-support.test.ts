import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDocExamples, renderOutput, rewriteDocOutputs } from "../support/doc-examples.js";

/**
 * docs/typescript-support.md shows, for each construct, an input and what
 * schemagate makes of it. The outputs are checked here against the pipeline,
 * so the page cannot drift; UPDATE=1 rewrites them.
 */

const PAGE = path.resolve(import.meta.dirname, "../../docs/typescript-support.md");

if (process.env.UPDATE === "1") await writeFile(PAGE, rewriteDocOutputs(await readFile(PAGE, "utf8")));
const examples = readDocExamples(await readFile(PAGE, "utf8"));

describe("docs/typescript-support.md shows what schemagate produces", () => {
  it("has examples, each with its output", () => {
    expect(examples.length).toBeGreaterThan(15);
    expect(examples.filter((example) => example.output === undefined).map((example) => example.title)).toEqual([]);
  });
  for (const example of examples) {
    it(example.title, () => {
      expect(example.output).toBe(renderOutput(example.files));
    });
  }
  it("fails when an output is edited", () => {
    const page = ["### Edited", "```ts input", "export type A = string;", "```", "<!-- output -->", "```json", "{}", "```", "<!-- /output -->", ""].join("\n");
    const [edited] = readDocExamples(page);
    expect(edited!.output).not.toBe(renderOutput(edited!.files));
    const [rewritten] = readDocExamples(rewriteDocOutputs(page));
    expect(rewritten!.output).toBe(renderOutput(rewritten!.files));
  });
});
