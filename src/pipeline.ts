import type { Config } from "./config.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { createEmitCaches, FORMAT_NAMES, FORMATS, type EmitCaches, type EmitSettings, type FormatInput, type FormatName } from "./formats.js";
import { readInputs, type InputSet } from "./input/sources.js";
import { buildModel } from "./model/build.js";
import { evaluateDeclarations } from "./model/evaluate/index.js";
import { keepReachable } from "./model/entry.js";
import { addEnvelopes } from "./model/envelopes.js";
import { filterModel } from "./model/filter.js";
import { internModel } from "./model/intern.js";
import { buildInventory } from "./model/inventory.js";
import type { Audience, Model } from "./model/types.js";
import { validateModel } from "./model/validate.js";
import { inventoryText } from "./output/inventory-json.js";
import type { FileText } from "./output/file-text.js";
import type { FileTree } from "./output/tree.js";
import type { ScanResult } from "./scan/index.js";
import { createTimings, type Timings } from "./timings.js";

export interface LoadResult {
  /** Undefined when any error diagnostic was found: nothing is emitted then. */
  readonly model: Model | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** read → scan → model → validate. */
export async function loadModel(config: Config, timings: Timings): Promise<LoadResult> {
  const input = await timings.time("read", () => readInputs(config.input, config.baseDir));
  return loadInputModel(input, timings);
}

/** scan → model → validate on inputs read elsewhere (a git revision, for `diff`). */
export async function loadInputModel(input: InputSet, timings: Timings): Promise<LoadResult> {
  // Loaded on demand: commands that fail before scanning never pay for TypeScript.
  const { scanProject, saveCompileCache } = await timings.time("load-ts", () => import("./scan/index.js"));
  const analysis = analyzeInput(input, scanProject, timings);
  saveCompileCache();
  return { model: hasErrors(analysis.diagnostics) ? undefined : analysis.model, diagnostics: analysis.diagnostics };
}

/**
 * scan → model → validate on inputs already in memory. The model is returned
 * even when there are errors (for tests and tools that inspect it); callers
 * that emit must check the diagnostics first, as `loadModel` does. Given the
 * model of an earlier run (`watch`), what did not change is taken from it
 * (`internModel`) before validation, so every later stage finds it by identity.
 */
export function analyzeInput(
  input: InputSet,
  scanProject: (input: InputSet) => ScanResult,
  timings: Timings = createTimings(),
  previous?: Model,
): { model: Model; diagnostics: readonly Diagnostic[] } {
  const scanned = timings.time("scan", () => scanProject(input));
  const evaluated = timings.time("evaluate", () => evaluateDeclarations(scanned.declarations));
  const declarations = scanned.entryIds ? keepReachable(evaluated.declarations, scanned.methods, scanned.entryIds) : evaluated.declarations;
  const built = timings.time("model", () => buildModel(declarations, scanned.methods));
  const model = previous ? timings.time("intern", () => internModel(built.model, previous)) : built.model;
  const found = [...input.diagnostics, ...scanned.diagnostics, ...evaluated.diagnostics, ...built.diagnostics];
  const rootLocation = { file: input.root, line: 1, column: 1 };
  // Diagnostics about an empty model after errors would only repeat them.
  const emptyAfterErrors = hasErrors(found) && model.declarations.length === 0;
  const validation = emptyAfterErrors ? [] : timings.time("validate", () => validateModel(model, rootLocation));
  return { model, diagnostics: sortDiagnostics([...found, ...validation]) };
}

export interface GenerateOptions {
  /** Emitted in table order, whatever the order here. */
  readonly formats: readonly FormatName[];
  /** `regenerateCommand` names the stable audience's command; the experimental one gets `--experimental` appended. */
  readonly settings: EmitSettings;
  /** Shared by the audiences of one run: what one emission rendered, the next reuses. */
  readonly caches?: EmitCaches;
}

export { createEmitCaches, type EmitCaches };

/** Receives generated files batch by batch: one format of one audience at a time. */
export type FileSink = (files: ReadonlyMap<string, FileText>) => void;

/** Receives one format's files, with paths relative to that format's folder. */
export type FormatSink = (format: FormatName, files: ReadonlyMap<string, FileText>) => void;

/**
 * filter(audience) → envelopes → emit, for each format of the table that
 * `options` lists. Each format's files go to `sink` as soon as they exist, so
 * they can be written (or compared) and dropped before the next is generated.
 */
export function generateAudience(model: Model, audience: Audience, options: GenerateOptions, timings: Timings, sink: FormatSink): void {
  const filtered = timings.time(`filter-${audience}`, () => filterModel(model, audience));
  let withEnvelopes: Model | undefined;
  const regenerateCommand = audience === "experimental" ? `${options.settings.regenerateCommand} --experimental` : options.settings.regenerateCommand;
  const input: FormatInput = {
    audience,
    model: filtered,
    withEnvelopes: () => (withEnvelopes ??= timings.time(`envelopes-${audience}`, () => addEnvelopes(filtered, options.settings.envelope))),
    source: model,
    settings: { ...options.settings, regenerateCommand },
    caches: options.caches,
  };
  for (const name of FORMAT_NAMES) {
    if (!options.formats.includes(name)) continue;
    sink(name, timings.time(`${name}-${audience}`, () => FORMATS[name].emit(input)));
  }
}

function withPrefix(prefix: string, files: ReadonlyMap<string, FileText>): Map<string, FileText> {
  const prefixed = new Map<string, FileText>();
  for (const [file, contents] of files) prefixed.set(prefix + file, contents);
  return prefixed;
}

export const INVENTORY_FILE = "experimental-inventory.json";
export const EXPERIMENTAL_FOLDER = "experimental";

/**
 * The managed folder's files for the given audiences, as `write` lays them out:
 * stable at the root, experimental under `experimental/`, the inventory beside
 * both and last (it is the one file both audiences share).
 */
export function generateManagedTree(
  model: Model,
  audiences: readonly Audience[],
  config: Config,
  timings: Timings,
  sink: FileSink,
  /** Renderings kept from earlier runs of this process (`watch`); by default made for this run when a second audience follows. */
  kept?: EmitCaches,
): void {
  const caches = kept ?? (audiences.length > 1 ? createEmitCaches() : undefined);
  for (const audience of audiences) generateManagedAudience(model, audience, config, timings, sink, caches);
  sink(new Map([[INVENTORY_FILE, generateInventory(model, timings)]]));
}

/** One audience's files under the managed folder (`experimental/` for the experimental one), without the inventory. */
function generateManagedAudience(
  model: Model,
  audience: Audience,
  config: Config,
  timings: Timings,
  sink: FileSink,
  caches?: EmitCaches,
): void {
  const options = { formats: config.formats, settings: emitSettings(config), caches };
  const audienceFolder = audience === "experimental" ? `${EXPERIMENTAL_FOLDER}/` : "";
  generateAudience(model, audience, options, timings, (format, files) => sink(withPrefix(`${audienceFolder}${FORMATS[format].folder}/`, files)));
}

/** The emission settings a config gives. */
export function emitSettings(config: Config): EmitSettings {
  const { bundleName, regenerateCommand, jsonSchemaDraft, envelope } = config;
  return { bundleName, regenerateCommand, jsonSchemaDraft, envelope };
}

/** The text of `experimental-inventory.json`. */
function generateInventory(model: Model, timings: Timings): FileText {
  return timings.time("inventory", () => inventoryText(buildInventory(model)));
}

/** Which audience a managed file belongs to, so `write` keeps the other one. */
export function audienceOfManagedFile(file: string): Audience | "shared" {
  if (file === INVENTORY_FILE) return "shared";
  return file === EXPERIMENTAL_FOLDER || file.startsWith(`${EXPERIMENTAL_FOLDER}/`) ? "experimental" : "stable";
}

export type { FileTree };
