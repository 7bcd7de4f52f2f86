import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { sortDiagnostics } from "../../src/diagnostics/diagnostic.js";
import type { InputSet } from "../../src/input/sources.js";
import { buildModel } from "../../src/model/build.js";
import type { Model } from "../../src/model/types.js";
import { validateModel } from "../../src/model/validate.js";
import { scanProject } from "../../src/scan/index.js";

/** An input set from file texts keyed by path under a virtual `input/` root; folders become namespaces. */
export function memoryInput(files: Record<string, string>): InputSet {
  const sources = Object.entries(files)
    .map(([file, text]) => ({ path: `input/${file}`, text, namespace: file.split("/").slice(0, -1) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return { root: "input", files: sources, diagnostics: [] };
}

/** scan → model → validate, in memory. */
export function modelFrom(files: Record<string, string>): { model: Model; diagnostics: Diagnostic[] } {
  const scanned = scanProject(memoryInput(files));
  const built = buildModel(scanned.declarations, scanned.methods);
  const validation = validateModel(built.model, { file: "input", line: 1, column: 1 });
  return { model: built.model, diagnostics: sortDiagnostics([...scanned.diagnostics, ...built.diagnostics, ...validation]) };
}

/** Diagnostics as `file:line:col code name`, the parts tests assert on. */
export function located(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.location.file}:${d.location.line}:${d.location.column} ${d.code} ${d.name}`);
}
