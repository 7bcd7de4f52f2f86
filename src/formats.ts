import { emitJsonSchema, JsonSchemaCache } from "./emit/json-schema/index.js";
import type { FileText } from "./output/file-text.js";
import type { JsonSchemaDraft } from "./emit/json-schema/dialect.js";
import { emitMarkdown } from "./emit/markdown/index.js";
import { emitOpenRpc } from "./emit/openrpc/index.js";
import { emitTypeScript, TypeScriptCache } from "./emit/typescript/index.js";
import { envelopeIds, type EnvelopeStyle } from "./model/envelopes.js";
import type { Audience, Model } from "./model/types.js";
import { rootIds } from "./model/walk.js";

/**
 * The output formats: one entry each, read by `write`, `check`, the
 * `generate-*` commands, the config's `formats` setting and `--help`. Adding a
 * format is one entry here plus its emitter's folder under `src/emit/`.
 */

/** The settings an emission may read; each format says which of them it uses. */
export interface EmitSettings {
  /** Names the JSON Schema bundles and the OpenRPC and Markdown documents. */
  readonly bundleName: string;
  /** Named in generated headers; already carries `--experimental` for that audience. */
  readonly regenerateCommand: string;
  readonly jsonSchemaDraft: JsonSchemaDraft;
  readonly envelope: EnvelopeStyle;
}

/** Settings a format reads that a `generate-*` command can override with a flag. */
export type FormatSetting = "jsonSchemaDraft" | "envelope";

/** Renderings one audience leaves for the next of the same run (see `JsonSchemaCache`, `TypeScriptCache`). */
export interface EmitCaches {
  readonly json: JsonSchemaCache;
  readonly typescript: TypeScriptCache;
}

export function createEmitCaches(): EmitCaches {
  return { json: new JsonSchemaCache(), typescript: new TypeScriptCache() };
}

/** What a format's emitter is handed: one audience, already filtered. */
export interface FormatInput {
  readonly audience: Audience;
  /** The audience's model, without envelopes. */
  readonly model: Model;
  /** The same with the envelope unions (`ClientRequest`, …) and `RequestId` added. */
  readonly withEnvelopes: () => Model;
  /** The model before filtering: what both audiences share (which declarations get a file). */
  readonly source: Model;
  readonly settings: EmitSettings;
  readonly caches?: EmitCaches;
}

export interface Format {
  /** The folder of the format in each audience's tree (`typescript/`, `experimental/typescript/`). */
  readonly folder: string;
  /** The command that emits this format alone into a folder. */
  readonly command: `generate-${string}`;
  /** One line for `--help`. */
  readonly summary: string;
  /** `--help` example arguments of `command`. */
  readonly example: string;
  /** Settings the emitter reads, each offered as a flag on `command`. */
  readonly settings: readonly FormatSetting[];
  /**
   * How `check` compares the format's files with the managed folder. Every
   * format is compared byte for byte: emitters are deterministic by construction.
   */
  readonly compared: "bytes";
  /** Pure: the files of one audience, by path relative to `folder`, sorted by path. */
  readonly emit: (input: FormatInput) => Map<string, FileText>;
}

export const FORMATS = {
  typescript: {
    folder: "typescript",
    command: "generate-ts",
    summary: "TypeScript types: one file per type, index.ts per namespace, envelope unions",
    example: "--input protocol-defs --out src/generated --prettier node_modules/.bin/prettier",
    settings: ["envelope"],
    compared: "bytes",
    emit: ({ withEnvelopes, settings, caches }) =>
      emitTypeScript(withEnvelopes(), { regenerateCommand: settings.regenerateCommand, cache: caches?.typescript }),
  },
  json: {
    folder: "json",
    command: "generate-json-schema",
    summary: "JSON Schema (draft-07 or 2020-12): per method type, envelopes, bundles",
    example: "--input schema.ts --out schemas --draft 2020-12",
    settings: ["jsonSchemaDraft", "envelope"],
    compared: "bytes",
    emit: ({ withEnvelopes, source, settings, caches }) =>
      emitJsonSchema(withEnvelopes(), {
        bundleName: settings.bundleName,
        draft: settings.jsonSchemaDraft,
        fileIds: jsonFileIds(source),
        cache: caches?.json,
      }),
  },
  openrpc: {
    folder: "openrpc",
    command: "generate-openrpc",
    summary: "an OpenRPC 1.3 document (openrpc.json): client requests as methods, schemas under components",
    example: "--out openrpc --experimental",
    settings: [],
    compared: "bytes",
    emit: ({ model, settings }) => emitOpenRpc(model, { title: settings.bundleName }),
  },
  markdown: {
    folder: "markdown",
    command: "generate-markdown",
    summary: "a Markdown reference: README.md (methods by direction) and one page per namespace",
    example: "--out docs/reference",
    settings: ["envelope"],
    compared: "bytes",
    emit: ({ model, settings }) => emitMarkdown(model, { title: settings.bundleName, envelope: settings.envelope }),
  },
} as const satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;

/** Table order: the order formats are generated, written and compared in. */
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

/** What `write` produces when the config does not say. */
export const DEFAULT_FORMATS: readonly FormatName[] = ["typescript", "json"];

/** Both audiences of one run ask for the same (immutable) model's answer. */
const fileIdsOf = new WeakMap<Model, readonly string[]>();

/**
 * The declarations that get a JSON file: the roots of the unfiltered model with
 * its envelopes, so a type never gets a file in one audience only. Nothing
 * refers to the generated envelopes (their names are reserved), so they are
 * roots, and the other roots are the model's own.
 */
function jsonFileIds(model: Model): readonly string[] {
  let ids = fileIdsOf.get(model);
  if (!ids) fileIdsOf.set(model, (ids = [...rootIds(model), ...envelopeIds(model)].sort()));
  return ids;
}
