import type { Inventory } from "../model/inventory-types.js";

/**
 * The text of `experimental-inventory.json`: the entries reviewers read are
 * indented like every other artifact; the gate table has one method or type
 * per line, so a change to one type is one changed line, and the file stays a
 * fraction of the size on large protocols (where most types lead to something
 * experimental and their pruned shapes nest deeply).
 */
export function serializeInventory(inventory: Inventory): string {
  const entries = JSON.stringify(inventory.entries, null, 2).replaceAll("\n", "\n  ");
  return [
    "{",
    `  "entries": ${entries},`,
    `  "gate": {`,
    `    "methods": ${oneEntryPerLine(inventory.gate.methods)},`,
    `    "types": ${oneEntryPerLine(inventory.gate.types)}`,
    "  }",
    "}",
    "",
  ].join("\n");
}

function oneEntryPerLine(record: Readonly<Record<string, object>>): string {
  const lines = Object.entries(record).map(([key, value]) => `      ${JSON.stringify(key)}: ${compactJson(value)}`);
  return lines.length === 0 ? "{}" : `{\n${lines.join(",\n")}\n    }`;
}

/** Gate shapes are kept across runs of one process while what they describe is unchanged (see `buildGateTable`), and so are their texts. */
const compactTexts = new WeakMap<object, string>();

function compactJson(value: object): string {
  let text = compactTexts.get(value);
  if (text === undefined) compactTexts.set(value, (text = JSON.stringify(value)));
  return text;
}
