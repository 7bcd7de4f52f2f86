import type { Docs, Experimental } from "../../model/types.js";
import { hasDocs } from "../docs.js";
import { admitsType, withoutRefSiblings, type JsonSchema } from "./schema.js";

/**
 * `schema` with the keywords `docs` carries: `description`, `deprecated: true`,
 * and the tags `@default` (JSON when it parses, else the raw text), `@format`,
 * `@pattern`, `@minimum`, `@maximum`. Type-specific tags are kept only where the
 * schema's own `type` admits them: Ajv's strict mode rejects them elsewhere, and
 * the validator reports such misplaced tags. A `$ref` is wrapped in `allOf` first.
 * An experimental element (only the experimental audience has any) gets
 * `x-experimental` with its reason.
 */
export function withDocs(schema: JsonSchema, docs: Docs, experimental?: Experimental): JsonSchema {
  if (!hasDocs(docs) && !experimental) return schema;
  const keywords: Record<string, unknown> = {};
  if (docs.description !== "") keywords.description = docs.description;
  if (docs.deprecated !== undefined) keywords.deprecated = true;
  if (experimental) keywords["x-experimental"] = experimental.reason;
  const { default: defaultText, format, pattern, minimum, maximum } = docs.tags;
  if (defaultText !== undefined) keywords.default = parseDefault(defaultText);
  if (admitsType(schema, "string")) {
    if (format !== undefined) keywords.format = format;
    if (pattern !== undefined) keywords.pattern = pattern;
  }
  if (admitsType(schema, "number")) {
    const bounds = { minimum, maximum };
    for (const [keyword, text] of Object.entries(bounds)) {
      const value = text === undefined || text.trim() === "" ? Number.NaN : Number(text);
      if (Number.isFinite(value)) keywords[keyword] = value;
    }
  }
  return Object.keys(keywords).length === 0 ? schema : withoutRefSiblings(schema, keywords);
}

function parseDefault(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
