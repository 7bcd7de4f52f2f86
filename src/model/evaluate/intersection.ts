import { mapShared } from "../../immutable.js";
import type { TypeNode, UnionMember } from "../types.js";
import type { Env, Evaluator } from "./evaluator.js";
import { isNever, marked, NEVER, unionOf } from "./members.js";

type Intersection = Extract<TypeNode, { kind: "intersection" }>;

/**
 * `A & B` evaluated: a union member distributes (`(A | B) & C` is
 * `(A & C) | (B & C)`, marks kept), `never` absorbs, `unknown` and empty
 * objects beside a primitive vanish (`string & {}` is `string`, as is a
 * symbol-keyed brand), a literal beside its primitive stays the literal.
 * Intersections of objects stay intersections: the emitters flatten them.
 */
export function intersectionType(evaluator: Evaluator, type: Intersection, env: Env): TypeNode {
  const members = mapShared(type.members, (member) => evaluator.evaluate(member, env));
  const resolved = members.map((member) => (member.kind === "ref" ? evaluator.resolveSettled(member, type.location) : member));
  const unionAt = resolved.findIndex((member) => member.kind === "union" || (member.kind === "primitive" && member.name === "boolean"));
  if (resolved.some(isNever)) return NEVER;
  if (unionAt !== -1) {
    const union = resolved[unionAt]!;
    const choices: readonly UnionMember[] = union.kind === "union" ? union.members : [literalMember(true), literalMember(false)];
    return unionOf(
      choices.map((choice) => {
        const distributed: Intersection = { ...type, members: members.map((member, index) => (index === unionAt ? choice.type : member)) };
        return marked({ ...choice, type: intersectionType(evaluator, distributed, env) }, choice.experimental);
      }),
    );
  }
  const scalars = resolved.filter((member) => member.kind === "primitive" || member.kind === "literal");
  if (scalars.length > 0) return scalarIntersection(evaluator, type, resolved, scalars);
  const kept = members.filter((member, index) => !(resolved[index]!.kind === "primitive" && (resolved[index] as { name: string }).name === "unknown"));
  if (kept.length === 1) return kept[0]!;
  return members === type.members ? type : { ...type, members: kept };
}

function literalMember(value: boolean): UnionMember {
  return { type: { kind: "literal", value }, docs: { description: "", tags: {} }, location: { file: "", line: 0, column: 0 } };
}

/** A primitive or literal with other members: what remains is the most specific scalar, if the others admit it. */
function scalarIntersection(evaluator: Evaluator, type: Intersection, resolved: readonly TypeNode[], scalars: readonly TypeNode[]): TypeNode {
  const others = resolved.filter((member) => !scalars.includes(member));
  const isEmptyObject = (member: TypeNode) => member.kind === "object" && member.properties.length === 0 && !member.additional;
  if (!others.every(isEmptyObject)) {
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
