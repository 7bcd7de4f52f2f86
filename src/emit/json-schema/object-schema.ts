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
  const properties = new Map<string, { schemas: JsonSchema[]; required: boolean }>();
  for (const property of parts.flatMap((part) => part.properties)) {
    const entry = properties.get(property.name) ?? { schemas: [], required: false };
    entry.schemas.push(withDocs(typeSchema(property.type, context), property.docs));
    entry.required ||= !property.optional;
    properties.set(property.name, entry);
  }
  const additional = parts.flatMap((part) => (part.additional ? [typeSchema(part.additional, context)] : []));
  const required = [...properties].filter(([, entry]) => entry.required).map(([name]) => name);
  return {
    type: "object",
    ...(properties.size > 0 && {
      properties: Object.fromEntries(
        [...properties].map(([name, { schemas }]) => [name, schemas.length === 1 ? schemas[0]! : { allOf: schemas }]),
      ),
    }),
    ...(required.length > 0 && { required }),
    additionalProperties: additional.length === 0 ? false : additional.length === 1 ? additional[0]! : { allOf: additional },
  };
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
