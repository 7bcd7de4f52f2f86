import { DEFAULT_SETTINGS } from "../../src/config.js";
import { FORMAT_NAMES, FORMATS, type EmitSettings } from "../../src/formats.js";
import { hasErrors, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { InputSet } from "../../src/input/sources.js";
import { buildInventory } from "../../src/model/inventory.js";
import type { Model } from "../../src/model/types.js";
import { serializeInventory } from "../../src/output/inventory-json.js";
import { analyzeInput, createEmitCaches, generateAudience } from "../../src/pipeline.js";
import { scanProject } from "../../src/scan/index.js";
import { createTimings } from "../../src/timings.js";
import { joinText } from "../../src/output/file-text.js";

/**
 * The pipeline on sources held in memory: what `loadModel` does after reading
 * files, for property tests that generate thousands of inputs. Files are
 * sorted by path as `readInputs` sorts them, unless `keepOrder` asks to hand
 * the scanner the given order (to show later stages do not depend on it).
 */

export interface MemoryFile {
  /** POSIX path under the input root ("thread.ts", "v2/turn.ts"). */
  readonly path: string;
  readonly text: string;
}

/** The input root as locations name it (relative to the base folder). */
export const MEMORY_ROOT = "input";

export interface MemoryOptions {
  readonly keepOrder?: boolean;
}

export function inputSetOf(files: readonly MemoryFile[], options: MemoryOptions = {}): InputSet {
  const sources = files.map((file) => ({
    path: `${MEMORY_ROOT}/${file.path}`,
    text: file.text,
    namespace: file.path.split("/").slice(0, -1),
  }));
  if (!options.keepOrder) sources.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root: MEMORY_ROOT, files: sources, diagnostics: [] };
}

export interface MemoryLoad {
  readonly model: Model | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** scan → model → validate, as `loadModel` runs them (no model when there are errors). */
export function loadMemoryModel(files: readonly MemoryFile[], options: MemoryOptions = {}): MemoryLoad {
  const { model, diagnostics } = analyzeInput(inputSetOf(files, options), scanProject);
  return { model: hasErrors(diagnostics) ? undefined : model, diagnostics };
}

/** Every format of the table, with a new config's settings: what the golden cases hold. */
export const MEMORY_OPTIONS = {
  formats: FORMAT_NAMES,
  settings: { bundleName: "schema", regenerateCommand: "schemagate write", ...DEFAULT_SETTINGS } satisfies EmitSettings,
};

/** Both audiences' files (`stable/typescript/…`, `experimental/json/…`) and `inventory.json`, as the golden cases lay them out. */
export function emitMemoryModel(model: Model, settings: Partial<EmitSettings> = {}): Map<string, string> {
  const timings = createTimings();
  const files = new Map<string, string>();
  // As `write` runs them: both audiences sharing one set of caches.
  const options = { ...MEMORY_OPTIONS, settings: { ...MEMORY_OPTIONS.settings, ...settings }, caches: createEmitCaches() };
  for (const audience of ["stable", "experimental"] as const) {
    generateAudience(model, audience, options, timings, (format, batch) => {
      for (const [file, contents] of batch) files.set(`${audience}/${FORMATS[format].folder}/${file}`, joinText(contents));
    });
  }
  files.set("inventory.json", serializeInventory(buildInventory(model)));
  return files;
}
