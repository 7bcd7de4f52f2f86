import { mapShared } from "../../immutable.js";
import type { SourceLocation, TypeNode, UnionMember } from "../types.js";
import type { Env, Evaluator } from "./evaluator.js";
import { mergeViews, objectOf, objectView, type ObjectView } from "./keys.js";
import { patternMatches } from "../patterns.js";
import { distributionMembers, isAnyButNull, isNever, isNull, isUndefined, isUnknown, marked, NEVER, unionOf } from "./members.js";

type Intersection = Extract<TypeNode, { kind: "intersection" }>;

/**
 * `A & B` evaluated: a union member distributes (`(A | B) & C` is
 * `(A & C) | (B & C)`, marks kept), `never` absorbs, `unknown` and empty
 * objects beside a primitive vanish (`string & {}` is `string`, as is a
 * symbol-keyed brand), a literal beside its primitive stays the literal.
 * Intersections of objects stay intersections: the emitters flatten them.
 */
export function intersectionType(evaluator: Evaluator, type: Intersection, env: Env, quiet = false): TypeNode {
  evaluator.spend();
  const members = mapShared(type.members, (member) => evaluator.evaluate(member, env));
  const resolved = members.map((member) => (member.kind === "ref" ? evaluator.resolveSettled(member, type.location) : member));
  // `A & A` is `A`.
  if (resolved.length > 1 && resolved.every((member) => member === resolved[0])) return members[0]!;
  if (resolved.some(isNever)) return NEVER;
  if (resolved.some(isAnyButNull)) {
    const others = members.filter((_, index) => !isAnyButNull(resolved[index]!));
    if (others.length === 0) return resolved[0]!;
    const rest = others.length === 1 ? evaluator.resolve(others[0]!, type.location) : intersectionType(evaluator, { ...type, members: others }, env, quiet);
    return rest.kind === "union" ? unionOf(rest.members.filter((member) => !isNull(evaluator.resolve(member.type, type.location)))) : isNull(rest) ? NEVER : rest;
  }
  // `undefined` meets nothing but itself and `unknown`: `(string | undefined) & Base` is `string & Base`.
  if (resolved.some(isUndefined) && resolved.some((member) => !isUndefined(member) && !isUnknown(member))) return NEVER;
  const scalarSets = resolved.map((member) => scalarSet(evaluator, member, type.location));
  if (scalarSets.every((set) => set !== undefined)) return intersectScalarSets(scalarSets as ScalarSet[]);
  const unionAt = resolved.findIndex((member) => member.kind === "union" || (member.kind === "primitive" && member.name === "boolean"));
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
  const listLike = (member: TypeNode) => member.kind === "array" || member.kind === "tuple";
  if (resolved.every(listLike)) return listIntersection(evaluator, resolved as ListNode[], type.location);
  if (quiet && resolved.some(listLike)) return NEVER;
  const merged = mergedObject(evaluator, resolved, type.location);
  if (merged) return merged;
  const kept = members.filter((member, index) => !(resolved[index]!.kind === "primitive" && (resolved[index] as { name: string }).name === "unknown"));
  if (kept.length === 1) return kept[0]!;
  return members === type.members ? type : { ...type, members: kept };
}

