import { assertNever, type Declaration, type PrimitiveName, type TypeNode, type UnionMember } from "../../model/types.js";
import { hasDocs } from "../docs.js";
import type { DeclarationLookup } from "../lookup.js";
import { flattenUnion } from "../union.js";
import { withDocs } from "./docs.js";
import { constSchema, literalSetSchema } from "./literals.js";
import { closedObjectSchema, intersectionSchema } from "./object-schema.js";
import type { Dialect } from "./dialect.js";
import type { JsonSchema, JsonType } from "./schema.js";

export interface SchemaContext {
  readonly lookup: DeclarationLookup;
  readonly dialect: Dialect;
  /** The `$ref` string for a declaration id (the caller may record the reference). */
  readonly ref: (id: string) => string;
}

/** The schema of a declaration, its docs applied. */
export function declarationSchema(declaration: Declaration, context: SchemaContext): JsonSchema {
  switch (declaration.kind) {
    case "alias":
      return withDocs(typeSchema(declaration.type, context), declaration.docs, declaration.experimental);
    case "enum":
      return withDocs(
        literalSetSchema(declaration.members.map((member) => ({ value: member.value, docs: member.docs, experimental: member.experimental }))),
        declaration.docs,
        declaration.experimental,
      );
    default:
      return assertNever(declaration);
  }
}

export function typeSchema(type: TypeNode, context: SchemaContext): JsonSchema {
  switch (type.kind) {
    case "primitive":
      return primitiveSchema(type.name);
    case "literal":
      return constSchema(type.value);
    case "ref":
      return { $ref: context.ref(type.target) };
    case "array":
      return { type: "array", items: typeSchema(type.element, context) };
    case "tuple":
      return tupleSchema(type.elements, context);
    case "map":
      return { type: "object", additionalProperties: typeSchema(type.value, context) };
    case "object":
      return closedObjectSchema([type], context);
    case "union":
      return unionSchema(type.members, context);
    case "intersection":
      return intersectionSchema(type, context);
    default:
      return assertNever(type);
  }
}

/** Schemas are never changed once made, so the primitive ones are shared. */
const PRIMITIVE_SCHEMAS: Readonly<Record<PrimitiveName, JsonSchema>> = {
  string: { type: "string" },
  number: { type: "number" },
  boolean: { type: "boolean" },
  null: { type: "null" },
  unknown: {},
};

function primitiveSchema(name: PrimitiveName): JsonSchema {
  return PRIMITIVE_SCHEMAS[name];
}

/**
 * Fixed length: Ajv's strictTuples wants `minItems` and `maxItems` (draft-07) or
 * `items: false` (2020-12); draft-07 forbids an empty `items` array.
 */
function tupleSchema(elements: readonly TypeNode[], context: SchemaContext): JsonSchema {
  if (elements.length === 0) return { type: "array", maxItems: 0 };
  const items = elements.map((element) => typeSchema(element, context));
  if (context.dialect.tuples === "prefixItems") return { type: "array", prefixItems: items, items: false, minItems: items.length };
  return { type: "array", items, minItems: items.length, maxItems: items.length };
}

/**
 * Literals (and null) become an enum; undocumented primitives a `type` (one type,
 * or one type plus null); anything else, including `X | null`, an `anyOf` in
 * member order. `unknown` absorbs the whole union.
 */
function unionSchema(members: readonly UnionMember[], context: SchemaContext): JsonSchema {
  const flat = flattenUnion(members);
  let literalsOnly = true;
  let primitivesOnly = true;
  let documented = false;
  for (const { type, docs, experimental } of flat) {
    if (type.kind === "primitive" && type.name === "unknown") return {};
    if (type.kind !== "literal" && !(type.kind === "primitive" && type.name === "null")) literalsOnly = false;
    if (type.kind !== "primitive") primitivesOnly = false;
    documented ||= hasDocs(docs) || experimental !== undefined;
  }
  if (flat.length === 1) return withDocs(typeSchema(flat[0]!.type, context), flat[0]!.docs, flat[0]!.experimental);
  // Also the empty union, which nothing satisfies.
  if (literalsOnly) {
    return literalSetSchema(flat.map(({ type, docs, experimental }) => ({ value: type.kind === "literal" ? type.value : null, docs, experimental })));
  }
  if (primitivesOnly && !documented) {
    const types = new Set(flat.map(({ type }) => (type as Extract<TypeNode, { kind: "primitive" }>).name as JsonType));
    if (types.size === 1) return { type: [...types][0]! };
    if (types.size === 2 && types.has("null")) return { type: [[...types].find((type) => type !== "null")!, "null"] };
  }
  return { anyOf: flat.map(({ type, docs, experimental }) => withDocs(typeSchema(type, context), docs, experimental)) };
}
