/** The JSON Schema subset the emitter produces (draft-07 or 2020-12, see `dialect.ts`). Plain data; serialized in insertion order. */

export type JsonType = "string" | "number" | "boolean" | "object" | "array" | "null";
export type LiteralValue = string | number | boolean | null;

export interface JsonSchema {
  readonly $schema?: string;
  readonly title?: string;
  readonly description?: string;
  readonly deprecated?: boolean;
  /** On experimental fields, members and declarations of the experimental audience: the reason. */
  readonly "x-experimental"?: string;
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
  readonly additionalProperties?: boolean | JsonSchema;
  /** 2020-12 tuples. */
  readonly prefixItems?: readonly JsonSchema[];
  /** A list only in draft-07 tuples; `false` closes a 2020-12 tuple after its `prefixItems`. */
  readonly items?: JsonSchema | readonly JsonSchema[] | false;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly anyOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly not?: JsonSchema;
  readonly definitions?: Definitions;
  readonly $defs?: Definitions;
}

/** `definitions`: declarations by name, namespaces nested by name. */
export interface Definitions {
  readonly [key: string]: JsonSchema | Definitions;
}

/**
 * The documented keyword order of every emitted schema object: identity and
 * docs first, then what constrains the value, then `definitions` (`$defs`).
 */
const KEYWORD_ORDER = [
  "$schema",
  "title",
  "description",
  "deprecated",
  "x-experimental",
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
  "additionalProperties",
  "prefixItems",
  "items",
  "minItems",
  "maxItems",
  "anyOf",
  "allOf",
  "not",
  "definitions",
  "$defs",
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

/** Draft-07 ignores the siblings of `$ref`, so a reference that needs any is wrapped in `allOf` (in 2020-12 too, for one shape). */
export function withoutRefSiblings(schema: JsonSchema, siblings: JsonSchema): JsonSchema {
  const base = schema.$ref === undefined ? schema : { allOf: [schema] };
  return orderKeywords({ ...base, ...siblings });
}

/** Whether a `type` keyword admits `wanted`. */
export function admitsType(schema: JsonSchema, wanted: JsonType): boolean {
  const types = schema.type === undefined ? [] : typeof schema.type === "string" ? [schema.type] : schema.type;
  return types.includes(wanted);
}
