/** The draft-07 subset the emitter produces. Plain data; serialized in insertion order. */

export type JsonType = "string" | "number" | "boolean" | "object" | "array" | "null";
export type LiteralValue = string | number | boolean | null;

export interface JsonSchema {
  readonly $schema?: string;
  readonly title?: string;
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly default?: unknown;
  readonly $ref?: string;
  readonly type?: JsonType | readonly JsonType[];
  readonly const?: LiteralValue;
  readonly enum?: readonly LiteralValue[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly patternProperties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema | readonly JsonSchema[];
  readonly additionalItems?: boolean | JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly anyOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly not?: JsonSchema;
  readonly definitions?: Definitions;
}

/** `definitions`: declarations by name, namespaces nested by name. */
export interface Definitions {
  readonly [key: string]: JsonSchema | Definitions;
}

export const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

/**
 * The documented keyword order of every emitted schema object: identity and
 * docs first, then what constrains the value, then `definitions`.
 */
const KEYWORD_ORDER = [
  "$schema",
  "title",
  "description",
  "deprecated",
  "default",
  "$ref",
  "type",
  "const",
  "enum",
  "format",
  "pattern",
  "minimum",
  "maximum",
  "properties",
  "required",
  "patternProperties",
  "additionalProperties",
  "items",
  "additionalItems",
  "minItems",
  "maxItems",
  "anyOf",
  "allOf",
  "not",
  "definitions",
] as const satisfies readonly (keyof JsonSchema)[];

/** Fails to compile when a keyword of `JsonSchema` is missing from `KEYWORD_ORDER`. */
type EveryKeywordOrdered<Missing extends never> = Missing;
export type KeywordOrderIsComplete = EveryKeywordOrdered<Exclude<keyof JsonSchema, (typeof KEYWORD_ORDER)[number]>>;

/** A copy of `schema` with its keywords in `KEYWORD_ORDER` (shallow: subschemas are built ordered). */
export function orderKeywords(schema: JsonSchema): JsonSchema {
  const ordered: Record<string, unknown> = {};
  for (const keyword of KEYWORD_ORDER) {
    if (schema[keyword] !== undefined) ordered[keyword] = schema[keyword];
  }
  return ordered as JsonSchema;
}

/** Draft-07 ignores the siblings of `$ref`, so a reference that needs any is wrapped in `allOf`. */
export function withoutRefSiblings(schema: JsonSchema, siblings: JsonSchema): JsonSchema {
  const base = schema.$ref === undefined ? schema : { allOf: [schema] };
  return orderKeywords({ ...base, ...siblings });
}

/** Whether a `type` keyword admits `wanted`. */
export function admitsType(schema: JsonSchema, wanted: JsonType): boolean {
  const types = schema.type === undefined ? [] : typeof schema.type === "string" ? [schema.type] : schema.type;
  return types.includes(wanted);
}
