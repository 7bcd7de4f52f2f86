import type { Declaration, Model } from "../../model/types.js";
import { closure, rootIds } from "../../model/walk.js";
import type { FileText } from "../../output/file-text.js";
import { assemblePieces, jsonTextAt, JsonPart, JsonTextCache, serializeAssembled, sortedByPath } from "../../output/serialize.js";
import { LayoutMemo } from "../layout.js";
import { declarationLookup, recordingLookup, type DeclarationLookup, type ModelLookup } from "../lookup.js";
import { listNamespaces, namespaceKey } from "../namespaces.js";
import { definitionRef, fillDefinitions, layDefinitions, nestDefinitions, nestedPaths, type DefinitionPath, type DefinitionsLayout } from "./definitions.js";
import { rewriteRefs, serializePrefixingRefs, serializeRewritingRefs } from "./refs.js";
import { DIALECTS, type Dialect, type JsonSchemaDraft } from "./dialect.js";
import { withoutRefSiblings, type JsonSchema } from "./schema.js";
import { declarationSchema } from "./type-schema.js";

export interface JsonSchemaOptions {
  /** Names the bundles: `<bundleName>.schemas.json`, `<bundleName>.v2.schemas.json`. */
  readonly bundleName: string;
  /** Default "07". */
  readonly draft?: JsonSchemaDraft;
  /**
   * Declarations that get a file of their own. Defaults to `rootIds(model)`;
   * the pipeline passes the roots of the unfiltered model so both audiences
   * choose files by the same rule.
   */
  readonly fileIds?: readonly string[];
  /** Shared by the emissions of one run (both audiences), so a declaration both see alike is converted once. */
  readonly cache?: JsonSchemaCache;
}

/**
 * Conversions of one emission, reused by the next emission of the same run. A
 * declaration object the filter left untouched is the same object in both
 * audiences; its schema is reused when every `$ref` it makes points where it did
 * before and every declaration its conversion looked at (an intersection inlines
 * the objects it names) is still the same object.
 */
export class JsonSchemaCache {
  readonly #conversions = new WeakMap<Declaration, CachedConversion>();
  readonly #typeFiles = new WeakMap<JsonSchema, { readonly key: string; readonly text: string }>();
  /** Each schema's text as the bundles hold it, so a bundle of unchanged schemas is joined, not serialized. */
  readonly texts = new JsonTextCache();

  /** `refs` gives each id's `$ref` string; a conversion last checked against the very same map needs no second look at its pointers. */
  convert(
    declaration: Declaration,
    lookup: ModelLookup,
    refs: ReadonlyMap<string, string>,
    convert: (declaration: Declaration, lookup: DeclarationLookup) => Converted,
  ): Converted {
    const known = this.#conversions.get(declaration);
    if (known && samePointers(known, refs) && known.looked.every((target) => lookup.find(target.id) === target)) return known;
    const { lookup: recording, looked } = recordingLookup(lookup);
    const converted = convert(declaration, recording);
    const kept = { schema: converted.schema, references: converted.references, refs: converted.references.map((id) => refs.get(id)!), looked, checkedAgainst: refs };
    this.#conversions.set(declaration, kept);
    return kept;
  }

  /** A per-type file's text depends only on the (shared) schema, where the bundle is, and the title. */
  typeFile(schema: JsonSchema, bundleRef: string, title: string, render: () => string): string {
    const key = `${bundleRef}\0${title}`;
    const known = this.#typeFiles.get(schema);
    if (known?.key === key) return known.text;
    const text = render();
    this.#typeFiles.set(schema, { key, text });
    return text;
  }
}

interface CachedConversion extends Converted {
  /** The `$ref` string of each reference, in order. */
  readonly refs: readonly string[];
  /** The declarations the conversion looked up. */
  readonly looked: readonly Declaration[];
  /** The pointer map `refs` was last found to agree with. */
  checkedAgainst: ReadonlyMap<string, string>;
}

function samePointers(known: CachedConversion, refs: ReadonlyMap<string, string>): boolean {
  if (known.checkedAgainst === refs) return true;
  if (!known.references.every((id, index) => refs.get(id) === known.refs[index])) return false;
  known.checkedAgainst = refs;
  return true;
}

/**
 * JSON Schema (draft-07, or 2020-12 with `$defs` for `definitions`) for an (already filtered) model:
 * - `<bundleName>.schemas.json` with every declaration under `definitions`,
 *   namespaces nested (`definitions.v2.Thread`);
 * - `<namespace folders>/<Name>.json` per root declaration (see `rootIds`): the
 *   declaration's own schema, whose `$ref`s point into that bundle by relative
 *   path (`../<bundleName>.schemas.json#/definitions/v2/Thread`), so the files
 *   together stay linear in the size of the model;
 * - `<bundleName>.<ns>.schemas.json` per namespace holding declarations: its
 *   declarations and what they reach, flat under `definitions`, self-contained.
 * Every `$ref` resolves against the file's own location. The map is sorted by path.
 */
