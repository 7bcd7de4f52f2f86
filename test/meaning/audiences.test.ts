import { describe, expect, it } from "vitest";
import { bundleOf, loadAllArtifacts, type Artifacts } from "../support/artifacts.js";
import { shapeFacts } from "../support/json-schema.js";
import { definitionOf, layoutOf, listDefinitions } from "../support/layout.js";

/**
 * The stable audience is the experimental one with experimental surface
 * removed: nothing may appear in stable that experimental lacks.
 */

const artifacts = await loadAllArtifacts();
const HEADER_COMMAND = /^\/\/ Regenerate with: (.*)$/m;

describe("stable output is a subset of experimental output", () => {
  it("has trees to check", () => {
    expect(artifacts.length).toBeGreaterThan(0);
  });
  for (const subject of artifacts) {
    describe(subject.name, () => {
      it("every stable file path exists in experimental", () => {
        const { stable, experimental } = subject.audiences;
        const missing = [
          ...[...stable.typescript.keys()].filter((file) => !experimental.typescript.has(file)).map((file) => `typescript/${file}`),
          ...[...stable.json.keys()].filter((file) => !experimental.json.has(file)).map((file) => `json/${file}`),
        ];
        expect(missing).toEqual([]);
      });

      it("TypeScript headers differ only by the --experimental flag of the regenerate command", () => {
        const problems: string[] = [];
        for (const [file, stableText] of subject.audiences.stable.typescript) {
          const experimentalText = subject.audiences.experimental.typescript.get(file);
          if (experimentalText === undefined) continue;
          const stableCommand = HEADER_COMMAND.exec(stableText)?.[1];
          const experimentalCommand = HEADER_COMMAND.exec(experimentalText)?.[1];
          if (stableCommand === undefined || experimentalCommand !== `${stableCommand} --experimental`) {
            problems.push(`${file}: stable "${stableCommand}", experimental "${experimentalCommand}"`);
          }
        }
        expect(problems).toEqual([]);
      });

      it("every stable TypeScript export exists in the same experimental file", () => {
        const problems: string[] = [];
        for (const [file, stableText] of subject.audiences.stable.typescript) {
          const experimentalExports = new Set(exportedNames(subject.audiences.experimental.typescript.get(file) ?? ""));
          for (const name of exportedNames(stableText)) {
            if (!experimentalExports.has(name)) problems.push(`${file}: ${name}`);
          }
        }
        expect(problems).toEqual([]);
      });

      it("every stable bundle definition exists in experimental, with a subset of its properties, literals and references", () => {
        expect(compareBundles(subject)).toEqual([]);
      });
    });
  }
});

/** Names a TypeScript file exports (declarations and re-exports). */
function exportedNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/^export (?:type|interface|enum|const enum) (\w+)/gm)) names.push(match[1]!);
  for (const match of text.matchAll(/^export type \{ (\w+) \}/gm)) names.push(match[1]!);
  for (const match of text.matchAll(/^export type \* as (\S+) from/gm)) names.push(match[1]!);
  return names;
}

function compareBundles(subject: Artifacts): string[] {
  const stableBundle = bundleOf(subject, "stable");
  const experimentalBundle = bundleOf(subject, "experimental");
  const experimentalLayout = layoutOf(subject.audiences.experimental);
  const problems: string[] = [];
  for (const { id, schema } of listDefinitions(stableBundle, layoutOf(subject.audiences.stable))) {
    const experimental = definitionOf(experimentalBundle, experimentalLayout, id);
    if (!experimental) {
      problems.push(`${id}: missing from the experimental bundle`);
      continue;
    }
    const experimentalFacts = shapeFacts(experimental.schema);
    for (const [fact, count] of shapeFacts(schema)) {
      const available = experimentalFacts.get(fact) ?? 0;
      if (available < count) problems.push(`${id}: "${fact}" ×${count} in stable, ×${available} in experimental`);
    }
  }
  return problems;
}
