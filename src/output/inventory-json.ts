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

function oneEntryPerLine(record: Readonly<Record<string, unknown>>): string {
  const lines = Object.entries(record).map(([key, value]) => `      ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return lines.length === 0 ? "{}" : `{\n${lines.join(",\n")}\n    }`;
}
