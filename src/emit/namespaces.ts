import type { Model } from "../model/types.js";
import { compareStrings } from "../diagnostics/diagnostic.js";

/** Folder segments under the input root; [] is the root namespace. */
export type Namespace = readonly string[];

/** Map key for a namespace ("" for the root). Folder names cannot contain "/". */
export function namespaceKey(namespace: Namespace): string {
  return namespace.join("/");
}

export function compareNamespaces(a: Namespace, b: Namespace): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareStrings(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** Every namespace holding a declaration, their ancestors and the root; sorted, parents first. */
export function listNamespaces(model: Model): Namespace[] {
  const found = new Map<string, Namespace>([["", []]]);
  for (const declaration of model.declarations) {
    for (let depth = 1; depth <= declaration.namespace.length; depth++) {
      const namespace = declaration.namespace.slice(0, depth);
      found.set(namespaceKey(namespace), namespace);
    }
  }
  return [...found.values()].sort(compareNamespaces);
}

export function isChildNamespace(child: Namespace, parent: Namespace): boolean {
  return child.length === parent.length + 1 && parent.every((segment, i) => child[i] === segment);
}

/**
 * The name under which each namespace appears inside its parent (`definitions.v2`,
 * `export type * as v2`). `toName` adapts a folder segment to the target language.
 * A namespace whose name equals a declaration name in its parent, or a sibling
 * namespace's name, gets "_ns" appended until it is unique; clashes are resolved
 * in namespace order, so the result does not depend on input order.
 * Keyed by `namespaceKey`; the root is absent.
 */
export function namespaceNames(model: Model, toName: (segment: string) => string): Map<string, string> {
  const namespaces = listNamespaces(model).filter((namespace) => namespace.length > 0);
  const taken = new Map<string, Set<string>>();
  const takenIn = (parent: Namespace): Set<string> => {
    const key = namespaceKey(parent);
    let names = taken.get(key);
    if (!names) taken.set(key, (names = new Set()));
    return names;
  };
  for (const declaration of model.declarations) takenIn(declaration.namespace).add(declaration.name);

  const names = new Map<string, string>();
  for (const namespace of namespaces) {
    const used = takenIn(namespace.slice(0, -1));
    let name = toName(namespace[namespace.length - 1]!);
    while (used.has(name)) name += "_ns";
    used.add(name);
    names.set(namespaceKey(namespace), name);
  }
  return names;
}