export function emitJsonSchema(model: Model, options: JsonSchemaOptions & { readonly cache?: undefined }): Map<string, string>;
/** With a cache, the bundles come in pieces (see `FileText`). */
export function emitJsonSchema(model: Model, options: JsonSchemaOptions): Map<string, FileText>;
export function emitJsonSchema(model: Model, options: JsonSchemaOptions): Map<string, FileText> {
  const dialect = DIALECTS[options.draft ?? "07"];
  const lookup = declarationLookup(model);
  const layout = bundleLayout(model.declarations, dialect.definitions);
  // Converted once, with the bundle's pointers; the other files rewrite those for where they sit.
  const cache = options.cache;
  const refFor = (id: string): string => layout.refs.get(id)!;
  const converted = convertDeclarations(model.declarations, { lookup, dialect, refFor }, cache && { cache, refs: layout.refs });
  const bundleFile = `${options.bundleName}.schemas.json`;

  const files: [string, FileText][] = [];
  // Kept schema texts are handed on as they are, not joined into one string (see `FileText`).
  const serialize = cache ? assemblePieces : serializeAssembled;
  for (const id of (options.fileIds ?? rootIds(model)).filter((candidate) => layout.refs.has(candidate))) {
    const declaration = lookup.get(id);
    const bundleRef = `${"../".repeat(declaration.namespace.length)}${bundleFile}`;
    const { schema } = converted.get(id)!;
    const header = { $schema: dialect.uri, title: declaration.name };
    const render = () =>
      serializePrefixingRefs(withoutRefSiblings(schema, header), bundleRef, () =>
        withoutRefSiblings(rewriteRefs(schema, (ref) => bundleRef + ref), header),
      );
    const text = cache ? cache.typeFile(schema, bundleRef, declaration.name, render) : render();
    files.push([[...declaration.namespace, `${declaration.name}.json`].join("/"), text]);
  }
  const definitions = fillDefinitions(layout.definitions, (id) => {
    const { schema } = converted.get(id)!;
    return schemaPart(schema, "", (depth) => jsonTextAt(schema, depth), cache);
  });
  files.push([bundleFile, serialize({ $schema: dialect.uri, title: options.bundleName, [dialect.definitions]: definitions })]);
  for (const namespace of layout.namespaces) {
    const title = `${options.bundleName}.${namespace.title}`;
    files.push([`${title}.schemas.json`, flatBundle(title, namespace, converted, { lookup, dialect, cache, serialize }, (ref) => layout.idOfRef.get(ref)!)]);
  }
  return sortedByPath(files);
}

/** What the bundles' layout owes to names and namespaces alone (see `LayoutMemo`). */
interface BundleLayout {
  /** Each declaration's `$ref` into the nested bundle, by id. */
  readonly refs: ReadonlyMap<string, string>;
  readonly idOfRef: ReadonlyMap<string, string>;
  /** The nested bundle's `definitions`, with ids where the schemas go. */
  readonly definitions: DefinitionsLayout;
  /** The namespaces that get a flat bundle, in namespace order. */
  readonly namespaces: readonly NamespaceLayout[];
}

interface NamespaceLayout {
  /** Segments joined by ".". */
  readonly title: string;
  readonly ownIds: ReadonlySet<string>;
  readonly ownNames: ReadonlySet<string>;
  /** Each conversion's text variant in this bundle (see `flatBundle`), kept by conversion. */
  readonly variants: WeakMap<Converted, string>;
}

/** One memo per `definitions` keyword ("definitions", "$defs"): the pointers spell it. */
const LAYOUTS = new Map<string, LayoutMemo<BundleLayout>>();

function bundleLayout(declarations: readonly Declaration[], keyword: string): BundleLayout {
  let memo = LAYOUTS.get(keyword);
  if (!memo) LAYOUTS.set(keyword, (memo = new LayoutMemo((laid) => layBundles(laid, keyword))));
  return memo.get(declarations);
}

function layBundles(declarations: readonly Declaration[], keyword: string): BundleLayout {
  const model = { declarations, methods: [] };
  const byId = new Map(declarations.map((declaration) => [declaration.id, declaration]));
  const nestedPath = nestedPaths(model, { get: (id) => byId.get(id)! });
  const paths = new Map(declarations.map((declaration) => [declaration.id, nestedPath(declaration.id)]));
  const refs = new Map([...paths].map(([id, path]) => [id, definitionRef(path, keyword)]));
  const namespaces: NamespaceLayout[] = [];
  for (const namespace of listNamespaces(model).filter((namespace) => namespace.length > 0)) {
    const own = declarations.filter((declaration) => namespaceKey(declaration.namespace) === namespaceKey(namespace));
    if (own.length === 0) continue;
    namespaces.push({
      title: namespace.join("."),
      ownIds: new Set(own.map((declaration) => declaration.id)),
      ownNames: new Set(own.map((declaration) => declaration.name)),
      variants: new WeakMap(),
    });
  }
  return {
    refs,
    idOfRef: new Map([...refs].map(([id, ref]) => [ref, id])),
    definitions: layDefinitions(nestDefinitions([...paths].map(([id, path]) => [path, id] as const))),
    namespaces,
  };
}

