/** The JSON Schema drafts the emitter writes, and what differs between them. */

export const JSON_SCHEMA_DRAFTS = ["07", "2020-12"] as const;
export type JsonSchemaDraft = (typeof JSON_SCHEMA_DRAFTS)[number];

export interface Dialect {
  /** The `$schema` URI every file names. */
  readonly uri: string;
  /** Where a bundle keeps its definitions: `definitions` (draft-07) or `$defs` (2020-12). */
  readonly definitions: "definitions" | "$defs";
  /** Tuples: `items` as a list (draft-07), or `prefixItems` with `items: false` (2020-12). */
  readonly tuples: "items" | "prefixItems";
}

export const DIALECTS = {
  "07": { uri: "http://json-schema.org/draft-07/schema#", definitions: "definitions", tuples: "items" },
  "2020-12": { uri: "https://json-schema.org/draft/2020-12/schema", definitions: "$defs", tuples: "prefixItems" },
} as const satisfies Record<JsonSchemaDraft, Dialect>;
