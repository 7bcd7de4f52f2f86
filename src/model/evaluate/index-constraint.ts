import { patternKey, patternsFor } from "../patterns.js";
import type { PatternIndex, Property, SourceLocation, TypeNode, UnionMember } from "../types.js";
import type { Evaluator } from "./evaluator.js";
import { objectView, type ObjectView } from "./keys.js";
import { distributionMembers, isNever, isUnknown, NEVER, unionOf, withType } from "./members.js";

/**
 * What a value must be to sit under a named property and an index signature
 * of the same object (or under two index signatures whose keys overlap).
 * TypeScript checks the value against each on its own, not against their
 * intersection, and an object literal is checked fresh against both: each
 * object type is closed, so a key must be one both allow, and a primitive
 * never satisfies an object type with properties (the weak-type check),
 * though it satisfies `string & { tag?: T }` written as one type. Under a
 * named property, the value is typed by the property's declaration alone: a
 * literal written where it declares `string` (at any depth) is read as
 * `string`, which the index must then accept whole.
 */

type Primitive = Extract<TypeNode, { kind: "primitive" }>;
type List = Extract<TypeNode, { kind: "array" | "tuple" }>;

const WIDENED = new Set(["string", "number", "boolean"]);

/** A named property's type under an index signature of its object. */
export function constrainedByIndex(evaluator: Evaluator, declared: TypeNode, index: TypeNode, at: SourceLocation): TypeNode {
  return checked(evaluator, declared, index, true, at);
}

/** The values that satisfy both index signatures' types, each checked on its own. */
export function checkedAgainstBoth(evaluator: Evaluator, first: TypeNode, second: TypeNode, at: SourceLocation): TypeNode {
  return checked(evaluator, first, second, false, at);
}

/** Pairs being compared, against recursion through recursive types: a pair met again is intersected. */
const comparing: [TypeNode, TypeNode][] = [];

function checked(evaluator: Evaluator, first: TypeNode, second: TypeNode, widen: boolean, at: SourceLocation): TypeNode {
  if (first === second) return first;
  const resolvedFirst = evaluator.resolve(first, at);
  const resolvedSecond = evaluator.resolve(second, at);
  if (isUnknown(resolvedSecond)) return first;
  const firstMembers = distributionMembers(resolvedFirst);
  const secondMembers = distributionMembers(resolvedSecond);
  // A literal beside the primitive of its kind is no member of its own in TypeScript (`string | "a"` is `string`).
  const absorbed = (type: TypeNode) => type.kind === "literal" && firstMembers.some((other) => widens(other.type) && other.type.name === typeof type.value);
  const lost = ({ type }: UnionMember) => widen && (absorbed(type) || (widens(type) && !admitsWhole(type, secondMembers)));
  const structured = (type: TypeNode) => closedView(evaluator, type, at) !== undefined || isList(evaluator.resolve(type, at));
  const enumMember = (member: UnionMember) => member.type.kind === "literal" && member.type.numericEnum !== undefined;
  const pairwise = firstMembers.some((member) => lost(member) || structured(member.type)) || [...firstMembers, ...secondMembers].some(enumMember) ||
    firstMembers.some((a) => secondMembers.some((b) => isScalar(evaluator, a.type, at) !== isScalar(evaluator, b.type, at)));
  if (!pairwise) return evaluator.intersect([first, second], at);
  const pair = [resolvedFirst, resolvedSecond] as const;
  if (comparing.some(([x, y]) => x === pair[0] && y === pair[1])) return evaluator.intersect([first, second], at);
  comparing.push([...pair]);
  try {
    const kept: UnionMember[] = [];
    for (const member of firstMembers) {
      if (lost(member)) continue;
      const results = secondMembers.flatMap((other) => memberAgainstMember(evaluator, member.type, other.type, widen, at) ?? []);
      if (results.length > 0) kept.push(withType(member, results.length === 1 ? results[0]! : evaluator.plainUnion(results)));
    }
    return unionOf(kept);
  } finally {
    comparing.pop();
  }
}

