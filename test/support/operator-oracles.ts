import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { createEmitCaches, generateAudience } from "../../src/pipeline.js";
import { createTimings } from "../../src/timings.js";
import { loadMemoryModel, MEMORY_OPTIONS } from "./in-memory.js";
import { sampleLiteral } from "./json-image.js";
import { strictButTuplesAjv, tupleBoundProblems, type SchemaObject } from "./json-schema.js";
import { checkVirtualProgram } from "./virtual-program.js";
import { joinText } from "../../src/output/file-text.js";

/**
 * The two judges of the operator meaning test. TypeScript: a declaration file
 * plus one `const vN: Alias = <JSON literal>;` per line, every file in one
 * program; a value belongs when its line has no diagnostic (a fresh object
 * literal gets excess property checks, which a closed schema mirrors). JSON
 * Schema: the pipeline in memory, the alias's definition in the bundle, strict
 * Ajv with ajv-formats.
 */

export interface Sample {
  readonly alias: string;
  readonly value: unknown;
}

export interface SampleFile {
  readonly declarations: string;
  readonly samples: readonly Sample[];
}

export interface TypeScriptVerdicts {
  /** Per file, per sample: whether TypeScript accepts it. */
  readonly accepted: readonly (readonly boolean[])[];
  /** Diagnostics outside the sample lines: the declarations themselves do not compile. */
  readonly declarationErrors: readonly string[];
}

const BUNDLE = "schema";

/** Checks every file's samples in one program (`only` keeps the checker to these files). */
export function typeScriptVerdicts(files: readonly SampleFile[]): TypeScriptVerdicts {
  const texts = new Map<string, string>();
  const firstSampleLine: number[] = [];
  files.forEach((file, index) => {
    const head = `${file.declarations}export {};\n`;
    firstSampleLine.push(head.split("\n").length);
    const lines = file.samples.map((sample, at) => `const v${at}: ${sample.alias} = ${sampleLiteral(sample.value)};`);
    texts.set(`case${index}.ts`, `${head}${lines.join("\n")}\n`);
  });
  const rejected = files.map((file) => file.samples.map(() => false));
  const declarationErrors: string[] = [];
  for (const diagnostic of checkVirtualProgram(texts, "bundler", (file) => texts.has(file))) {
    const match = /^case(\d+)\.ts$/.exec(diagnostic.file);
    const index = match ? Number(match[1]) : -1;
    const sample = index >= 0 ? diagnostic.line - firstSampleLine[index]! : -1;
    if (index >= 0 && sample >= 0 && sample < files[index]!.samples.length) rejected[index]![sample] = true;
    else declarationErrors.push(`${diagnostic.file}:${diagnostic.line}: ${diagnostic.message}`);
  }
  return { accepted: rejected.map((flags) => flags.map((flag) => !flag)), declarationErrors };
}

export interface EmittedBundle {
  /** Error diagnostics of the pipeline, as `line:column code message`. */
  readonly errors: readonly string[];
  readonly bundle: SchemaObject | undefined;
}

/** The experimental audience's JSON Schema bundle of one declaration file (everything is stable here, so both audiences agree). */
export function emitBundle(declarations: string): EmittedBundle {
  const { model, diagnostics } = loadMemoryModel([{ path: "types.ts", text: declarations }]);
  const errors = diagnostics
    .filter((diagnostic) => diagnostic.severity === "error")
    .map((diagnostic) => `${diagnostic.location.line}:${diagnostic.location.column} ${diagnostic.code} ${diagnostic.message}`);
  if (!model || errors.length > 0) return { errors, bundle: undefined };
  let text: string | undefined;
  const options = { formats: ["json"] as const, settings: { ...MEMORY_OPTIONS.settings, bundleName: BUNDLE }, caches: createEmitCaches() };
  generateAudience(model, "experimental", options, createTimings(), (_format, files) => {
    const bundle = files.get(`${BUNDLE}.schemas.json`);
    text = bundle === undefined ? undefined : joinText(bundle);
  });
  if (text === undefined) throw new Error(`no ${BUNDLE}.schemas.json`);
  return { errors, bundle: JSON.parse(text) as SchemaObject };
}

export interface DefinitionValidator {
  readonly validate: ValidateFunction;
  /** Why strict Ajv refused the definition; `validate` then comes from a non-strict Ajv, to judge the meaning anyway. */
  readonly strictError: string | undefined;
}

/**
 * Validators of a bundle's top-level definitions, compiled once each;
 * undefined when the alias has no definition. Strict Ajv first (what every
 * emitted schema must satisfy); when it refuses, a non-strict Ajv still says
 * what the schema means and the refusal is kept for the caller to report.
 */
export function definitionValidators(bundle: SchemaObject): (alias: string) => DefinitionValidator | undefined {
  const strict = strictButTuplesAjv();
  strict.addSchema(bundle, BUNDLE);
  let lenient: Ajv | undefined;
  const definitions = (bundle.definitions ?? {}) as SchemaObject;
  const compiled = new Map<string, DefinitionValidator | undefined>();
  const compile = (alias: string): DefinitionValidator | undefined => {
    if (!Object.hasOwn(definitions, alias)) return undefined;
    const ref = `${BUNDLE}#/definitions/${encodeURIComponent(alias)}`;
    try {
      const tupleProblems = tupleBoundProblems(definitions[alias]);
      if (tupleProblems.length > 0) throw new Error(`strict tuples: ${tupleProblems.join("; ")}`);
      return { validate: strict.getSchema(ref)!, strictError: undefined };
    } catch (error) {
      if (!lenient) {
        lenient = new Ajv({ strict: false, allErrors: true });
        addFormats.default(lenient);
        lenient.addSchema(bundle, BUNDLE);
      }
      return { validate: lenient.getSchema(ref)!, strictError: (error as Error).message };
    }
  };
  return (alias) => {
    if (!compiled.has(alias)) compiled.set(alias, compile(alias));
    return compiled.get(alias);
  };
}
