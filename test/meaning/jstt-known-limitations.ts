import type { SchemaObject } from "../support/json-schema.js";
import type { SchemaRewrite } from "../support/jstt.js";

/**
 * Where json-schema-to-typescript (16.0.0) cannot derive a type equal to the
 * emitted one, for reasons of its own. Two kinds, both listed with a reason and
 * both failing the cross-check when stale (they no longer apply anywhere):
 *
 * - construct rewrites: a schema construct it renders wrongly is replaced,
 *   only where it occurs, by one it renders right, so the rest of the type is
 *   still compared;
 * - exclusions: a (subject, declaration) comparison that is not made to pass.
 *
 * Keep both lists as short as honest.
 */

export interface ConstructLimitation extends SchemaRewrite {
  readonly construct: string;
  readonly reason: string;
}

export interface KnownLimitation {
  /** "fixtures/<case>" or "generated"; a RegExp to match several. */
  readonly subject: string | RegExp;
  /** Declaration id ("v2.Thread"), or a RegExp over ids. */
  readonly type: string | RegExp;
  /** Which comparison it excuses: plain mutual assignability, the optional-property-strict one, or both. */
  readonly check: "mutual" | "deep" | "both";
  readonly reason: string;
}

// `x-experimental` is schemagate's annotation: the reason an element is experimental.
const ANNOTATIONS = new Set(["description", "deprecated", "x-experimental", "default", "title", "examples", "$comment"]);

export const CONSTRUCT_LIMITATIONS: readonly ConstructLimitation[] = [
  {
    construct: "the empty type ({ not: {} } for never)",
    reason:
      "A type no value belongs to (`Extract<string, \"a\">`, an optional field of type `never`) is `{ not: {} }`; " +
      "json-schema-to-typescript ignores `not` and declares an open object. Replaced by the TypeScript for no value (tsType), keeping the annotations.",
    matches: (schema) =>
      typeof schema.not === "object" && schema.not !== null && Object.keys(schema.not).length === 0 &&
      Object.keys(schema).every((key) => key === "not" || ANNOTATIONS.has(key)),
    rewrite: (schema) => ({ ...Object.fromEntries(Object.entries(schema).filter(([key]) => ANNOTATIONS.has(key))), tsType: "never" }),
  },
  {
    construct: "annotation-only schema ({ description } for unknown)",
    reason:
      "Draft-07 reads a schema with only annotations as 'any value' (the emitted `unknown`), but json-schema-to-typescript " +
      "treats only a key-less {} as any and declares anything else without a type as an open object `{ [k: string]: unknown }`. " +
      "Annotations never constrain a value, so they are dropped there.",
    matches: (schema) => Object.keys(schema).length > 0 && Object.keys(schema).every((key) => ANNOTATIONS.has(key)),
    rewrite: () => ({}),
  },
  {
    construct: "closed object without properties ({ type: object, additionalProperties: false })",
    reason:
      "The schema admits only `{}`; json-schema-to-typescript declares it as `interface X {}`, which admits every non-nullish value, " +
      "and has no way to say 'no keys'. Replaced by the TypeScript for 'no keys' (tsType), keeping the schema's annotations.",
    matches: (schema) =>
      schema.type === "object" &&
      schema.additionalProperties === false &&
      Object.keys((schema.properties as SchemaObject | undefined) ?? {}).length === 0 &&
      Object.keys(schema).every((key) => ["type", "additionalProperties", "properties", "required"].includes(key) || ANNOTATIONS.has(key)),
    rewrite: (schema) => ({
      ...Object.fromEntries(Object.entries(schema).filter(([key]) => ANNOTATIONS.has(key))),
      tsType: "{ [key: string]: never }",
    }),
  },
];

export const KNOWN_LIMITATIONS: readonly KnownLimitation[] = [
  {
    subject: /^fixtures\/operator-(template-literals?|evaluation-edges)$/,
    type: /^(Event|Flagged|ThreadMethod|Versioned|Shout|Title)$/,
    check: "both",
    reason:
      "A template literal type (or `Uppercase<string>`) is a string with a `pattern`; json-schema-to-typescript renders every " +
      "`pattern` string as `string`, which is wider than the template literal type schemagate emits.",
  },
  {
    subject: "fixtures/operator-template-index-signatures",
    type: /^(Extensions|Getters|HeaderName|Headers|Labels|PartialHeaders|Settings)$/,
    check: "both",
    reason:
      "An index signature keyed by a template literal type is `patternProperties`, which json-schema-to-typescript does not " +
      "render (the object becomes closed, or open to every key beside a string index), and its `keyof` is a `pattern` string, " +
      "which it renders as `string`. Which values the schemas admit is compared with TypeScript's checker by the fixture's " +
      "samples and test/property/operator-meaning.test.ts.",
  },
  {
    subject: /^fixtures\/operator-tuple(s-rest|-optional-element)$/,
    type: /^(Range|Point)$/,
    check: "both",
    reason:
      "A tuple with optional elements is the `anyOf` of its fixed-length tuples (what strict Ajv compiles); json-schema-to-typescript " +
      "renders it `[A] | [A, B]`, the same values as the emitted `[A, B?]`, but TypeScript does not relate a tuple with an optional " +
      "element to a union of fixed-length tuples.",
  },
  {
    subject: /^fixtures\/operator-(intersections|evaluation-edges)$/,
    type: /^(Labels|Limits)$/,
    check: "both",
    reason:
      "Named properties beside an index signature (`{ name: string; [key: string]: string }`): json-schema-to-typescript " +
      "widens the index signature to `string | undefined` when the object also has properties, so TypeScript finds the " +
      "derived type wider. Which values the schema admits is compared with TypeScript's checker by test/property/operator-meaning.test.ts.",
  },
];
