import { assertNever, unevaluated, type TypeNode } from "./types.js";

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
  if (!index) {
    const found: Found = { ids: [], stableRefs: [], experimentalRefs: [], stableUnions: [], intersections: [], experimentalParts: false };
    visit(type, true, found);
    indexes.set(type, (index = found));
  }
  return index;
}

type Found = { -readonly [K in keyof TypeIndex]: TypeIndex[K] extends readonly (infer T)[] ? T[] : TypeIndex[K] };

function visit(type: TypeNode, stable: boolean, found: Found): void {
  switch (type.kind) {
    case "primitive":
    case "literal":
      return;
    case "ref":
      found.ids.push(type.target);
      (stable ? found.stableRefs : found.experimentalRefs).push(type);
      return;
    case "array":
      return visit(type.element, stable, found);
    case "map":
      return visit(type.value, stable, found);
    case "tuple":
      for (const element of type.elements) visit(element, stable, found);
      if (type.rest) visit(type.rest, stable, found);
      return;
    case "intersection":
      found.intersections.push(type);
      for (const member of type.members) visit(member, stable, found);
      return;
    case "object":
      for (const property of type.properties) {
        if (property.experimental) found.experimentalParts = true;
        visit(property.type, stable && !property.experimental, found);
      }
      if (type.additional) visit(type.additional, stable, found);
      return;
    case "union":
      if (stable) found.stableUnions.push(type);
      for (const member of type.members) {
        if (member.experimental) found.experimentalParts = true;
        visit(member.type, stable && !member.experimental, found);
      }
      return;
    case "operator":
      return unevaluated(type);
    default:
      return assertNever(type);
  }
}
