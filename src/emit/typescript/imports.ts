import type { Declaration } from "../../model/types.js";
import { declarationReferences } from "../../model/walk.js";
import { compareStrings } from "../../diagnostics/diagnostic.js";
import type { DeclarationLookup } from "../lookup.js";
import { freshName, toIdentifier } from "./identifiers.js";
import { importSpecifier } from "./paths.js";

export interface ImportPlan {
  /** Local name of every declaration the file refers to, itself included. */
  readonly localNames: ReadonlyMap<string, string>;
  /** `import type` lines sorted by module specifier. */
  readonly lines: readonly string[];
}

/**
 * Imports for `declaration`'s file. Names are kept as declared; when two imports
 * share a name, or one shares the file's own name, the one from the file's own
 * namespace keeps it and the others are aliased `<namespace>_<Name>` (`root_Name`
 * for the root namespace), numbered if that is taken too. Aliases are given in id
 * order, so the result depends only on the model.
 */
export function planImports(declaration: Declaration, lookup: DeclarationLookup): ImportPlan {
  const targets = [...new Set(declarationReferences(declaration))]
    .filter((id) => id !== declaration.id)
    .sort()
    .map((id) => lookup.get(id));

  const nameCounts = new Map<string, number>();
  for (const target of targets) nameCounts.set(target.name, (nameCounts.get(target.name) ?? 0) + 1);
  const keepsName = (target: Declaration): boolean =>
    target.name !== declaration.name &&
    (nameCounts.get(target.name) === 1 || sameNamespace(target, declaration));

  const localNames = new Map<string, string>([[declaration.id, declaration.name]]);
  const used = new Set<string>([declaration.name]);
  for (const target of targets.filter(keepsName)) {
    localNames.set(target.id, target.name);
    used.add(target.name);
  }
  for (const target of targets.filter((target) => !keepsName(target))) {
    const prefix = target.namespace.length === 0 ? "root" : toIdentifier(target.namespace.join("_"));
    const alias = freshName(`${prefix}_${target.name}`, used);
    localNames.set(target.id, alias);
    used.add(alias);
  }

  const lines = targets
    .map((target) => {
      const local = localNames.get(target.id)!;
      const binding = local === target.name ? local : `${target.name} as ${local}`;
      return { specifier: importSpecifier(declaration.namespace, target), binding };
    })
    .sort((a, b) => compareStrings(a.specifier, b.specifier))
    .map(({ specifier, binding }) => `import type { ${binding} } from ${JSON.stringify(specifier)};`);
  return { localNames, lines };
}

function sameNamespace(a: Declaration, b: Declaration): boolean {
  return a.namespace.length === b.namespace.length && a.namespace.every((segment, i) => b.namespace[i] === segment);
}