function memberAgainstMember(evaluator: Evaluator, first: TypeNode, second: TypeNode, widen: boolean, at: SourceLocation): TypeNode | undefined {
  if (isEmptyObject(evaluator, second, at)) return first;
  if (isEmptyObject(evaluator, first, at)) return second;
  const scalars = [isScalar(evaluator, first, at), isScalar(evaluator, second, at)];
  if (scalars[0] !== scalars[1]) return undefined;
  // Checked on its own, a number is a numeric enum's member when it has its value (as an intersection it would not be).
  if (scalars[0]) return evaluator.intersect([asNumber(first), asNumber(second)], at);
  const a = closedView(evaluator, first, at);
  const b = closedView(evaluator, second, at);
  if (a && b) return closedObjects(evaluator, a, b, widen, at);
  const [listA, listB] = [evaluator.resolve(first, at), evaluator.resolve(second, at)];
  if (isList(listA) && isList(listB)) return lists(evaluator, listA, listB, widen, at);
  return evaluator.intersect([first, second], at);
}

/**
 * A declared primitive: a literal written there is read as the primitive. A
 * literal of its kind beside it changes nothing, as TypeScript reduces
 * `string | "a"` to `string` when it makes the union.
 */
function widens(type: TypeNode): type is Primitive {
  return type.kind === "primitive" && WIDENED.has(type.name) && type.pattern === undefined && type.format === undefined;
}

function admitsWhole(type: Primitive, members: readonly UnionMember[]): boolean {
  return members.some((member) => member.type.kind === "primitive" && member.type.pattern === undefined && (member.type.name === type.name || member.type.name === "unknown")) ||
    (type.name === "boolean" && ["true", "false"].every((value) => members.some((member) => member.type.kind === "literal" && String(member.type.value) === value)));
}

/**
 * Two closed object types, both satisfied: a key only one allows may not
 * appear (so one it requires leaves no value). A key is allowed by a named
 * property, a template literal index signature that matches it, or `string`'s.
 * Template keys of both sides are kept where the other side has `string`'s
 * index or the same template.
 */
function closedObjects(evaluator: Evaluator, a: ObjectView, b: ObjectView, widen: boolean, at: SourceLocation): TypeNode {
  const names = [...new Set([...a.properties, ...b.properties].map((property) => property.name))];
  const properties: Property[] = [];
  for (const name of names) {
    const inA = a.properties.find((property) => property.name === name);
    const inB = b.properties.find((property) => property.name === name);
    const aType = inA?.type ?? otherKey(evaluator, a, name, at);
    const bType = inB?.type ?? otherKey(evaluator, b, name, at);
    const required = (inA !== undefined && !inA.optional) || (inB !== undefined && !inB.optional);
    if (!aType || !bType) {
      if (required) return NEVER;
      continue;
    }
    properties.push({ ...(inA ?? inB)!, type: checked(evaluator, aType, bType, widen, at), optional: !required });
  }
  const additional = a.additional && b.additional ? checked(evaluator, a.additional, b.additional, widen, at) : undefined;
  const patterns: PatternIndex[] = [];
  for (const [one, other, flipped] of [[a, b, false], [b, a, true]] as const) {
    for (const index of one.patterns ?? []) {
      const same = (other.patterns ?? []).find((candidate) => patternKey(candidate).pattern === patternKey(index).pattern);
      const otherValue = same?.value ?? other.additional;
      if (!otherValue || (flipped && same)) continue;
      const [first, second] = flipped ? [otherValue, index.value] : [index.value, otherValue];
      patterns.push({ ...index, value: checked(evaluator, first, second, widen, at) });
    }
  }
  if (properties.length === 0 && patterns.length === 0 && additional) return { kind: "map", value: additional };
  return { kind: "object", properties, ...(additional ? { additional } : {}), ...(patterns.length > 0 ? { patterns } : {}) };
}

