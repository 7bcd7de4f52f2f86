import { posix } from "node:path";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { JsonSchemaDraft } from "../../src/emit/json-schema/dialect.js";

/** Helpers for reading emitted schemas (draft-07 or 2020-12): strict Ajv, references, definitions and their shape. */

export type SchemaObject = Record<string, unknown>;

/** Ajv's class for each draft the emitter writes. */
export type DraftAjv = Ajv | Ajv2020;

/**
 * The Ajv every emitted schema must satisfy: strict mode (types, keywords,
 * tuples) plus ajv-formats, of the class for `draft`. `x-experimental` is the
 * one keyword of our own (an annotation holding the reason), declared as a
 * validator of the emitted schemas is told to in the README.
 *
 * Tuples are held to `tupleBoundProblems` instead of Ajv's strictTuples, for
 * every schema added: strictTuples accepts only closed tuples, and a
 * TypeScript tuple with a rest element (`[string, ...number[]]`) is open by
 * meaning, so no schema of it could pass.
 */
export function strictAjv(draft: JsonSchemaDraft = "07"): DraftAjv {
  const ajv = strictButTuplesAjv(draft);
  const addSchema = ajv.addSchema.bind(ajv);
  ajv.addSchema = (schema, ...rest) => {
    const problems = tupleBoundProblems(schema, draft);
    if (problems.length > 0) throw new Error(`strict tuples: ${problems.join("; ")}`);
    return addSchema(schema, ...rest);
  };
  return ajv;
}

/** Ajv in strict mode except for strictTuples, for a caller that applies `tupleBoundProblems` itself. */
export function strictButTuplesAjv(draft: JsonSchemaDraft = "07"): DraftAjv {
  const options = { strict: true, strictTuples: false, allErrors: true };
  const ajv = draft === "2020-12" ? new Ajv2020(options) : new Ajv(options);
  ajv.addKeyword({ keyword: "x-experimental", schemaType: "string" });
  addFormats.default(ajv);
  return ajv;
}

/**
 * Tuples that do not state their bounds, the mistake strictTuples guards
 * against: every tuple prefix (`items` array in draft-07, `prefixItems` in
 * 2020-12) needs `minItems`, at most its length (less where optional
 * elements come before a rest), and what may follow the prefix said
 * explicitly: nothing (`maxItems` equal to the length, or no further items)
 * or a rest schema.
 */
export function tupleBoundProblems(schema: unknown, draft: JsonSchemaDraft = "07"): string[] {
  const [prefixKeyword, restKeyword] = draft === "07" ? ["items", "additionalItems"] : ["prefixItems", "items"];
  const problems: string[] = [];
  for (const node of allObjects(schema)) {
    const prefix = node[prefixKeyword];
    if (!Array.isArray(prefix)) continue;
    const rest = node[restKeyword];
    const restStated = node.maxItems === prefix.length || rest === false || isObject(rest);
    const minStated = typeof node.minItems === "number" && node.minItems <= prefix.length;
    if (!minStated || !restStated) {
      problems.push(`${prefix.length}-tuple with minItems ${String(node.minItems)}, maxItems ${String(node.maxItems)}, ${restKeyword} ${JSON.stringify(rest)}`);
    }
  }
  return problems;
}

/**
 * Strict Ajv holding every schema of one audience's `json/` folder, each under
 * its relative path, so a per-type file's `../<bundle>.schemas.json#/…` resolves
 * as it does on disk. `ajv.getSchema("v2/Thread.json")` compiles one file.
 */
export function treeAjv(json: ReadonlyMap<string, string>, draft: JsonSchemaDraft = "07"): DraftAjv {
  const ajv = strictAjv(draft);
  for (const [file, text] of json) ajv.addSchema(JSON.parse(text) as object, file);
  return ajv;
}

/** The compiled validator of one file of a `treeAjv`; throws when a `$ref` does not resolve. */
export function fileValidator(ajv: DraftAjv, file: string) {
  const validate = ajv.getSchema(file);
  if (!validate) throw new Error(`${file} is not among the schemas`);
  return validate;
}

/**
 * Resolves `ref` as found in `file` of a folder of (parsed) schemas: the part
 * before `#` is a path relative to `file`'s folder (none: `file` itself), the
 * fragment a JSON Pointer. Undefined when the file or the pointer does not exist.
 */
