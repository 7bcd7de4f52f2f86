import { GraphMemo } from "./graph.js";
import { indexType } from "./type-index.js";
import type { Declaration, Model, TypeNode } from "./types.js";
import { forEachChild, type ChildVisitor } from "./visit.js";

/** Calls `visit` on every type node inside `type`, depth first, the node itself first. */
export function walkType(type: TypeNode, visit: (node: TypeNode) => void): void {
  const walker: ChildVisitor = {
    type(node) {
      visit(node);
      forEachChild(node, walker);
    },
  };
  walker.type(type);
}

/** Ids of the declarations `type` refers to directly (repeats kept). */
export function referencedIds(type: TypeNode): readonly string[] {
  return indexType(type).ids;
}

/** Ids referenced directly by a declaration's body. */
export function declarationReferences(declaration: Declaration): readonly string[] {
  return declaration.kind === "alias" ? indexType(declaration.type).ids : [];
}

/** Every id reachable from `start` (included) by following `next`. */
export function closure(start: Iterable<string>, next: (id: string) => Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const following of next(id)) if (!seen.has(following)) stack.push(following);
  }
  return seen;
}

/** A model's declarations by id, made once per (immutable) model: most stages look ids up. */
export function declarationsById(model: Model): ReadonlyMap<string, Declaration> {
  let byId = byIdOf.get(model);
  if (!byId) byIdOf.set(model, (byId = new Map(model.declarations.map((declaration) => [declaration.id, declaration]))));
  return byId;
}

const byIdOf = new WeakMap<Model, ReadonlyMap<string, Declaration>>();

/** Transitive closure of declaration ids reachable from `start` (included). */
export function reachableIds(model: Model, start: Iterable<string>): Set<string> {
  const byId = declarationsById(model);
  return closure(start, (id) => {
    const declaration = byId.get(id);
    return declaration ? declarationReferences(declaration) : [];
  });
}

/** Ids referenced directly by the params and results of the model's methods. */
export function methodTypeIds(model: Model): string[] {
  return model.methods.flatMap((method) => [
    ...(method.params ? referencedIds(method.params) : []),
    ...(method.result ? referencedIds(method.result) : []),
  ]);
}

/** Every declaration a method's params or result reach, directly or not. Kept per reference graph: validation, filtering and emission all ask. */
export function reachedByMethods(model: Model): ReadonlySet<string> {
  return methodReach.get(model);
}

const methodReach = new GraphMemo((model): ReadonlySet<string> => reachableIds(model, methodTypeIds(model)));

/**
 * The roots of a model: declarations used directly by a method's params or
 * result, plus every declaration that no method reaches at all. Sorted.
 */
export function rootIds(model: Model): readonly string[] {
  return roots.get(model);
}

const roots = new GraphMemo(computeRootIds);

function computeRootIds(model: Model): readonly string[] {
  const reached = reachedByMethods(model);
  const roots = new Set(methodTypeIds(model));
  for (const declaration of model.declarations) {
    if (!reached.has(declaration.id)) roots.add(declaration.id);
  }
  return [...roots].sort();
}
