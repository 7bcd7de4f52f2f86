import type { Declaration, Model } from "../model/types.js";
import { declarationsById, reachedByMethods } from "../model/walk.js";
import type { ChangeList } from "./report.js";

/**
 * What TypeScript users import: the stable declarations by id. A declaration
 * gone from head with one of the same shape new in head is a rename (the wire
 * is the same, imports break); gone without one, it is removed. New
 * declarations that no method reaches are listed as additions.
 * Returns the renames, base id → head id, so the wire comparison pairs them.
 */
export function compareDeclarations(baseStable: Model, headStable: Model, head: Model, changes: ChangeList): Map<string, string> {
  const baseById = declarationsById(baseStable);
  const headById = declarationsById(headStable);
  const removed = baseStable.declarations.filter((declaration) => !headById.has(declaration.id));
  const added = headStable.declarations.filter((declaration) => !baseById.has(declaration.id));
  const addedByShape = new Map<string, Declaration[]>();
  for (const declaration of added) {
    const shape = shapeOf(declaration);
    addedByShape.set(shape, [...(addedByShape.get(shape) ?? []), declaration]);
  }
  const renamed = new Map<string, string>();
  const renamedTo = new Set<string>();
  for (const was of removed) {
    const now = addedByShape.get(shapeOf(was))?.find((candidate) => !renamedTo.has(candidate.id));
    if (now) {
      renamed.set(was.id, now.id);
      renamedTo.add(now.id);
      const at = { path: `${was.id} → ${now.id}`, target: was.id, base: was.location, head: now.location };
      changes.add("type-renamed", "surface", at, "head", `${was.id} was renamed to ${now.id} with the same shape`);
      continue;
    }
    const experimental = declarationsById(head).get(was.id)?.experimental ? " (it is now experimental)" : "";
    const at = { path: was.id, target: was.id, base: was.location, head: was.location };
    changes.add("type-removed", "surface", at, "base", `${was.id} is no longer in the stable output${experimental}`);
  }
  const reached = reachedByMethods(headStable);
  for (const now of added) {
    if (renamedTo.has(now.id) || reached.has(now.id)) continue;
    const at = { path: now.id, target: now.id, base: now.location, head: now.location };
    changes.add("type-added", "surface", at, "head", `${now.id} was added`);
  }
  return renamed;
}

/** A declaration's kind and body without names, docs or locations: equal shapes mean equal wire. */
function shapeOf(declaration: Declaration): string {
  const body = declaration.kind === "alias" ? declaration.type : declaration.members.map((member) => [member.name, member.value]);
  return `${declaration.kind}:${JSON.stringify(body, (key, value) => (key === "docs" || key === "location" ? undefined : value))}`;
}