export function resolveFileRef(documents: ReadonlyMap<string, unknown>, file: string, ref: string): unknown {
  const hash = ref.indexOf("#");
  const target = hash === 0 ? file : posix.join(posix.dirname(file), hash < 0 ? ref : ref.slice(0, hash));
  const document = documents.get(target);
  if (document === undefined) return undefined;
  const fragment = hash < 0 ? "#" : ref.slice(hash);
  return fragment === "#" ? document : resolveLocalRef(document, fragment);
}

/** Every `$ref` string anywhere inside `value`. */
export function collectRefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(collectRefs);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => (key === "$ref" && typeof child === "string" ? [child] : collectRefs(child)));
}

/** Resolves a local `#/…` reference (percent-decoded, then JSON Pointer unescaped); undefined when it does not resolve. */
export function resolveLocalRef(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as SchemaObject)[key];
  }
  return node;
}

/** `["v2", "Thread"]` → `#/definitions/v2/Thread` (`#/$defs/…` in 2020-12), escaped as the emitter escapes. */
export function definitionPointer(path: readonly string[], keyword: "definitions" | "$defs" = "definitions"): string {
  return `#/${keyword}/${path.map((key) => encodeURIComponent(key.replaceAll("~", "~0").replaceAll("/", "~1"))).join("/")}`;
}

function isObject(node: unknown): node is SchemaObject {
  return node !== null && typeof node === "object" && !Array.isArray(node);
}

/**
 * The shape of a schema as comparable facts, without following `$ref`:
 * `.a.b` a property path, `.a=…` a literal (const/enum) at a path, `.a->#/…` a
 * reference at a path. `[]` steps into array items, `{}` into map values;
 * union and intersection members share their parent's path. Counted, so that
 * removing one of two equal members shows.
 */
export function shapeFacts(schema: unknown): Map<string, number> {
  const facts = new Map<string, number>();
  const add = (fact: string) => facts.set(fact, (facts.get(fact) ?? 0) + 1);
  const walk = (node: unknown, at: string) => {
    if (!isObject(node)) return;
    if (typeof node.$ref === "string") add(`${at}->${node.$ref}`);
    if (Object.hasOwn(node, "const")) add(`${at}=${JSON.stringify(node.const)}`);
    if (Array.isArray(node.enum)) for (const value of node.enum) add(`${at}=${JSON.stringify(value)}`);
    if (isObject(node.properties)) {
      for (const [key, child] of Object.entries(node.properties)) {
        add(`${at}.${key}`);
        walk(child, `${at}.${key}`);
      }
    }
    if (Array.isArray(node.items)) node.items.forEach((item, index) => walk(item, `${at}[${index}]`));
    else if (Array.isArray(node.prefixItems)) node.prefixItems.forEach((item, index) => walk(item, `${at}[${index}]`));
    else walk(node.items, `${at}[]`);
    walk(node.additionalProperties, `${at}{}`);
    for (const keyword of ["anyOf", "allOf", "oneOf"]) {
      if (Array.isArray(node[keyword])) for (const member of node[keyword] as unknown[]) walk(member, at);
    }
  };
  walk(schema, "");
  return facts;
}

/**
 * The schemas of a dotted field ("settings.mode") inside `schema`, through
 * inline objects only: properties, array items, map values and union or
 * intersection members are entered, `$ref`s are not (the inventory names a
 * field by the declaration that writes it).
 */
export function fieldSchemas(schema: unknown, field: string): SchemaObject[] {
  let current: unknown[] = [schema];
  for (const segment of field.split(".")) {
    current = current.flatMap((node) => objectsAt(node)).flatMap((node) =>
      isObject(node.properties) && Object.hasOwn(node.properties, segment) ? [node.properties[segment]] : [],
    );
  }
  return current.filter(isObject);
}

/** The inline object schemas a value position can hold (entering unions, intersections, arrays and maps). */
function objectsAt(node: unknown): SchemaObject[] {
  if (!isObject(node)) return [];
  const found: SchemaObject[] = [node];
  for (const keyword of ["anyOf", "allOf", "oneOf"]) {
    if (Array.isArray(node[keyword])) found.push(...(node[keyword] as unknown[]).flatMap(objectsAt));
  }
  if (isObject(node.items)) found.push(...objectsAt(node.items));
  if (Array.isArray(node.items)) found.push(...node.items.flatMap(objectsAt));
  if (Array.isArray(node.prefixItems)) found.push(...node.prefixItems.flatMap(objectsAt));
  if (isObject(node.additionalProperties)) found.push(...objectsAt(node.additionalProperties));
  return found;
}

/** Every object inside `value` (itself included), depth first. */
export function allObjects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(allObjects);
  if (value === null || typeof value !== "object") return [];
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(allObjects)];
}
