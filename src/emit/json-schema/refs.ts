import { mapShared, setOwn, type Mutable } from "../../immutable.js";
import { serializeJson } from "../../output/serialize.js";
import type { JsonSchema } from "./schema.js";

/**
 * `schema` with every `$ref` replaced by `rewrite(ref)`, following only the
 * keywords that hold schemas (never `default`, `const` or `enum` values).
 * Subschemas without references are shared with the input, not copied.
 */
export function rewriteRefs(schema: JsonSchema, rewrite: (ref: string) => string): JsonSchema {
  let changed: Mutable<JsonSchema> | undefined;
  const set = <K extends keyof JsonSchema>(key: K, value: JsonSchema[K]) => {
    changed ??= { ...schema };
    changed[key] = value;
  };
  if (schema.$ref !== undefined) set("$ref", rewrite(schema.$ref));
  if (schema.properties) {
    const properties = rewriteMap(schema.properties, rewrite);
    if (properties !== schema.properties) set("properties", properties);
  }
  if (schema.patternProperties) {
    const patterns = rewriteMap(schema.patternProperties, rewrite);
    if (patterns !== schema.patternProperties) set("patternProperties", patterns);
  }
  if (typeof schema.additionalItems === "object") {
    const additional = rewriteRefs(schema.additionalItems, rewrite);
    if (additional !== schema.additionalItems) set("additionalItems", additional);
  }
  if (typeof schema.additionalProperties === "object") {
    const additional = rewriteRefs(schema.additionalProperties, rewrite);
    if (additional !== schema.additionalProperties) set("additionalProperties", additional);
  }
  if (schema.items) {
    const items = Array.isArray(schema.items)
      ? rewriteList(schema.items as readonly JsonSchema[], rewrite)
      : rewriteRefs(schema.items as JsonSchema, rewrite);
    if (items !== schema.items) set("items", items);
  }
  for (const key of ["prefixItems", "anyOf", "allOf"] as const) {
    const list = schema[key];
    if (!list) continue;
    const rewritten = rewriteList(list, rewrite);
    if (rewritten !== list) set(key, rewritten);
  }
  if (schema.not) {
    const not = rewriteRefs(schema.not, rewrite);
    if (not !== schema.not) set("not", not);
  }
  return changed ?? schema;
}

function rewriteList(list: readonly JsonSchema[], rewrite: (ref: string) => string): readonly JsonSchema[] {
  return mapShared(list, (item) => rewriteRefs(item, rewrite));
}

/** Copied from the first key whose schema changes; `setOwn` keeps a property named `__proto__` a property. */
function rewriteMap(map: Readonly<Record<string, JsonSchema>>, rewrite: (ref: string) => string): Readonly<Record<string, JsonSchema>> {
  const keys = Object.keys(map);
  let copy: Record<string, JsonSchema> | undefined;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const value = map[key]!;
    const rewritten = rewriteRefs(value, rewrite);
    if (!copy && rewritten !== value) {
      copy = {};
      for (const earlier of keys.slice(0, index)) setOwn(copy, earlier, map[earlier]!);
    }
    if (copy) setOwn(copy, key, rewritten);
  }
  return copy ?? map;
}

/** A `$ref` keyword in `serializeJson` output, with the (JSON-escaped) pointer it holds. */
const REF_TEXT = /"\$ref": "((?:[^"\\]|\\.)*)"/g;

/**
 * `serializeJson(value)` with every `$ref` replaced by `rewrite(ref)`, without
 * copying the schemas to rewrite them. Done on the text, which is exact here:
 * string values escape their quotes and `const` and `enum` hold primitives, so
 * `"$ref": "` only ever starts a reference, except inside an object or array
 * `default`. A text holding one of those is made from `rewritten()` instead, the
 * value with its schemas rewritten by `rewriteRefs`.
 */
export function serializeRewritingRefs(
  value: unknown,
  rewrite: (ref: string) => string,
  rewritten: () => unknown,
  /** Another JSON text of the value's (indented, without the newline: see `jsonTextAt`). */
  serialize: (value: unknown) => string = serializeJson,
): string {
  return onRefText(value, rewritten, serialize, (text) =>
    text.replace(REF_TEXT, (_, escaped: string) => {
      const ref = escaped.includes("\\") ? (JSON.parse(`"${escaped}"`) as string) : escaped;
      return `"$ref": ${JSON.stringify(rewrite(ref))}`;
    }),
  );
}

/** `serializeRewritingRefs` for the common rewrite that puts `prefix` before every pointer. */
export function serializePrefixingRefs(value: unknown, prefix: string, rewritten: () => unknown): string {
  const prefixed = `"$ref": ${JSON.stringify(prefix).slice(0, -1)}`;
  return onRefText(value, rewritten, serializeJson, (text) => text.replaceAll('"$ref": "', () => prefixed));
}

function onRefText(value: unknown, rewritten: () => unknown, serialize: (value: unknown) => string, rewriteText: (text: string) => string): string {
  const text = serialize(value);
  if (text.includes('"default": {') || text.includes('"default": [')) return serialize(rewritten());
  return rewriteText(text);
}