/**
 * Objects whose merge means more than their parts side by side: a name
 * declared twice (its types intersected), an index signature beside named
 * properties (which it constrains), or one keyed by a template literal type. Then one object, or `never` when a
 * required literal-typed property has no value left (TypeScript reduces such
 * an intersection to `never`). Otherwise undefined: the intersection stays, and
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
  const indexCount = views.filter((view) => view.additional).length;
  // Two index signatures intersect their values, which may be narrower than both read side by side (`Flags & 1` is `never`).
  const indexed = (indexCount > 0 && typeOf.size > 0) || indexCount > 1;
  // A template literal key constrains what any other member gives the keys it matches: named properties and `string`'s.
  const patterned = views.some((view) => view.patterns && view.patterns.length > 0);
  if (!shared && !indexed && !patterned) return undefined;
  const merged = mergeViews(evaluator, views, at);
  const kinds = (type: TypeNode) => distributionMembers(evaluator.resolve(type, at)).map((member) => member.type.kind);
  const unit = (type: TypeNode) => kinds(type).every((kind) => kind === "literal");
  const scalar = (type: TypeNode) => kinds(type).every((kind) => kind === "literal" || kind === "primitive");
  // TypeScript's rule: a required property, declared more than once and never as `never`, with a unit type in one
  // declaration, and no value left. A literal beside an object is a branded type to TypeScript, not `never`: only the
  // scalar declarations count, and they must leave no value among themselves.
  const reduced = merged.properties.some((property) => {
    if (property.optional || !isNever(property.type)) return false;
    const declared = views.flatMap((view) => view.properties.filter((candidate) => candidate.name === property.name));
    if (declared.length < 2 || declared.some((candidate) => isNever(candidate.type))) return false;
    const scalars = declared.filter((candidate) => scalar(candidate.type));
    if (!scalars.some((candidate) => unit(candidate.type))) return false;
    return scalars.length === declared.length || (scalars.length > 1 && isNever(evaluator.intersect(scalars.map((candidate) => candidate.type), at)));
  });
  if (reduced) return NEVER;
  return objectOf(evaluator, merged.properties, merged.additional, at, { stringKeys: merged.stringKeys, patterns: merged.patterns });
}

type ListNode = Extract<TypeNode, { kind: "array" | "tuple" }>;

/**
 * Arrays and tuples intersected as the sets of JSON arrays they accept: a
 * value must have at least the most required elements and at most the
 * fewest any list allows, and each position is the intersection of every
 * list's type there (a prefix element, or the rest; an array is all rest).
 * A position none can fill ends the list there, or leaves nothing when it
 * is required.
 */
function listIntersection(evaluator: Evaluator, lists: readonly ListNode[], at: SourceLocation): TypeNode {
  const restOf = (list: ListNode): TypeNode | undefined => (list.kind === "array" ? list.element : list.rest);
  const prefixOf = (list: ListNode): readonly TypeNode[] => (list.kind === "array" ? [] : list.elements);
  const typeAt = (list: ListNode, index: number): TypeNode => prefixOf(list)[index] ?? restOf(list)!;
  if (lists.every((list) => list.kind === "array")) return { kind: "array", element: evaluator.intersect(lists.map(restOf) as TypeNode[], at) };
  const required = Math.max(...lists.map((list) => (list.kind === "array" ? 0 : (list.required ?? list.elements.length))));
  const closed = lists.filter((list) => restOf(list) === undefined);
  const longest = Math.max(...lists.map((list) => prefixOf(list).length));
  let length = closed.length > 0 ? Math.min(...closed.map((list) => prefixOf(list).length)) : longest;
  if (required > length) return NEVER;
  const elements: TypeNode[] = [];
  for (let index = 0; index < length; index++) {
    const element = evaluator.intersect(lists.map((list) => typeAt(list, index)), at);
    if (isNever(element)) {
      if (index < required) return NEVER;
      length = index;
      break;
    }
    elements.push(element);
  }
  const open = closed.length === 0 && length === longest;
  const rest = open ? evaluator.intersect(lists.map(restOf) as TypeNode[], at) : undefined;
  return {
    kind: "tuple",
    elements,
    ...(required < elements.length ? { required } : {}),
    ...(rest !== undefined && !isNever(rest) ? { rest } : {}),
  };
}

/** A union of literals and unconstrained primitives (members kept, for their marks), or undefined for anything else. */
type ScalarSet = readonly UnionMember[];

function scalarSet(evaluator: Evaluator, type: TypeNode, at: SourceLocation): ScalarSet | undefined {
  const members = type.kind === "union" ? type.members : [{ type, docs: { description: "", tags: {} }, location: at }];
  const flat: UnionMember[] = [];
  for (const member of members) {
    const resolved = member.type.kind === "ref" ? evaluator.resolveSettled(member.type, at) : member.type;
    if (resolved.kind === "literal") flat.push(resolved === member.type ? member : { ...member, type: resolved });
    else if (resolved.kind === "primitive" && resolved.pattern === undefined && resolved.format === undefined && resolved.name !== "unknown" && resolved.name !== "object") {
      if (resolved.name === "boolean") flat.push(literalMember(true), literalMember(false));
      else flat.push(resolved === member.type ? member : { ...member, type: resolved });
    } else return undefined;
  }
  return flat;
}

/**
 * Unions of literals and primitives intersected as sets, without
 * distributing one over the other (an enum of hundreds of members beside
 * another stays linear): a literal stays when every other set has it or its
 * primitive; a primitive when every other set has it.
 */
