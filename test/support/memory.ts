import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { Model } from "../../src/model/types.js";
import { analyzeInput } from "../../src/pipeline.js";
import { scanProject } from "../../src/scan/index.js";
import { inputSetOf } from "./in-memory.js";

/** scan → model → validate on file texts keyed by path under `input/`; the model comes back even with errors. */
export function modelFrom(files: Record<string, string>): { model: Model; diagnostics: readonly Diagnostic[] } {
  return analyzeInput(inputSetOf(Object.entries(files).map(([path, text]) => ({ path, text }))), scanProject);
}

/** Diagnostics as `file:line:col code name`, the parts tests assert on. */
export function located(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.location.file}:${d.location.line}:${d.location.column} ${d.code} ${d.name}`);
}
