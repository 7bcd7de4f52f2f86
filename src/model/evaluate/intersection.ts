import { mapShared } from "../../immutable.js";
import type { SourceLocation, TypeNode, UnionMember } from "../types.js";
import type { Env, Evaluator } from "./evaluator.js";
import { mergeViews, objectOf, objectView, type ObjectView } from "./keys.js";
import { distributionMembers, isNever, marked, NEVER, unionOf } from "./members.js";

type Intersection = Extract<TypeNode, { kind: "intersection" }>;

/**
 * `A & B` evaluated: a union member distributes (`(A | B) & C` is
 * `(A & C) | (B & C)`, marks kept), `never` absorbs, `unknown` and empty
 * objects beside a primitive vanish (`string & {}` is `string`, as is a
 * symbol-keyed brand), a literal beside its primitive stays the literal.
 * Intersections of objects stay intersections: the emitters flatten them.
 */
export function intersectionType(evaluator: Evaluator, type: Intersection, env: Env, quiet = false): TypeNode {
  const members = mapShared(type.members, (member) => evaluator.evaluate(member, env));
  const resolved = members.map((member) => (member.kind === "ref" ? evaluator.resolveSettled(member, type.location) : member));
  // `A & A` is `A`.
  if (resolved.length > 1 && resolved.every((member) => member === resolved[0])) return members[0]!;
  const unionAt = resolved.findIndex((member) => member.kind === "union" || (member.kind === "primitive" && member.name === "boolean"));
  if (resolved.some(isNever)) return NEVER;
  // `unknown & X` is `X`, whatever X is (`Error["data"] & { elicitations: … }` is the object).
  if (resolved.some(isUnknown) && !resolved.every(isUnknown)) {
    const known = members.filter((_, index) => !isUnknown(resolved[index]!));
    return known.length === 1 ? known[0]! : intersectionType(evaluator, { ...type, members: known }, env, quiet);
  }
  if (unionAt !== -1) {
    const union = resolved[unionAt]!;
    const choices: readonly UnionMember[] = union.kind === "union" ? union.members : [literalMember(true), literalMember(false)];
    return unionOf(
      choices.map((choice) => {
        const distributed: Intersection = { ...type, members: members.map((member, index) => (index === unionAt ? choice.type : member)) };
        return marked({ ...choice, type: intersectionType(evaluator, distributed, env, quiet) }, choice.experimental);
      }),
    );
  }
  const scalars = resolved.filter((member) => member.kind === "primitive" || member.kind === "literal");
  if (scalars.length > 0) return scalarIntersection(evaluator, type, resolved, scalars, quiet);
  if (resolved.some((member) => member.kind === "array" || member.kind === "tuple") && resolved.some((member) => member.kind !== "array" && member.kind !== "tuple")) {
    if (quiet) return NEVER;
  }
  const merged = mergedObject(evaluator, resolved, type.location);
  if (merged) return merged;
  const kept = members.filter((member, index) => !(resolved[index]!.kind === "primitive" && (resolved[index] as { name: string }).name === "unknown"));
  if (kept.length === 1) return kept[0]!;
  return members === type.members ? type : { ...type, members: kept };
}

/**
 * Objects whose merge means more than their parts side by side: a name
 * declared twice (its types intersected) or an index signature beside named
 * properties (which it constrains). Then one object, or `never` when a
 * literal-typed property has no value left (TypeScript reduces such an
 * intersection to `never`). Otherwise undefined: the intersection stays, and
 * the emitters flatten it, keeping its references.
 */
function mergedObject(evaluator: Evaluator, resolved: readonly TypeNode[], at: SourceLocation): TypeNode | undefined {
  const views: ObjectView[] = [];
  for (const member of resolved) {
    const view = member.kind === "ref" ? undefined : objectView(evaluator, member, at);
    if (!view) return undefined;
    views.push(view);
  }
  // A name declared again with the very same type (`Person & Base` where `Person` extends `Base`) needs no merge.
  const typeOf = new Map<string, TypeNode>();
  let shared = false;
  for (const property of views.flatMap((view) => view.properties)) {
    const known = typeOf.get(property.name);
    if (known === undefined) typeOf.set(property.name, property.type);
    else if (known !== property.type) shared = true;
  }
  const indexed = views.some((view) => view.additional) && typeOf.size > 0;
  if (!shared && !indexed) return undefined;
  const merged = mergeViews(evaluator, views, at);
  const unit = (type: TypeNode) => distributionMembers(evaluator.resolve(type, at)).every((member) => member.type.kind === "literal");
  const reduced = merged.properties.some((property) => {
    if (!isNever(property.type)) return false;
    const declared = views.flatMap((view) => view.properties.filter((candidate) => candidate.name === property.name));
    return declared.length > 1 && declared.some((candidate) => !isNever(candidate.type) && unit(candidate.type));
  });
  if (reduced) return NEVER;
  return objectOf(evaluator, merged.properties, merged.additional, at);
}

function isUnknown(type: TypeNode): boolean {
  return type.kind === "primitive" && type.name === "unknown";
}

function literalMember(value: boolean): UnionMember {
  return { type: { kind: "literal", value }, docs: { description: "", tags: {} }, location: { file: "", line: 0, column: 0 } };
}

/** A primitive or literal with other members: what remains is the most specific scalar, if the others admit it. */
function scalarIntersection(evaluator: Evaluator, type: Intersection, resolved: readonly TypeNode[], scalars: readonly TypeNode[], quiet: boolean): TypeNode {
  const others = resolved.filter((member) => !scalars.includes(member));
  const isEmptyObject = (member: TypeNode) => member.kind === "object" && member.properties.length === 0 && !member.additional;
  if (!others.every(isEmptyObject)) {
    if (quiet) return NEVER;
    return evaluator.report(
      "unsupported-construct",
      "an intersection of a primitive and an object with properties (a branded type) has no JSON value; brand with a `unique symbol` key, or use the primitive",
      type.location,
    );
  }
  const specific = scalars.filter((member) => !(member.kind === "primitive" && member.name === "unknown"));
  if (specific.length === 0) return scalars[0]!;
  const literal = specific.find((member) => member.kind === "literal");
  const chosen = literal ?? specific[0]!;
  const fits = specific.every((member) =>
    member === chosen ||
    (member.kind === "literal" && chosen.kind === "literal" && member.value === chosen.value) ||
    (member.kind === "primitive" && chosen.kind === "literal" && typeof chosen.value === member.name) ||
    (member.kind === "primitive" && chosen.kind === "primitive" && member.name === chosen.name),
  );
  return fits ? chosen : NEVER;
}
