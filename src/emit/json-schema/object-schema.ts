import { setOwn, type Mutable } from "../../immutable.js";
import { objectParts, type ObjectPart } from "../../model/resolve.js";
import { escapeRegExp, patternKey, patternMatches } from "../../model/patterns.js";
import type { PatternIndex, TypeNode } from "../../model/types.js";
import { withDocs } from "./docs.js";
import type { JsonSchema } from "./schema.js";
import { typeSchema, type SchemaContext } from "./type-schema.js";

/**
 * A closed object: `additionalProperties: false` unless a part declares extra
 * keys, so a stable schema rejects fields that exist only in experimental.
 * Properties keep declaration order; a name declared by several parts gets the
 * `allOf` of its schemas and is required when any part requires it.
 */
export function closedObjectSchema(parts: readonly ObjectPart[], context: SchemaContext): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  let required: string[] | undefined;
  let additional: JsonSchema[] | undefined;
  let patterns: PatternIndex[] | undefined;
  // Names more than one part declares, with every part's schema in order; rare, so made only when needed.
  let repeated: Map<string, JsonSchema[]> | undefined;
  let count = 0;
  for (const part of parts) {
    for (const property of part.properties) {
      const { name } = property;
      const schema = withDocs(typeSchema(property.type, context), property.docs, property.experimental);
      if (!Object.hasOwn(properties, name)) {
        setOwn(properties, name, schema);
        count++;
        if (!property.optional) (required ??= []).push(name);
        continue;
      }
      repeated ??= new Map();
      const list = repeated.get(name);
      if (list) list.push(schema);
      else repeated.set(name, [properties[name]!, schema]);
      if (!property.optional && !required?.includes(name)) (required ??= []).push(name);
    }
    if (part.additional) (additional ??= []).push(typeSchema(part.additional, context));
    for (const index of part.patterns ?? []) (patterns ??= []).push(index);
  }
  if (repeated) for (const [name, list] of repeated) setOwn(properties, name, { allOf: list });
  const schema: Mutable<JsonSchema> = { type: "object" };
  if (count > 0) schema.properties = properties;
  // Declaration order, not the order in which parts made a name required.
  if (required) schema.required = repeated ? Object.keys(properties).filter((name) => required!.includes(name)) : required;
  if (patterns) schema.patternProperties = patternSchemas(patterns, Object.keys(properties), context);
  schema.additionalProperties = additional === undefined ? false : additional.length === 1 ? additional[0]! : { allOf: additional };
  return schema;
}

/**
 * `patternProperties` of template literal keys, in declaration order; a key
 * several parts declare gets the `allOf` of its schemas. A named property
 * already holds what the patterns matching its name require (evaluation
 * intersects them, TypeScript checks declared ones), so each pattern leaves
 * out the names it matches: JSON Schema would apply both, and strict Ajv
 * refuses a property that a pattern also matches.
 */
function patternSchemas(patterns: readonly PatternIndex[], names: readonly string[], context: SchemaContext): Record<string, JsonSchema> {
  const schemas = new Map<string, JsonSchema[]>();
  for (const index of patterns) {
    const key = patternKey(index).pattern;
    const schema = typeSchema(index.value, context);
    const same = schemas.get(key);
    if (same) same.push(schema);
    else schemas.set(key, [schema]);
  }
  const result: Record<string, JsonSchema> = {};
  for (const [pattern, list] of schemas) {
    const matched = names.filter((name) => patternMatches(pattern, name));
    setOwn(result, withoutNames(pattern, matched), list.length === 1 ? list[0]! : { allOf: list });
  }
  return result;
}

/** An anchored pattern that no longer matches `names`: a lookahead in front of it. */
function withoutNames(pattern: string, names: readonly string[]): string {
  if (names.length === 0) return pattern;
  return `^(?!(?:${names.map(escapeRegExp).join("|")})$)${pattern.slice(1)}`;
}

/**
 * An intersection flattened into one closed object; members that name alias
 * declarations are inlined. When a member is not an object (the validator
 * reports that), the fallback is `allOf`, which closed objects make unsatisfiable.
 */
export function intersectionSchema(type: Extract<TypeNode, { kind: "intersection" }>, context: SchemaContext): JsonSchema {
  const { parts, problems } = objectParts(type, (id) => context.lookup.get(id));
  return problems.length === 0 ? closedObjectSchema(parts, context) : { allOf: type.members.map((member) => typeSchema(member, context)) };
}
