import type { Inventory, InventoryEntry } from "../model/inventory-types.js";
import { jsonText } from "../model/json-text.js";
import { joinText, TextPieces } from "./file-text.js";

/**
 * The text of `experimental-inventory.json`: the entries reviewers read are
 * indented like every other artifact; the gate table has one method or type
 * per line, so a change to one type is one changed line, and the file stays a
 * fraction of the size on large protocols (where most types lead to something
 * experimental and their pruned shapes nest deeply).
 *
 * `buildInventory` hands out the same entry list and gate tables while they
 * are unchanged (`watch`), so each part's text is kept by object.
 */
export function serializeInventory(inventory: Inventory): string {
  return joinText(inventoryText(inventory));
}

/**
 * The same text in pieces (see `FileText`), as `write` hands it to the disk:
 * the file is megabytes on large protocols, and joining it would copy all of
 * it into fresh memory each run.
 */
export function inventoryText(inventory: Inventory): TextPieces {
  const { entries, gate } = inventory;
  if (lastText && lastText.entries === entries && lastText.methods === gate.methods && lastText.types === gate.types) return lastText.text;
  const text = new TextPieces([
    `{\n  "entries": `,
    ...entriesPieces(entries),
    `,\n  "gate": {\n    "methods": `,
    oneEntryPerLine(gate.methods),
    `,\n    "types": `,
    oneEntryPerLine(gate.types),
    "\n  }\n}\n",
  ]);
  lastText = { entries, methods: gate.methods, types: gate.types, text };
  return text;
}

/** The text last made, with the parts it was made of: a run that changed nothing in the inventory gets it back. */
let lastText:
  | { readonly entries: Inventory["entries"]; readonly methods: Inventory["gate"]["methods"]; readonly types: Inventory["gate"]["types"]; readonly text: TextPieces }
  | undefined;

/**
 * `JSON.stringify(entries, null, 2)` as it reads one level in, its lines
 * indented two more spaces, in pieces: each entry's text (after the first,
 * with the comma before it) is kept by entry object and laid out as
 * `JSON.stringify` lays out an array.
 */
function entriesPieces(entries: readonly InventoryEntry[]): string[] {
  if (entries.length === 0) return ["[]"];
  const pieces = ["[\n    "];
  entries.forEach((entry, index) => pieces.push(index === 0 ? entryText(entry) : laterEntryText(entry)));
  pieces.push("\n  ]");
  return pieces;
}

const laterEntryTexts = new WeakMap<InventoryEntry, string>();

function laterEntryText(entry: InventoryEntry): string {
  let text = laterEntryTexts.get(entry);
  if (text === undefined) laterEntryTexts.set(entry, (text = `,\n    ${entryText(entry)}`));
  return text;
}

/** One entry as an element of the entries array: its lines indented four spaces past the first. */
function entryText(entry: InventoryEntry): string {
  return keptText(entry, (value) => JSON.stringify(value, null, 2).replaceAll("\n", "\n    "));
}

/** Texts kept by object: entries and gate tables are immutable and handed out again while unchanged. */
const partTexts = new WeakMap<object, string>();

function keptText<T extends object>(part: T, make: (part: T) => string): string {
  let text = partTexts.get(part);
  if (text === undefined) partTexts.set(part, (text = make(part)));
  return text;
}

function oneEntryPerLine(record: Readonly<Record<string, object>>): string {
  return keptText(record, (table) => {
    const lines = Object.entries(table).map(([key, value]) => `      ${JSON.stringify(key)}: ${jsonText(value)}`);
    return lines.length === 0 ? "{}" : `{\n${lines.join(",\n")}\n    }`;
  });
}
