import type { Docs } from "../../model/types.js";
import { hasDocs } from "../docs.js";
import { withDocs } from "./docs.js";
import type { JsonSchema, JsonType, LiteralValue } from "./schema.js";

export interface LiteralItem {
  readonly value: LiteralValue;
  readonly docs?: Docs;
}

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
  const documented = items.some((item) => item.docs !== undefined && hasDocs(item.docs));
  const types = [...new Set(items.map((item) => jsonTypeOf(item.value)))];
  const valueTypes = types.filter((type) => type !== "null");
  if (!documented && valueTypes.length <= 1) {
    const type = types.length === 1 ? types[0]! : [valueTypes[0]!, "null" as const];
    return { type, enum: [...new Set(items.map((item) => item.value))] };
  }
  const branches = items.map((item) => {
    const schema = constSchema(item.value);
    return item.docs ? withDocs(schema, item.docs) : schema;
  });
  return branches.length === 1 ? branches[0]! : { anyOf: branches };
}
