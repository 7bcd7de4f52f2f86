import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { recordingFind, stillFound, type KeptLookups } from "./lookups.js";
import type { FindDeclaration } from "./resolve.js";
import { declarationsById } from "./walk.js";
import type { Declaration, Model, TypeNode } from "./types.js";

type RefNode = Extract<TypeNode, { kind: "ref" }>;

const NO_REFS: readonly RefNode[] = [];

/**
 * Aliases that stand for themselves: a cycle of references through unions,
 * intersections and other aliases alone. TypeScript rejects them (TS2456:
 * "Type alias circularly references itself") and a JSON Schema validator
 * following their `$ref`s never reaches a type. A cycle that passes through
 * an object field, array, tuple or map is ordinary recursion and is fine
 * (`type Json = string | Json[]`). One diagnostic per alias on a cycle, at its
 * reference into the cycle.
 */
export function aliasCycles(model: Model): Diagnostic[] {
  const byId = declarationsById(model);
  const edges = new Map<string, readonly RefNode[]>();
  // Most declarations are objects and refer to no alias eagerly: only the others can be on a cycle.
  for (const declaration of model.declarations) {
    if (declaration.kind !== "alias") continue;
    const refs = keptEagerAliasRefs(declaration, byId);
    if (refs.length > 0) edges.set(declaration.id, refs);
  }
  const diagnostics: Diagnostic[] = [];
  for (const cycle of cyclicComponents(edges)) {
    const members = new Set(cycle);
    const names = cycle.map((id) => `"${byId.get(id)!.name}"`);
    const who = names.length === 1 ? `${names[0]} refers to itself` : `${listed(names)} refer to each other`;
    const message =
      `${who} with no object, array or tuple in between, which TypeScript rejects (TS2456) and a JSON Schema validator cannot evaluate; ` +
      "put the recursion inside an object field or an array, such as `type Tree = string | Tree[]`";
    for (const id of cycle) {
      const into = edges.get(id)!.find((ref) => members.has(ref.target))!;
      diagnostics.push(createDiagnostic("circular-alias", message, into.location));
    }
  }
  return diagnostics;
}

/** An alias's eager references with the declarations finding them looked up. */
interface KeptRefs extends KeptLookups {
  readonly refs: readonly RefNode[];
}

const keptRefs = new WeakMap<Declaration, KeptRefs>();

/** `eagerAliasRefs` of an alias, reused while it and the declarations it named are the same objects (across runs of `watch`). */
function keptEagerAliasRefs(declaration: Extract<Declaration, { kind: "alias" }>, byId: ReadonlyMap<string, Declaration>): readonly RefNode[] {
  if (!mayReferEagerly(declaration.type)) return NO_REFS;
  const kept = keptRefs.get(declaration);
  if (kept && stillFound(kept, byId)) return kept.refs;
  const found = new Map<string, Declaration | undefined>();
  const refs = eagerAliasRefs(declaration.type, recordingFind(byId, found));
  keptRefs.set(declaration, { found, checkedIn: byId, refs });
  return refs;
}

/** Only a reference, union or intersection at the top can name an alias eagerly; most declarations are objects. */
function mayReferEagerly(type: TypeNode): boolean {
  return type.kind === "union" || type.kind === "intersection" || type.kind === "ref";
}

/** References to aliases that TypeScript resolves at once: union and intersection members, not inside objects, arrays, tuples or maps. */
function eagerAliasRefs(type: TypeNode, find: FindDeclaration): readonly RefNode[] {
  const refs: RefNode[] = [];
  const pending: TypeNode[] = [type];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.kind === "union") for (const member of node.members) pending.push(member.type);
    else if (node.kind === "intersection") pending.push(...node.members);
    else if (node.kind === "ref" && find(node.target)?.kind === "alias") refs.push(node);
  }
  return refs;
}

/**
 * The strongly connected components of the graph that hold a cycle (several
 * ids, or one that refers to itself), each sorted, in id order. Tarjan's
 * algorithm with an explicit stack: alias chains can be longer than the call stack.
 */
function cyclicComponents(edges: ReadonlyMap<string, readonly RefNode[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of [...edges.keys()].sort()) {
    if (index.has(root)) continue;
    const frames: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const targets = edges.get(frame.id)!;
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!.target;
        if (!edges.has(target)) continue; // refers to no alias eagerly: on no cycle
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          frames.push({ id: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      let id: string;
      do {
        id = stack.pop()!;
        onStack.delete(id);
        component.push(id);
      } while (id !== frame.id);
      const selfLoop = edges.get(frame.id)!.some((ref) => ref.target === frame.id);
      if (component.length > 1 || selfLoop) components.push(component.sort());
    }
  }
  return components.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

function listed(names: readonly string[]): string {
  return names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
