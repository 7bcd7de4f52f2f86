import type { Mutable } from "../../immutable.js";
import { assertNever, unevaluated, type Declaration, type PrimitiveName, type TypeNode, type UnionMember } from "../../model/types.js";
import { visitType, type TypeVisitor } from "../../model/visit.js";
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
  return visitType(type, SCHEMAS, context);
}

const SCHEMAS: TypeVisitor<JsonSchema, [SchemaContext]> = {
  primitive: (type) => (type.format === undefined && type.pattern === undefined ? primitiveSchema(type.name) : constrainedString(type)),
  literal: (type) => constSchema(type.value),
  ref: (type, context) => ({ $ref: context.ref(type.target) }),
  array: (type, context) => ({ type: "array", items: typeSchema(type.element, context) }),
  tuple: tupleSchema,
  map: (type, context) => ({ type: "object", additionalProperties: typeSchema(type.value, context) }),
  object: (type, context) => closedObjectSchema([type], context),
  union: (type, context) => unionSchema(type.members, context),
  intersection: intersectionSchema,
  operator: unevaluated,
};

/** Schemas are never changed once made, so the primitive ones are shared. */
const PRIMITIVE_SCHEMAS: Readonly<Record<PrimitiveName, JsonSchema>> = {
  string: { type: "string" },
  number: { type: "number" },
  boolean: { type: "boolean" },
  null: { type: "null" },
  unknown: {},
  // Not `type: ["object", "array"]`: strict Ajv (strictTypes) refuses union types other than `[T, "null"]`.
  object: { anyOf: [{ type: "object" }, { type: "array" }] },
};

/** A string with the `format` or `pattern` that `Date` or a template literal type gives it. */
function constrainedString(type: Extract<TypeNode, { kind: "primitive" }>): JsonSchema {
  const schema: Mutable<JsonSchema> = { type: "string" };
  if (type.format !== undefined) schema.format = type.format;
  if (type.pattern !== undefined) schema.pattern = type.pattern;
  return schema;
}

function primitiveSchema(name: PrimitiveName): JsonSchema {
  return PRIMITIVE_SCHEMAS[name];
}

/**
 * Ajv's strictTuples accepts only full tuples (`items` as long as `minItems`
 * and `maxItems` in draft-07; `prefixItems` with `items: false` in 2020-12);
 * draft-07 forbids an empty `items` array. So a tuple with optional elements
 * is the `anyOf` of its lengths, each a full tuple. A rest element types the
 * elements after the others (`additionalItems` in draft-07, `items` after
 * `prefixItems` in 2020-12), which strictTuples refuses: no schema of either
 * draft types the elements after a prefix otherwise. Without a prefix it is an array.
 */
function tupleSchema(type: Extract<TypeNode, { kind: "tuple" }>, context: SchemaContext): JsonSchema {
  const { elements, rest } = type;
  const required = type.required ?? elements.length;
  if (elements.length === 0) return rest ? { type: "array", items: typeSchema(rest, context) } : { type: "array", maxItems: 0 };
  const items = elements.map((element) => typeSchema(element, context));
  if (rest) {
    const after = typeSchema(rest, context);
    return context.dialect.tuples === "prefixItems"
      ? { type: "array", prefixItems: items, items: after, minItems: required }
      : { type: "array", items, minItems: required, additionalItems: after };
  }
  if (required === items.length) return fullTuple(items, context);
  const lengths: JsonSchema[] = [];
  for (let length = required; length <= items.length; length++) {
    lengths.push(length === 0 ? { type: "array", maxItems: 0 } : fullTuple(items.slice(0, length), context));
  }
  return { anyOf: lengths };
}

function fullTuple(items: readonly JsonSchema[], context: SchemaContext): JsonSchema {
  if (context.dialect.tuples === "prefixItems") return { type: "array", prefixItems: items, items: false, minItems: items.length };
  return { type: "array", items, minItems: items.length, maxItems: items.length };
}

/**
 * Literals (and null) become an enum; undocumented primitives without a pattern
 * or format a `type` (one type, or one type plus null); anything else, including `X | null`, an `anyOf` in
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
    if (type.kind !== "primitive" || type.pattern !== undefined || type.format !== undefined) primitivesOnly = false;
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
