import { setOwn, type Mutable } from "../../immutable.js";
import type { Property, TypeNode } from "../../model/types.js";
import { withDocs } from "./docs.js";
import type { JsonSchema } from "./schema.js";
import { typeSchema, type SchemaContext } from "./type-schema.js";

/** Named properties plus what the other keys may hold: one object, map, or inlined alias. */
interface ObjectPart {
  readonly properties: readonly Property[];
  readonly additional?: TypeNode | undefined;
}

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
  const parts = objectParts(type, context, new Set());
  return parts ? closedObjectSchema(parts, context) : { allOf: type.members.map((member) => typeSchema(member, context)) };
}

function objectParts(type: TypeNode, context: SchemaContext, inlining: ReadonlySet<string>): ObjectPart[] | undefined {
  switch (type.kind) {
    case "object":
      return [type];
    case "map":
      return [{ properties: [], additional: type.value }];
    case "intersection": {
      const parts: ObjectPart[] = [];
      for (const member of type.members) {
        const memberParts = objectParts(member, context, inlining);
        if (!memberParts) return undefined;
        parts.push(...memberParts);
      }
      return parts;
    }
    case "ref": {
      const declaration = context.lookup.get(type.target);
      if (declaration.kind !== "alias" || inlining.has(declaration.id)) return undefined;
      return objectParts(declaration.type, context, new Set([...inlining, declaration.id]));
    }
    default:
      return undefined;
  }
}
