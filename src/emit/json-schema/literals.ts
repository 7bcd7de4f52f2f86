import type { Docs, Experimental } from "../../model/types.js";
import { hasDocs } from "../docs.js";
import { withDocs } from "./docs.js";
import type { JsonSchema, JsonType, LiteralValue } from "./schema.js";

export interface LiteralItem {
  readonly value: LiteralValue;
  readonly docs?: Docs;
  readonly experimental?: Experimental | undefined;
}

const NO_DOCS: Docs = { description: "", tags: {} };

export function jsonTypeOf(value: LiteralValue): JsonType {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "boolean";
  }
}

export function constSchema(value: LiteralValue): JsonSchema {
  return { type: jsonTypeOf(value), const: value };
}

/**
 * A set of literal values (an enum declaration, or a union of literals and null).
 * `{ type, enum }` when the values share one JSON type, plus null at most (the
 * only type arrays Ajv's strictTypes accepts); otherwise, or when a member carries
 * docs that would be lost in an `enum`, one `anyOf` branch per value.
 */
export function literalSetSchema(items: readonly LiteralItem[]): JsonSchema {
  if (items.length === 0) return { not: {} };
  let documented = false;
  let valueType: JsonType | undefined;
  let mixed = false;
  let nullable = false;
  for (const item of items) {
    documented ||= (item.docs !== undefined && hasDocs(item.docs)) || item.experimental !== undefined;
    const type = jsonTypeOf(item.value);
    if (type === "null") nullable = true;
    else if (valueType === undefined) valueType = type;
    else if (type !== valueType) mixed = true;
  }
  if (!documented && !mixed) {
    const type = valueType === undefined ? "null" : nullable ? [valueType, "null" as const] : valueType;
    return { type, enum: [...new Set(items.map((item) => item.value))] };
  }
  const branches = items.map((item) => {
    const schema = constSchema(item.value);
    return item.docs || item.experimental ? withDocs(schema, item.docs ?? NO_DOCS, item.experimental) : schema;
  });
  return branches.length === 1 ? branches[0]! : { anyOf: branches };
}
