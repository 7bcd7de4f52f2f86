import { setOwn, type Mutable } from "../../immutable.js";
import { objectParts, type ObjectPart } from "../../model/resolve.js";
import type { TypeNode } from "../../model/types.js";
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
  }
  if (repeated) for (const [name, list] of repeated) setOwn(properties, name, { allOf: list });
  const schema: Mutable<JsonSchema> = { type: "object" };
  if (count > 0) schema.properties = properties;
  // Declaration order, not the order in which parts made a name required.
  if (required) schema.required = repeated ? Object.keys(properties).filter((name) => required!.includes(name)) : required;
  schema.additionalProperties = additional === undefined ? false : additional.length === 1 ? additional[0]! : { allOf: additional };
  return schema;
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