/** What an object holds under a key it does not name: its matching template keys' values and `string`'s, all of them. */
function otherKey(evaluator: Evaluator, view: ObjectView, name: string, at: SourceLocation): TypeNode | undefined {
  const values = [...patternsFor(view.patterns, name).map((index) => index.value), ...(view.additional ? [view.additional] : [])];
  return values.length <= 1 ? values[0] : evaluator.intersect(values, at);
}

/** Two array or tuple types, both satisfied: position by position, as long as both allow one. */
function lists(evaluator: Evaluator, a: List, b: List, widen: boolean, at: SourceLocation): TypeNode {
  if (a.kind === "array" && b.kind === "array") return { kind: "array", element: checked(evaluator, a.element, b.element, widen, at) };
  // An array literal under a property declared as an array is read as an array, which no tuple with a required element or no rest accepts.
  if (widen && a.kind === "array" && b.kind === "tuple" && ((b.required ?? b.elements.length) > 0 || !b.rest)) return NEVER;
  const shape = (list: List) =>
    list.kind === "array" ? { elements: [] as readonly TypeNode[], required: 0, rest: list.element } : { elements: list.elements, required: list.required ?? list.elements.length, rest: list.rest };
  const [x, y] = [shape(a), shape(b)];
  const elementAt = (list: ReturnType<typeof shape>, position: number) => (position < list.elements.length ? list.elements[position] : list.rest);
  const required = Math.max(x.required, y.required);
  const elements: TypeNode[] = [];
  for (let position = 0; position < Math.max(x.elements.length, y.elements.length); position++) {
    const [first, second] = [elementAt(x, position), elementAt(y, position)];
    const element = first && second ? checked(evaluator, first, second, widen, at) : NEVER;
    if (isNever(element)) {
      if (position < required) return NEVER;
      return tuple(elements, required, undefined);
    }
    elements.push(element);
  }
  const rest = x.rest && y.rest ? checked(evaluator, x.rest, y.rest, widen, at) : undefined;
  return tuple(elements, required, rest && !isNever(rest) ? rest : undefined);
}

function tuple(elements: readonly TypeNode[], required: number, rest: TypeNode | undefined): TypeNode {
  if (elements.length === 0 && rest) return { kind: "array", element: rest };
  return { kind: "tuple", elements, ...(required < elements.length ? { required } : {}), ...(rest ? { rest } : {}) };
}

function asNumber(type: TypeNode): TypeNode {
  return type.kind === "literal" && type.numericEnum !== undefined ? { kind: "literal", value: type.value } : type;
}

function isList(type: TypeNode): type is List {
  return type.kind === "array" || type.kind === "tuple";
}

/** An object type (or an intersection of them), `{}` aside. */
function closedView(evaluator: Evaluator, type: TypeNode, at: SourceLocation): ObjectView | undefined {
  if (isEmptyObject(evaluator, type, at)) return undefined;
  // An evaluated object's own properties already carry its index signature's constraint; its declared view would not.
  const resolved = evaluator.resolve(type, at);
  return resolved.kind === "object" ? resolved : objectView(evaluator, resolved, at);
}

/** A primitive or literal, or a union of them (an enum named as a member of a union, say). */
function isScalar(evaluator: Evaluator, type: TypeNode, at: SourceLocation): boolean {
  const resolved = evaluator.resolve(type, at);
  if (resolved.kind === "union") return resolved.members.length > 0 && resolved.members.every((member) => isScalar(evaluator, member.type, at));
  return resolved.kind === "literal" || (resolved.kind === "primitive" && resolved.name !== "unknown" && resolved.name !== "object");
}

/** `{}`: every value but `null` satisfies it, primitives too. */
function isEmptyObject(evaluator: Evaluator, type: TypeNode, at: SourceLocation): boolean {
  const resolved = evaluator.resolve(type, at);
  return resolved.kind === "object" && resolved.properties.length === 0 && !resolved.additional && (resolved.patterns ?? []).length === 0;
}