export interface Converted {
  readonly schema: JsonSchema;
  /** Ids the schema's `$ref`s name, in first-use order. */
  readonly references: readonly string[];
}

/** What converting declarations needs: the model, the dialect, and the `$ref` string of each id. */
export interface ConversionScope {
  readonly lookup: ModelLookup;
  readonly dialect: Dialect;
  readonly refFor: (id: string) => string;
}

/** Each declaration's schema and the ids it refers to, by id; with `kept`, reused where still valid (`refs` is what `refFor` answers). */
export function convertDeclarations(
  declarations: readonly Declaration[],
  scope: ConversionScope,
  kept?: { readonly cache: JsonSchemaCache; readonly refs: ReadonlyMap<string, string> },
): Map<string, Converted> {
  const converted = new Map<string, Converted>();
  const convert = (declaration: Declaration, lookup: DeclarationLookup) => convertDeclaration(declaration, { ...scope, lookup });
  for (const declaration of declarations) {
    converted.set(declaration.id, kept ? kept.cache.convert(declaration, scope.lookup, kept.refs, convert) : convertDeclaration(declaration, scope));
  }
  return converted;
}

function convertDeclaration(declaration: Declaration, { lookup, dialect, refFor }: Omit<ConversionScope, "lookup"> & { readonly lookup: DeclarationLookup }): Converted {
  const references = new Set<string>();
  const ref = (id: string): string => {
    references.add(id);
    return refFor(id);
  };
  return { schema: declarationSchema(declaration, { lookup, dialect, ref }), references: [...references] };
}

/** What writing a bundle needs besides its schemas. */
interface BundleScope {
  readonly lookup: DeclarationLookup;
  readonly dialect: Dialect;
  readonly cache: JsonSchemaCache | undefined;
  /** `assemblePieces` when schema texts are kept, so the kept texts are handed on as they are. */
  readonly serialize: (document: unknown) => FileText;
}

/**
 * One namespace's declarations and everything they reach, flat under
 * `definitions`. Keys: the namespace's own declarations by name, others by id
 * ("RequestId", "v1.Foo"). A root declaration named like one of the namespace's
 * own is keyed ".<Name>": no id starts with a dot, so that key is always free.
 */
function flatBundle(
  title: string,
  { ownIds, ownNames, variants }: NamespaceLayout,
  converted: ReadonlyMap<string, Converted>,
  { lookup, dialect, cache, serialize }: BundleScope,
  idOfRef: (ref: string) => string,
): FileText {
  const keyOf = (id: string): string => (ownIds.has(id) ? lookup.get(id).name : ownNames.has(id) ? `.${id}` : id);
  // Followed through the references the emitted schemas make, not the model's: an intersection
  // inlines the objects it names, so those need no definition of their own.
  const reached = closure(ownIds, (id) => converted.get(id)?.references ?? []);
  // A declaration is referred to from many places: each pointer is built once.
  const flatRefs = new Map<string, string>();
  const flatRef = (ref: string): string => {
    let flat = flatRefs.get(ref);
    if (flat === undefined) flatRefs.set(ref, (flat = definitionRef([keyOf(idOfRef(ref))], dialect.definitions)));
    return flat;
  };
  // A schema's text here depends on where its `$ref`s point, which its references' keys decide.
  const part = (id: string): JsonPart => {
    const conversion = converted.get(id)!;
    const { schema, references } = conversion;
    let variant = variants.get(conversion);
    if (variant === undefined) variants.set(conversion, (variant = [dialect.definitions, ...references.map(keyOf)].join("\0")));
    const text = (depth: number) =>
      serializeRewritingRefs(schema, flatRef, () => rewriteRefs(schema, flatRef), (value) => jsonTextAt(value, depth));
    return schemaPart(schema, variant, text, cache);
  };
  return serialize({
    $schema: dialect.uri,
    title,
    [dialect.definitions]: nestDefinitions([...reached].map((id): [DefinitionPath, JsonPart] => [[keyOf(id)], part(id)])),
  });
}

/** A schema's place in a bundle, its text kept by `cache` when there is one. */
function schemaPart(schema: JsonSchema, variant: string, text: (depth: number) => string, cache: JsonSchemaCache | undefined): JsonPart {
  return new JsonPart((depth) => (cache ? cache.texts.text(schema, depth, variant, text) : text(depth)));
}
