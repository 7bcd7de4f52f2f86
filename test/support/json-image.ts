import { resolveLocalRef, type SchemaObject } from "./json-schema.js";

/**
 * JSON has no `undefined`: `JSON.stringify({ a: undefined })` is `{}`. So a
 * property TypeScript declares `a: T | undefined` (required, but allowed to
 * hold `undefined`) may be missing from a message a valid value was written
 * as, and the emitted schema rightly leaves it optional. To ask TypeScript
 * whether a JSON value is the image of a value of the type, the value is
 * written again with `undefined` for each property the schema names at that
 * place and the value leaves out. When TypeScript accepts that, the JSON
 * value has a preimage; when it rejects it, the disagreement stands.
 */

/** Stands for `undefined` in a sample: `sampleLiteral` writes it as `undefined`, `JSON.stringify` drops it. */
export const UNDEFINED = Symbol("undefined");

/** The TypeScript literal of a sample value, `UNDEFINED` written as `undefined`. */
export function sampleLiteral(value: unknown): string {
  if (value === UNDEFINED) return "undefined";
  if (Array.isArray(value)) return `[${value.map(sampleLiteral).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{ ${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${sampleLiteral(item)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

/** `value` with `UNDEFINED` for every property that the schemas describing it name and it lacks, at every depth. */
export function withMissingUndefined(bundle: SchemaObject, schema: unknown, value: unknown): unknown {
  const nodes = alternatives(bundle, schema, new Set());
  if (Array.isArray(value)) return value.map((item, index) => withMissingUndefined(bundle, { anyOf: nodes.flatMap((node) => itemSchemas(node, index)) }, item));
  if (value === null || typeof value !== "object") return value;
  const filled: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    filled[key] = withMissingUndefined(bundle, { anyOf: nodes.flatMap((node) => propertySchemas(node, key)) }, item);
  }
  for (const node of nodes) {
    for (const name of Object.keys(asObject(node.properties) ?? {})) if (!Object.hasOwn(filled, name)) filled[name] = UNDEFINED;
  }
  return filled;
}

/** The schema objects a value may be checked against here: `$ref`s followed, `anyOf`/`oneOf`/`allOf` flattened. */
function alternatives(bundle: SchemaObject, schema: unknown, seen: Set<unknown>): SchemaObject[] {
  const node = asObject(schema);
  if (!node || seen.has(node)) return [];
  seen.add(node);
  const found: SchemaObject[] = [node];
  if (typeof node.$ref === "string") found.push(...alternatives(bundle, resolveLocalRef(bundle, node.$ref), seen));
  for (const keyword of ["anyOf", "oneOf", "allOf"]) {
    if (Array.isArray(node[keyword])) for (const member of node[keyword] as unknown[]) found.push(...alternatives(bundle, member, seen));
  }
  return found;
}

function propertySchemas(node: SchemaObject, key: string): unknown[] {
  const properties = asObject(node.properties);
  if (properties && Object.hasOwn(properties, key)) return [properties[key]];
  const patterns = Object.entries(asObject(node.patternProperties) ?? {}).filter(([pattern]) => new RegExp(pattern, "u").test(key));
  return [...patterns.map(([, schema]) => schema), ...(asObject(node.additionalProperties) ? [node.additionalProperties] : [])];
}

function itemSchemas(node: SchemaObject, index: number): unknown[] {
  const prefix = Array.isArray(node.prefixItems) ? node.prefixItems : Array.isArray(node.items) ? node.items : undefined;
  if (prefix && index < prefix.length) return [prefix[index]];
  const rest = Array.isArray(node.prefixItems) ? node.items : Array.isArray(node.items) ? node.additionalItems : node.items;
  return asObject(rest) ? [rest] : [];
}

function asObject(value: unknown): SchemaObject | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as SchemaObject) : undefined;
}
