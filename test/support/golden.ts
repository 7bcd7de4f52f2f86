import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../../src/config.js";
import { formatDiagnostic } from "../../src/diagnostics/format.js";
import { compareFolder, type TreeDifference } from "../../src/output/tree.js";
import { loadModel } from "../../src/pipeline.js";
import { createTimings } from "../../src/timings.js";
import { emitMemoryModel, MEMORY_OPTIONS } from "./in-memory.js";

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
    ...MEMORY_OPTIONS.settings,
    formats: MEMORY_OPTIONS.formats,
  };
}

/** What a case produces: the files of expected/, generated in memory by the same pipeline as `write`. */
export async function generateCase(name: string): Promise<Map<string, string>> {
  const config = caseConfig(name);
  const timings = createTimings();
  const { model, diagnostics } = await loadModel(config, timings);
  if (!model) {
    const format = { baseDir: config.baseDir, cwd: config.baseDir, color: false };
    const text = diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, format)).join("\n") + "\n";
    return new Map([["diagnostics.txt", text]]);
  }
  return emitMemoryModel(model);
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
  return compareFolder(generated, expectedDir);
}
