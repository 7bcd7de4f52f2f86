import { unevaluated, type Property, type TypeNode, type UnionMember } from "./types.js";
import { forEachChild, type ChildVisitor } from "./visit.js";

type RefNode = Extract<TypeNode, { kind: "ref" }>;
type UnionNode = Extract<TypeNode, { kind: "union" }>;
type IntersectionNode = Extract<TypeNode, { kind: "intersection" }>;

/**
 * The nodes of a type that the model stages ask about, found in one walk.
 * A position is stable when no experimental field or union member encloses it.
 */
export interface TypeIndex {
  /** Ids of every reference, in walk order (repeats kept). */
  readonly ids: readonly string[];
  readonly stableRefs: readonly RefNode[];
  /** References inside an experimental field or member. */
  readonly experimentalRefs: readonly RefNode[];
  readonly stableUnions: readonly UnionNode[];
  readonly intersections: readonly IntersectionNode[];
  /** Whether any field or union member is marked experimental. */
  readonly experimentalParts: boolean;
}

/** Types are immutable and shared between stages (and audiences), so each is indexed once. */
const indexes = new WeakMap<TypeNode, TypeIndex>();

/** Validation, root finding, filtering and emission all ask about the same declarations. */
export function indexType(type: TypeNode): TypeIndex {
  let index = indexes.get(type);
  if (!index) indexes.set(type, (index = collect(type)));
  return index;
}

type Collected = { -readonly [K in keyof TypeIndex]: TypeIndex[K] extends readonly (infer T)[] ? T[] : TypeIndex[K] };

/** One walk; `stable` turns false below an experimental field or member and back on the way out. */
function collect(type: TypeNode): Collected {
  const found: Collected = { ids: [], stableRefs: [], experimentalRefs: [], stableUnions: [], intersections: [], experimentalParts: false };
  let stable = true;
  const held = (holder: Property | UnionMember): void => {
    if (!holder.experimental) return visit(holder.type);
    found.experimentalParts = true;
    const enclosing = stable;
    stable = false;
    visit(holder.type);
    stable = enclosing;
  };
  const walker: ChildVisitor = { type: visit, property: held, member: held };
  function visit(node: TypeNode): void {
    switch (node.kind) {
      case "ref":
        found.ids.push(node.target);
        (stable ? found.stableRefs : found.experimentalRefs).push(node);
        return;
      case "union":
        if (stable) found.stableUnions.push(node);
        break;
      case "intersection":
        found.intersections.push(node);
        break;
      case "operator":
        // Every stage after evaluation indexes the types it reads, so an operator left behind is caught here.
        return unevaluated(node);
      default:
        break;
    }
    forEachChild(node, walker);
  }
  visit(type);
  return found;
}
