import { compareStrings } from "../diagnostics/diagnostic.js";
import { buildGateTable } from "./gate-table.js";
import type { Inventory, InventoryEntry } from "./inventory-types.js";
import { memberLabel, methodsByType } from "./owners.js";
import { declarationsById } from "./walk.js";
import type { Declaration, Model, SourceLocation, TypeNode } from "./types.js";
import { forEachChild, type ChildVisitor } from "./visit.js";

const KIND_ORDER = { method: 0, type: 1, field: 2, member: 3 } as const;

/** Every experimental element of the (unfiltered) model, plus the gate's lookup table. A pure fold. */
export function buildInventory(model: Model): Inventory {
  const entries: InventoryEntry[] = [];
  const owners = methodsByType(model.methods);
  const byId = declarationsById(model);
  for (const method of model.methods) {
    if (method.experimental) {
      entries.push({ kind: "method", reason: method.experimental.reason, method: method.name, location: at(method.location) });
    }
  }
  for (const declaration of model.declarations) {
    const methods = owners.get(declaration.id);
    const owner = methods?.length === 1 ? { method: methods[0]!.name } : {};
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
      continue;
    }
    collectTypeEntries(declaration.type, declaration, owner, byId, entries);
  }
  entries.sort(
    (a, b) =>
      compareStrings(a.reason, b.reason) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareStrings(a.location, b.location),
  );
  return { entries, gate: buildGateTable(model) };
}

/** The experimental fields and union members inside one declaration's type; a field's path is the names leading to it. */
function collectTypeEntries(
  type: TypeNode,
  declaration: Declaration,
  owner: { method?: string },
  byId: ReadonlyMap<string, Declaration>,
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
        const label = member.type.kind === "literal" ? JSON.stringify(member.type.value) : memberLabel(member.type, index, byId);
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
