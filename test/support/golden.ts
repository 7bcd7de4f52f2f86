import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../../src/config.js";
import { formatDiagnostic } from "../../src/diagnostics/format.js";
import { buildInventory } from "../../src/model/inventory.js";
import { serializeJson } from "../../src/output/serialize.js";
import { compareTrees, readTree, type TreeDifference } from "../../src/output/tree.js";
import { generateAudience, loadModel } from "../../src/pipeline.js";
import { createTimings } from "../../src/timings.js";

export const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures");

/** Every folder under fixtures/ with an input/: one golden case each, found without registration. */
export async function discoverCases(): Promise<string[]> {
  const names = await readdir(FIXTURES);
  const cases: string[] = [];
  for (const name of names.sort()) {
    const input = await stat(path.join(FIXTURES, name, "input")).catch(() => undefined);
    if (input) cases.push(name);
  }
  return cases;
}

export function caseConfig(name: string): Config {
  const baseDir = path.join(FIXTURES, name);
  return {
    baseDir,
    input: path.join(baseDir, "input"),
    output: path.join(baseDir, "expected"),
    bundleName: "schema",
    regenerateCommand: "schemagate write",
  };
}

/** What a case produces: the files of expected/, generated in memory by the same pipeline as `write`. */
export async function generateCase(name: string): Promise<Map<string, string>> {
  const config = caseConfig(name);
  const timings = createTimings();
  const { model, diagnostics } = await loadModel(config, timings);
  const files = new Map<string, string>();
  if (!model) {
    const format = { baseDir: config.baseDir, cwd: config.baseDir, color: false };
    files.set("diagnostics.txt", diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, format)).join("\n") + "\n");
    return files;
  }
  const options = { formats: ["typescript", "json"] as const, bundleName: config.bundleName, regenerateCommand: config.regenerateCommand };
  for (const audience of ["stable", "experimental"] as const) {
    for (const [file, contents] of generateAudience(model, audience, options, timings)) files.set(`${audience}/${file}`, contents);
  }
  files.set("inventory.json", serializeJson(buildInventory(model)));
  return files;
}

/** Compares a case with its expected/ folder (the same compare as `check`); with UPDATE=1, rewrites expected/ first. */
export async function compareCase(name: string, generated: ReadonlyMap<string, string>): Promise<TreeDifference> {
  const expectedDir = path.join(FIXTURES, name, "expected");
  if (process.env.UPDATE === "1") {
    await rm(expectedDir, { recursive: true, force: true });
    for (const [file, contents] of generated) {
      const target = path.join(expectedDir, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, contents);
    }
  }
  return compareTrees(generated, await readTree(expectedDir));
}
