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

/** At most this many preimages are tried per value (a union at each of many depths multiplies them). */
const MAX_PREIMAGES = 32;

/**
 * The values TypeScript might have written as `value`: for each way of
 * choosing one branch of each `anyOf`/`oneOf` on the way down, `value` with
 * `UNDEFINED` for every property that branch names and the value lacks (an
 * `allOf` names all its parts' properties). TypeScript accepting any of them
 * gives the JSON value a preimage.
 */
export function preimagesOf(bundle: SchemaObject, schema: unknown, value: unknown): unknown[] {
  if (value === null || typeof value !== "object") return [value];
  const candidates: unknown[] = [];
  for (const branch of branches(bundle, schema, new Set())) {
    if (Array.isArray(value)) {
      const items = value.map((item, index) => preimagesOf(bundle, { allOf: branch.flatMap((node) => itemSchemas(node, index)) }, item));
      candidates.push(...combinations(items));
    } else {
      const entries = Object.entries(value).map(([key, item]) => [key, preimagesOf(bundle, { allOf: branch.flatMap((node) => propertySchemas(node, key)) }, item)] as const);
      const named = new Set(branch.flatMap((node) => Object.keys(asObject(node.properties) ?? {})));
      for (const chosen of combinations(entries.map(([, options]) => options))) {
        const filled: Record<string, unknown> = {};
        entries.forEach(([key], index) => (filled[key] = chosen[index]));
        for (const name of named) if (!Object.hasOwn(filled, name)) filled[name] = UNDEFINED;
        candidates.push(filled);
      }
    }
    if (candidates.length >= MAX_PREIMAGES) break;
  }
  if (candidates.length === 0) return [value];
  // Branches that name the same properties give the same preimage: one of each keeps the product of many small.
  const unique = new Map(candidates.map((candidate) => [sampleLiteral(candidate), candidate]));
  return [...unique.values()].slice(0, MAX_PREIMAGES);
}

/** One choice from each list, up to `MAX_PREIMAGES` of them. */
function combinations(lists: readonly (readonly unknown[])[]): unknown[][] {
  let result: unknown[][] = [[]];
  for (const options of lists) {
    result = result.flatMap((prefix) => options.map((option) => [...prefix, option])).slice(0, MAX_PREIMAGES);
  }
  return result;
}

/**
 * The ways a value may be checked against `schema`: each a list of schema
 * objects that all apply (`$ref`s followed, `allOf` parts together), one per
 * choice of `anyOf`/`oneOf` branch.
 */
function branches(bundle: SchemaObject, schema: unknown, seen: Set<unknown>): SchemaObject[][] {
  const node = asObject(schema);
  if (!node || seen.has(node)) return [[]];
  const inner = new Set(seen).add(node);
  let result: SchemaObject[][] = [[node]];
  const conjoin = (choices: SchemaObject[][]) => {
    result = result.flatMap((left) => choices.map((right) => [...left, ...right])).slice(0, MAX_PREIMAGES);
  };
  if (typeof node.$ref === "string") conjoin(branches(bundle, resolveLocalRef(bundle, node.$ref), inner));
  if (Array.isArray(node.allOf)) for (const part of node.allOf as unknown[]) conjoin(branches(bundle, part, inner));
  for (const keyword of ["anyOf", "oneOf"]) {
    if (Array.isArray(node[keyword])) conjoin((node[keyword] as unknown[]).flatMap((member) => branches(bundle, member, inner)));
  }
  return result;
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
