import { compareStrings } from "../diagnostics/diagnostic.js";
import { buildGateTable } from "./gate-table.js";
import type { Inventory, InventoryEntry } from "./inventory-types.js";
import { jsonText } from "./json-text.js";
import { recordingFind, stillFound, type KeptLookups } from "./lookups.js";
import { memberLabel, methodsByType } from "./owners.js";
import { declarationsById } from "./walk.js";
import type { Declaration, Experimental, Method, Model, SourceLocation, TypeNode } from "./types.js";
import { forEachChild, type ChildVisitor } from "./visit.js";

const KIND_ORDER = { method: 0, type: 1, field: 2, member: 3 } as const;

/**
 * Every experimental element of the (unfiltered) model, plus the gate's lookup table. A pure fold.
 *
 * In `watch` most declarations and methods are the same objects run after
 * run (see `internModel`): their entries are kept by object (and so are
 * their texts, see `serializeInventory`), and when the entries come out as
 * last time they are not sorted again.
 */
export function buildInventory(model: Model): Inventory {
  const entries: InventoryEntry[] = [];
  const owners = methodsByType(model.methods);
  const byId = declarationsById(model);
  for (const method of model.methods) {
    if (method.experimental) entries.push(methodEntry(method, method.experimental));
  }
  for (const declaration of model.declarations) {
    const methods = owners.get(declaration.id);
    const owner = methods?.length === 1 ? methods[0]!.name : undefined;
    for (const entry of keptDeclarationEntries(declaration, owner, byId)) entries.push(entry);
  }
  return { entries: sortedEntries(entries), gate: buildGateTable(model) };
}

const methodEntries = new WeakMap<Method, InventoryEntry>();

function methodEntry(method: Method, experimental: Experimental): InventoryEntry {
  let entry = methodEntries.get(method);
  if (!entry) {
    entry = { kind: "method", reason: experimental.reason, method: method.name, location: at(method.location) };
    methodEntries.set(method, entry);
  }
  return entry;
}

/** A declaration's entries, with the method owning its fields and the declarations its member labels looked up. */
interface KeptEntries extends KeptLookups {
  readonly owner: string | undefined;
  readonly entries: readonly InventoryEntry[];
}

const keptEntries = new WeakMap<Declaration, KeptEntries>();

/** `declarationEntries`, reused while the declaration is the same object, its owner the same method name and what it looked up the same objects. */
function keptDeclarationEntries(
  declaration: Declaration,
  owner: string | undefined,
  byId: ReadonlyMap<string, Declaration>,
): readonly InventoryEntry[] {
  const kept = keptEntries.get(declaration);
  if (kept && kept.owner === owner && stillFound(kept, byId)) return kept.entries;
  const found = new Map<string, Declaration | undefined>();
  const entries = declarationEntries(declaration, owner, { get: recordingFind(byId, found) });
  keptEntries.set(declaration, { found, checkedIn: byId, owner, entries });
  return entries;
}

function declarationEntries(declaration: Declaration, owner: string | undefined, declarations: DeclarationLookup): InventoryEntry[] {
  const entries: InventoryEntry[] = [];
  if (declaration.experimental) {
    entries.push({ kind: "type", reason: declaration.experimental.reason, type: declaration.id, location: at(declaration.location) });
  }
  if (declaration.kind === "enum") {
    for (const member of declaration.members) {
      if (!member.experimental) continue;
      entries.push({
        kind: "member",
        reason: member.experimental.reason,
        type: declaration.id,
        member: member.name,
        location: at(member.location),
      });
    }
    return entries;
  }
  collectTypeEntries(declaration.type, declaration, owner === undefined ? {} : { method: owner }, declarations, entries);
  return entries;
}

/** The entries last sorted, in the order they were collected, and sorted. */
let lastSorted: { readonly collected: readonly InventoryEntry[]; readonly sorted: readonly InventoryEntry[] } | undefined;

/**
 * `collected` sorted; the list from last time when the same entries (the
 * same objects, or ones with the same text) were collected in the same order.
 */
function sortedEntries(collected: InventoryEntry[]): readonly InventoryEntry[] {
  const sorted = lastSorted && sameEntries(lastSorted.collected, collected) ? lastSorted.sorted : sortEntries([...collected]);
  lastSorted = { collected, sorted };
  return sorted;
}

function sameEntries(before: readonly InventoryEntry[], now: readonly InventoryEntry[]): boolean {
  if (before.length !== now.length) return false;
  return now.every((entry, index) => entry === before[index] || jsonText(entry) === jsonText(before[index]!));
}

function sortEntries(entries: InventoryEntry[]): InventoryEntry[] {
  return entries.sort(
    (a, b) =>
      compareStrings(a.reason, b.reason) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareStrings(a.location, b.location),
  );
}

/** How member labels look declarations up: through a finder that notes what it was asked. */
type DeclarationLookup = Pick<ReadonlyMap<string, Declaration>, "get">;

/** The experimental fields and union members inside one declaration's type; a field's path is the names leading to it. */
function collectTypeEntries(
  type: TypeNode,
  declaration: Declaration,
  owner: { method?: string },
  declarations: DeclarationLookup,
  entries: InventoryEntry[],
): void {
  const path: string[] = [];
  const walker: ChildVisitor = {
    type: (child) => forEachChild(child, walker),
    property(property) {
      path.push(property.name);
      if (property.experimental) {
        entries.push({
          kind: "field",
          reason: property.experimental.reason,
          ...owner,
          type: declaration.id,
          field: path.join("."),
          location: at(property.location),
        });
      }
      forEachChild(property.type, walker);
      path.pop();
    },
    member(member, index) {
      if (member.experimental) {
        const label = member.type.kind === "literal" ? JSON.stringify(member.type.value) : memberLabel(member.type, index, declarations);
        entries.push({
          kind: "member",
          reason: member.experimental.reason,
          type: declaration.id,
          member: label,
          location: at(member.location),
        });
      }
      forEachChild(member.type, walker);
    },
  };
  forEachChild(type, walker);
}

function at(location: SourceLocation): string {
  return `${location.file}:${location.line}`;
}