function intersectScalarSets(sets: readonly ScalarSet[]): TypeNode {
  const keyOf = (type: TypeNode) => {
    if (type.kind !== "literal") return `p:${(type as { name: string }).name}`;
    return type.numericEnum === undefined ? `l:${typeof type.value}:${String(type.value)}` : `e:${type.numericEnum}:${String(type.value)}`;
  };
  const indexes = sets.map((set) => new Set(set.map((member) => keyOf(member.type))));
  const admits = (index: Set<string>, type: TypeNode) =>
    index.has(keyOf(type)) || (type.kind === "literal" && index.has(`p:${type.value === null ? "null" : typeof type.value}`));
  const kept: UnionMember[] = [];
  const seen = new Set<string>();
  sets.forEach((set, at) => {
    for (const member of set) {
      const key = keyOf(member.type);
      if (seen.has(key)) continue;
      if (indexes.every((index, other) => other === at || admits(index, member.type))) {
        seen.add(key);
        kept.push(member);
      }
    }
  });
  return unionOf(kept);
}

function literalMember(value: boolean): UnionMember {
  return { type: { kind: "literal", value }, docs: { description: "", tags: {} }, location: { file: "", line: 0, column: 0 } };
}

/**
 * Whether every scalar value of `scalars` also belongs to the object type
 * `member`, as TypeScript relates a primitive to an object through its
 * apparent type (`String`, `Number`, `Boolean`): the object's properties must
 * all be optional (`a: T | undefined` is not: a primitive has no such
 * property) and none may name a member of that apparent type. Then
 * `string & { tag?: T }` is `string`; `string & { tag: T }` has no JSON value.
 */
function admitsScalars(member: TypeNode, scalars: readonly TypeNode[]): boolean {
  if (member.kind !== "object" || member.additional || (member.patterns?.length ?? 0) > 0) return false;
  const apparent = scalars.map(apparentValue);
  if (apparent.some((value) => value === undefined)) return member.properties.length === 0;
  return member.properties.every((property) => property.optional && !property.absentIsUndefined && apparent.every((value) => !(property.name in value!)));
}

/** A value standing for the scalar's apparent type (its prototype's members); undefined for `null`, which has none. */
function apparentValue(scalar: TypeNode): object | undefined {
  const kind = scalar.kind === "literal" ? typeof scalar.value : (scalar as { name: string }).name;
  if (kind === "string") return Object("");
  if (kind === "number") return Object(0);
  if (kind === "boolean") return Object(false);
  return undefined;
}

/** A primitive or literal with other members: what remains is the most specific scalar, if the others admit it. */
function scalarIntersection(evaluator: Evaluator, type: Intersection, resolved: readonly TypeNode[], scalars: readonly TypeNode[], quiet: boolean): TypeNode {
  const others = resolved.filter((member) => !scalars.includes(member));
  if (!others.every((member) => admitsScalars(member, scalars))) {
    if (quiet) return NEVER;
    return evaluator.report(
      "unsupported-construct",
      "an intersection of a primitive and an object that no primitive value satisfies (a branded type) has no JSON value; brand with a `unique symbol` key, or use the primitive",
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
    (member.kind === "primitive" && chosen.kind === "literal" && typeof chosen.value === member.name &&
      (member.pattern === undefined || patternMatches(member.pattern, String(chosen.value)))) ||
    (member.kind === "primitive" && chosen.kind === "primitive" && member.name === chosen.name),
  );
  if (!fits) return NEVER;
  return chosen.kind === "primitive" ? bothPatterns(specific as readonly Extract<TypeNode, { kind: "primitive" }>[]) : chosen;
}

/**
 * Strings of several template literal types at once (`\`v${string}\` & \`${string}-x\``):
 * every pattern, all but the last as lookaheads, and the TypeScript text of
 * the intersection. A `string` among them adds nothing.
 */
function bothPatterns(strings: readonly Extract<TypeNode, { kind: "primitive" }>[]): TypeNode {
  const constrained = strings.filter((member, index) =>
    member.pattern !== undefined && member.template !== undefined && strings.findIndex((other) => other.pattern === member.pattern) === index);
  if (constrained.length <= 1 || strings.some((member) => member.format !== undefined)) return constrained[0] ?? strings[0]!;
  const lookaheads = constrained.slice(0, -1).map((member) => `(?=${member.pattern!.slice(1)})`).join("");
  const pattern = `^${lookaheads}${constrained.at(-1)!.pattern!.slice(1)}`;
  return { kind: "primitive", name: "string", pattern, template: `(${constrained.map((member) => member.template).join(" & ")})` };
}
