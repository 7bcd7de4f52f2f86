import { compile, type JSONSchema } from "json-schema-to-typescript";
import { definitionPointer, type SchemaObject } from "./json-schema.js";
import type { Definition } from "./layout.js";

/**
 * An independent derivation of TypeScript from an emitted bundle, with
 * json-schema-to-typescript, to compare against the emitted TypeScript.
 */

/** A construct json-schema-to-typescript cannot render faithfully, replaced (only there) before deriving. */
export interface SchemaRewrite {
  readonly matches: (schema: SchemaObject) => boolean;
  readonly rewrite: (schema: SchemaObject) => SchemaObject;
}

export interface Derived {
  /** The generated module text. */
  readonly source: string;
  /** The exported name json-schema-to-typescript gave each definition, by declaration id. */
  readonly names: ReadonlyMap<string, string>;
  /** How many schemas each rewrite replaced. */
  readonly rewritten: ReadonlyMap<SchemaRewrite, number>;
}

const ROOT_NAME = "SgDerivedRoot";

/**
 * Wraps every definition as `{ title, allOf: [schema] }` (so its derived name
 * is known, whatever namespace it sits in and whatever the schema is), makes
 * them all reachable from a synthetic root object, and compiles that.
 * `unreachableDefinitions` stays off: every definition is reached, and the
 * namespace objects nested under `definitions` (`definitions.v2`) are not
 * schemas, so they must not be declared.
 */
export async function deriveTypeScript(
  bundle: SchemaObject,
  definitions: readonly Definition[],
  rewrites: readonly SchemaRewrite[],
): Promise<Derived> {
  const document = structuredClone(bundle);
  const names = new Map<string, string>();
  const rewritten = new Map<SchemaRewrite, number>();
  const properties: Record<string, SchemaObject> = {};
  definitions.forEach((definition, index) => {
    const name = `SgDecl${index}`;
    names.set(definition.id, name);
    const parent = definition.path.slice(0, -1).reduce((node: SchemaObject, key) => node[key] as SchemaObject, document.definitions as SchemaObject);
    const key = definition.path[definition.path.length - 1]!;
    parent[key] = { title: name, allOf: [applyRewrites(parent[key] as SchemaObject, rewrites, rewritten)] };
    properties[name] = { $ref: definitionPointer(definition.path) };
  });
  const root = {
    title: ROOT_NAME,
    type: "object",
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
    definitions: document.definitions,
  };
  const source = await compile(root as JSONSchema, ROOT_NAME, {
    bannerComment: "",
    additionalProperties: false,
    strictIndexSignatures: true,
    unreachableDefinitions: false,
    declareExternallyReferenced: true,
    unknownAny: true,
    format: false,
  });
  return { source, names, rewritten };
}

/** Applies the first matching rewrite at each schema position, walking only through schema keywords. */
function applyRewrites(schema: SchemaObject, rewrites: readonly SchemaRewrite[], count: Map<SchemaRewrite, number>): SchemaObject {
  const rewrite = rewrites.find((candidate) => candidate.matches(schema));
  if (rewrite) {
    count.set(rewrite, (count.get(rewrite) ?? 0) + 1);
    return rewrite.rewrite(schema);
  }
  const walk = (child: unknown) => (isObject(child) ? applyRewrites(child, rewrites, count) : child);
  const result: SchemaObject = { ...schema };
  if (isObject(schema.properties)) result.properties = Object.fromEntries(Object.entries(schema.properties).map(([key, child]) => [key, walk(child)]));
  if (schema.items !== undefined) result.items = Array.isArray(schema.items) ? schema.items.map(walk) : walk(schema.items);
  if (isObject(schema.additionalProperties)) result.additionalProperties = walk(schema.additionalProperties);
  if (isObject(schema.not)) result.not = walk(schema.not);
  for (const keyword of ["anyOf", "allOf", "oneOf"]) {
    if (Array.isArray(schema[keyword])) result[keyword] = (schema[keyword] as unknown[]).map(walk);
  }
  return result;
}

function isObject(value: unknown): value is SchemaObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Points a derived module's references to other definitions at the emitted
 * types instead (`SgDecl3` → `Emitted.v2.Thread`), except in each
 * declaration's own head. Each declaration is then compared on its own: a
 * difference shows at the type that has it, not at every type reaching it.
 */
export function localizeReferences(derived: Derived, emittedAccess: (id: string) => string): string {
  const accessByName = new Map([...derived.names].map(([id, name]) => [name, emittedAccess(id)]));
  // The synthetic root only makes every definition reachable; its keys are definition names, not references.
  const withoutRoot = derived.source.replace(new RegExp(`^export interface ${ROOT_NAME} \\{\\n[\\s\\S]*?^\\}\\n?`, "m"), "");
  return withoutRoot.replace(/(export (?:type|interface|enum|const enum) )?\b(SgDecl\d+)\b/g, (whole, head: string | undefined, name: string) =>
    head ? whole : (accessByName.get(name) ?? whole),
  );
}
