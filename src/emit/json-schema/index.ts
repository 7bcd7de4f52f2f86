import type { Declaration, Model } from "../../model/types.js";
import { rootIds } from "../../model/walk.js";
import { serializeJson } from "../../output/serialize.js";
import { compareStrings } from "../../diagnostics/diagnostic.js";
import { declarationLookup, type DeclarationLookup } from "../lookup.js";
import { listNamespaces, namespaceKey } from "../namespaces.js";
import { definitionRef, nestDefinitions, nestedPaths, referenceClosure, type DefinitionPath } from "./definitions.js";
import { DRAFT_07, withoutRefSiblings, type JsonSchema } from "./schema.js";
import { declarationSchema } from "./type-schema.js";

export interface JsonSchemaOptions {
  /** Names the bundles: `<bundleName>.schemas.json`, `<bundleName>.v2.schemas.json`. */
  readonly bundleName: string;
  /**
   * Declarations that get a file of their own. Defaults to `rootIds(model)`;
   * the pipeline passes the roots of the unfiltered model so both audiences
   * choose files by the same rule.
   */
  readonly fileIds?: readonly string[];
}

/**
 * Draft-07 JSON Schema for an (already filtered) model:
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
export function emitJsonSchema(model: Model, options: JsonSchemaOptions): Map<string, string> {
  const lookup = declarationLookup(model);
  const nestedPath = nestedPaths(model, lookup);
  const converted = convertDeclarations(model.declarations, lookup);
  const bundleFile = `${options.bundleName}.schemas.json`;
  const nestedRefs = new Map(model.declarations.map((declaration) => [declaration.id, definitionRef(nestedPath(declaration.id))]));
  const nestedRef = (id: string) => nestedRefs.get(id)!;

  const files: [string, string][] = [];
  const present = new Set(model.declarations.map((declaration) => declaration.id));
  for (const id of (options.fileIds ?? rootIds(model)).filter((candidate) => present.has(candidate))) {
    const declaration = lookup.get(id);
    const bundleRef = `${"../".repeat(declaration.namespace.length)}${bundleFile}`;
    const schema = withoutRefSiblings(converted.get(id)!.schema, { $schema: DRAFT_07, title: declaration.name });
    files.push([[...declaration.namespace, `${declaration.name}.json`].join("/"), serializeSchema(schema, (target) => bundleRef + nestedRef(target))]);
  }
  const definitions = nestDefinitions([...converted].map(([id, { schema }]) => [nestedPath(id), schema] as const));
  files.push([bundleFile, serializeSchema({ $schema: DRAFT_07, title: options.bundleName, definitions }, nestedRef)]);
  for (const namespace of listNamespaces(model).filter((namespace) => namespace.length > 0)) {
    const own = model.declarations.filter((declaration) => namespaceKey(declaration.namespace) === namespaceKey(namespace));
    if (own.length === 0) continue;
    const title = `${options.bundleName}.${namespace.join(".")}`;
    files.push([`${title}.schemas.json`, flatBundle(title, own, converted, lookup)]);
  }
  return new Map(files.sort(([a], [b]) => compareStrings(a, b)));
}

/**
 * Declarations are converted once and shared by every file that holds them;
 * their `$ref`s carry a placeholder naming the target id, which each file
 * turns into the pointer that is right where it sits as it is serialized.
 */
const REF_PLACEHOLDER = "\uE000";

const PLACEHOLDER_TEXT = new RegExp(`"${REF_PLACEHOLDER}((?:[^"\\\\]|\\\\.)*)"`, "g");

function serializeSchema(schema: JsonSchema, refFor: (id: string) => string): string {
  // A text pass over the serialized file: much cheaper than a JSON.stringify replacer called for every key.
  return serializeJson(schema).replace(PLACEHOLDER_TEXT, (_, id: string) =>
    JSON.stringify(refFor(id.includes("\\") ? (JSON.parse(`"${id}"`) as string) : id)),
  );
}

interface Converted {
  readonly schema: JsonSchema;
  /** Ids the schema's `$ref`s name, in first-use order. */
  readonly references: readonly string[];
}

function convertDeclarations(declarations: readonly Declaration[], lookup: DeclarationLookup): Map<string, Converted> {
  return new Map(
    declarations.map((declaration) => {
      const references = new Set<string>();
      const ref = (id: string): string => {
        references.add(id);
        return REF_PLACEHOLDER + id;
      };
      return [declaration.id, { schema: declarationSchema(declaration, { lookup, ref }), references: [...references] }];
    }),
  );
}

/**
 * One namespace's declarations and everything they reach, flat under
 * `definitions`. Keys: the namespace's own declarations by name, others by id
 * ("RequestId", "v1.Foo"). A root declaration named like one of the namespace's
 * own is keyed ".<Name>": no id starts with a dot, so that key is always free.
 */
function flatBundle(
  title: string,
  own: readonly Declaration[],
  converted: ReadonlyMap<string, Converted>,
  lookup: DeclarationLookup,
): string {
  const ownIds = new Set(own.map((declaration) => declaration.id));
  const ownNames = new Set(own.map((declaration) => declaration.name));
  const keyOf = (id: string): string => (ownIds.has(id) ? lookup.get(id).name : ownNames.has(id) ? `.${id}` : id);
  const references = (id: string) => converted.get(id)?.references ?? [];
  const entries = [...referenceClosure(references, ownIds)].map((id): [DefinitionPath, JsonSchema] => [[keyOf(id)], converted.get(id)!.schema]);
  return serializeSchema({ $schema: DRAFT_07, title, definitions: nestDefinitions(entries) }, (id) => definitionRef([keyOf(id)]));
}
