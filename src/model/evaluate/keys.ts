import { patternKey, patternMatches, patternsFor } from "../patterns.js";
import { isPatternKey, type PatternIndex, type Property, type SourceLocation, type TypeNode, type UnionMember } from "../types.js";
import { isAssignable } from "./assignable.js";
import type { Evaluator } from "./evaluator.js";
import { checkedAgainstBoth, constrainedByIndex } from "./index-constraint.js";
import { ANY_BUT_NULL, ANY_BUT_NULL_EVERY_KEY, distributionMembers, isNever, isUnknown, marked, NEVER, NUMBER, plainMember, STRING, unionOf, withoutUndefined, withType } from "./members.js";

/** The named properties of an object-like type and what its other keys hold. */
export interface ObjectView {
  readonly properties: readonly Property[];
  readonly additional?: TypeNode | undefined;
  /** A map whose keys are `string` alone (see the `map` node): mapping it over its keys keeps that. */
  readonly stringKeys?: boolean;
  /** Index signatures keyed by template literal types. */
  readonly patterns?: readonly PatternIndex[] | undefined;
}

/**
 * The object view of an evaluated type: an object, a map, or an intersection
 * of them merged as TypeScript reads it (see `mergeViews`). Undefined for
 * anything else.
 */
export function objectView(evaluator: Evaluator, type: TypeNode, at: SourceLocation): ObjectView | undefined {
  const resolved = evaluator.resolve(type, at);
  switch (resolved.kind) {
    case "object":
      return evaluator.declaredViews.get(resolved) ?? resolved;
    case "map":
      return { properties: [], additional: resolved.value, stringKeys: resolved.stringKeys === true };
    case "intersection": {
      const views: ObjectView[] = [];
      for (const member of resolved.members) {
        const view = objectView(evaluator, member, at);
        if (!view) return undefined;
        views.push(view);
      }
      return mergeViews(evaluator, views, at);
    }
    default:
      return undefined;
  }
}

/**
 * The members of an intersection as one object: a name several members
 * declare has the intersection of their types (required when any requires
 * it); index signatures with the same key are intersected.
 */
export function mergeViews(evaluator: Evaluator, views: readonly ObjectView[], at: SourceLocation): ObjectView {
  const properties: Property[] = [];
  const indexes: TypeNode[] = [];
  const patterns = new Map<string, PatternIndex[]>();
  for (const view of views) {
    for (const property of view.properties) {
      const index = properties.findIndex((known) => known.name === property.name);
      if (index === -1) {
        properties.push(property);
        continue;
      }
      const known = properties[index]!;
      const optional = known.optional && property.optional;
      // Required, it holds `undefined` only where every member's property may (an intersection with `"a"` takes it away).
      const holdsUndefined = !optional && mayHoldUndefined(known) && mayHoldUndefined(property);
      const { absentIsUndefined: _, ...rest } = known;
      const presence = { optional, ...(holdsUndefined ? { absentIsUndefined: true as const } : {}) };
      if (known.type === property.type) {
        if (optional !== known.optional || holdsUndefined !== (known.absentIsUndefined === true)) properties[index] = { ...rest, ...presence };
        continue;
      }
      properties[index] = {
        ...rest,
        type: evaluator.intersect([known.type, property.type], at),
        ...presence,
        ...(known.experimental || !property.experimental ? {} : { experimental: property.experimental }),
      };
    }
    if (view.additional) indexes.push(view.additional);
    for (const index of view.patterns ?? []) {
      const pattern = patternKey(index).pattern;
      const same = patterns.get(pattern);
      if (same) same.push(index);
      else patterns.set(pattern, [index]);
    }
  }
  const merged = [...patterns.values()].map((same) =>
    same.length === 1 ? same[0]! : { ...same[0]!, value: evaluator.intersect(same.map((index) => index.value), at) },
  );
  // `keyof (A & B)` is `keyof A | keyof B`: `number` is a key when any index signature gives it.
  const stringKeys = views.every((view) => !view.additional || view.stringKeys === true);
  return {
    properties,
    ...(indexes.length > 0 ? { additional: indexes.length === 1 ? indexes[0]! : evaluator.intersect(indexes, at), stringKeys } : {}),
    ...(merged.length > 0 ? { patterns: merged } : {}),
  };
}

/**
 * An object type made by evaluation (an intersection's merge, a mapped type,
 * `Partial`, `Pick`): a value must give each named property a value its index
 * signature also accepts, as TypeScript checks an object against both. (A
 * declared interface already keeps its properties within its index signature.)
 * A property declared with a primitive type reads a literal value as that
 * primitive (TypeScript widens it), so an index signature that admits only
 * some literals of it leaves no value. The view itself (for `T[K]`, `keyof`)
 * keeps the declared property types, as TypeScript's property lookup does.
 */
export function objectOf(
  evaluator: Evaluator,
  properties: readonly Property[],
  additional: TypeNode | undefined,
  at: SourceLocation,
  keys: { readonly stringKeys?: boolean | undefined; readonly patterns?: readonly PatternIndex[] | undefined } = {},
): TypeNode {
  const patterns = keys.patterns ?? [];
  const stringKeys = keys.stringKeys === true;
  if (!additional && patterns.length === 0) return { kind: "object", properties };
  if (properties.length === 0 && patterns.length === 0) return stringKeys ? { kind: "map", value: additional!, stringKeys } : { kind: "map", value: additional! };
  // An index signature's `undefined` (`T[K]` of an optional field) has no JSON value to constrain with.
  const constraint = additional && withoutUndefined(additional).type;
  const constrained = properties.map((property) => {
    const matching = [...(additional ? [additional] : []), ...patternsFor(patterns, property.name).map((index) => index.value)];
    const type = matching.reduce((current, index) => constrainedByIndex(evaluator, current, withoutUndefined(index).type, at), property.type);
    // An absent key is `undefined` there, which every index must admit for the key to be left out.
    const present = property.absentIsUndefined === true && matching.some((index) => !admitsUndefined(evaluator, index, at));
    if (present) return { ...property, type, optional: false };
    return type === property.type ? property : { ...property, type };
  });
  // A key a pattern matches is a key of `string` too: its value must fit both signatures (as two intersected objects require).
  const constrainedPatterns = patterns.map((index) => {
    if (!constraint || isAssignable(evaluator, index.value, constraint, at)) return index;
    return { ...index, value: checkedAgainstBoth(evaluator, index.value, constraint, at) };
  });
  const object: TypeNode = {
    kind: "object",
    properties: constrained,
    ...(additional ? { additional } : {}),
    ...(patterns.length > 0 ? { patterns: constrainedPatterns } : {}),
  };
  evaluator.declaredViews.set(object, { properties, additional, stringKeys, ...(patterns.length > 0 ? { patterns } : {}) });
  return object;
}

/** An optional property, or a required one whose type admits `undefined`. */
function mayHoldUndefined(property: Property): boolean {
  return property.optional || property.absentIsUndefined === true;
}

function admitsUndefined(evaluator: Evaluator, type: TypeNode, at: SourceLocation): boolean {
  const resolved = evaluator.resolve(type, at);
  return withoutUndefined(resolved).hadUndefined || isUnknown(resolved);
}

/**
 * `keyof T`: the names of an object's properties as string literals (each
 * marked as its property is, so the keys an experimental field gives are
 * experimental), `string` for an index signature; for a union, the keys every
 * member has; for an intersection, the keys any member has.
 */
export function keysOf(evaluator: Evaluator, type: TypeNode, at: SourceLocation): TypeNode {
  const resolved = evaluator.resolve(type, at);
  // `keyof never` is every key: `string | number` (and `symbol`, which JSON has not).
  if (isNever(resolved) || resolved === ANY_BUT_NULL_EVERY_KEY) return unionOf([plainMember(STRING), plainMember(NUMBER)]);
  if (resolved === ANY_BUT_NULL) return NEVER;
  if (resolved.kind === "union" && resolved.members.length > 0) {
    const perMember = resolved.members.map((member) => keyMembers(evaluator, member.type, at));
    if (perMember.some((keys) => keys === undefined)) return unsupportedKeys(evaluator, at);
    const [first, ...others] = perMember as UnionMember[][];
    const common = first!.filter((key) => others.every((keys) => keys.some((other) => sameKey(other.type, key.type))));
    return unionOf(common);
  }
  const keys = keyMembers(evaluator, resolved, at);
  return keys ? unionOf(absorbed(keys)) : unsupportedKeys(evaluator, at);
}

/**
 * `"a" | string` is `string` in TypeScript: an index signature's keys take in
 * the literal keys of its kind, and `string` takes in template literal keys.
 */
function absorbed(all: readonly UnionMember[]): UnionMember[] {
  const keys = withoutMatchedLiterals(all);
  const has = (name: string) => keys.some((key) => key.type.kind === "primitive" && key.type.name === name && key.type.pattern === undefined);
  const strings = has("string");
  const numbers = has("number");
  if (!strings && !numbers) return keys;
  return keys.filter((key) => {
    if (key.type.kind === "primitive") return !(strings && key.type.name === "string" && key.type.pattern !== undefined);
    return key.type.kind !== "literal" || !((strings && typeof key.type.value === "string") || (numbers && typeof key.type.value === "number"));
  });
}

/**
 * A union of keys without the unmarked string literals a template literal key
 * among them matches: TypeScript's union reduction (`"x-a" | \`x-${string}\``
 * is `` `x-${string}` ``), so a mapped type over it makes no property of them.
 */
export function withoutMatchedLiterals(keys: readonly UnionMember[]): UnionMember[] {
  const patterns = keys.map((key) => key.type).filter(isPatternKey);
  if (patterns.length === 0) return [...keys];
  return keys.filter((key) => {
    const type = key.type;
    if (type.kind !== "literal" || typeof type.value !== "string" || key.experimental) return true;
    return !patterns.some((pattern) => patternMatches(pattern.pattern, type.value as string));
  });
}

function sameKey(a: TypeNode, b: TypeNode): boolean {
  if (a.kind === "literal" && b.kind === "literal") return a.value === b.value;
  return a.kind === "primitive" && b.kind === "primitive" && a.name === b.name && a.pattern === b.pattern;
}

function keyMembers(evaluator: Evaluator, type: TypeNode, at: SourceLocation): UnionMember[] | undefined {
  const resolved = evaluator.resolve(type, at);
  if (resolved.kind === "intersection") {
    const keys: UnionMember[] = [];
    for (const member of resolved.members) {
      const memberKeys = keyMembers(evaluator, member, at);
      if (!memberKeys) return undefined;
      keys.push(...memberKeys);
    }
    return keys;
  }
  if (resolved.kind === "primitive" && (resolved.name === "unknown" || resolved.name === "object")) return [];
  const view = objectView(evaluator, resolved, at);
  if (!view) return undefined;
  const keys: UnionMember[] = view.properties.map((property) => ({
    type: { kind: "literal", value: property.name },
    docs: property.docs,
    location: property.location,
    ...(property.experimental ? { experimental: property.experimental } : {}),
  }));
  for (const index of view.patterns ?? []) keys.push(plainMember(index.key, index.location));
  if (view.additional) keys.push(...(view.stringKeys ? [plainMember(STRING)] : [plainMember(STRING), plainMember(NUMBER)]));
  return keys;
}

function unsupportedKeys(evaluator: Evaluator, at: SourceLocation): TypeNode {
  return evaluator.report("unsupported-construct", "`keyof` is evaluated for objects, maps and their unions and intersections; the keys of this type have no JSON meaning", at);
}

/**
 * `T[K]`: for each key of `K` (a union distributes), the type of that
 * property (with `undefined` when it is optional, as in TypeScript), an array's
 * or tuple's element for a number, a map's value for a string. A property that
 * is experimental gives an experimental member.
 */
export function indexedAccess(evaluator: Evaluator, object: TypeNode, index: TypeNode, at: SourceLocation): TypeNode {
  const keys = distributionMembers(evaluator.resolve(index, at));
  if (keys.length === 0) return NEVER;
  const resolved = evaluator.resolve(object, at);
  if (resolved.kind === "union") {
    return evaluator.mapMembers(resolved.members, (member) => indexedAccess(evaluator, member, index, at));
  }
  return unionOf(
    keys.map((key) => marked(withType(key, accessOne(evaluator, resolved, key.type, at)), propertyMark(evaluator, resolved, key.type, at))),
  );
}

function propertyMark(evaluator: Evaluator, object: TypeNode, key: TypeNode, at: SourceLocation): Property["experimental"] {
  if (key.kind !== "literal") return undefined;
  return objectView(evaluator, object, at)?.properties.find((property) => property.name === String(key.value))?.experimental;
}

function accessOne(evaluator: Evaluator, object: TypeNode, key: TypeNode, at: SourceLocation): TypeNode {
  const keyText = key.kind === "literal" && typeof key.value !== "boolean" ? String(key.value) : undefined;
  const isNumber = (key.kind === "primitive" && key.name === "number") || (key.kind === "literal" && typeof key.value === "number");
  if (object.kind === "array" && isNumber) return object.element;
  if (object.kind === "tuple") return tupleElement(evaluator, object, key, at);
  const view = objectView(evaluator, object, at);
  if (view) {
    if (keyText !== undefined) {
      const property = view.properties.find((candidate) => candidate.name === keyText);
      if (property) return property.optional ? evaluator.plainUnion([property.type, undefinedAt(at)]) : property.type;
      // TypeScript's lookup: the signatures whose patterns match the name (all of them, intersected), else `string`'s.
      const matching = patternsFor(view.patterns, keyText);
      if (matching.length > 0) return evaluator.intersect(matching.map((index) => index.value), at);
      if (view.additional) return view.additional;
      return evaluator.report("unresolved-reference", `the type has no property "${keyText}"`, at);
    }
    if (key.kind === "primitive" && key.name === "string" && key.pattern !== undefined) {
      const same = view.patterns?.find((index) => patternKey(index).pattern === key.pattern);
      if (same) return same.value;
    }
    if (key.kind === "primitive" && (key.name === "string" || key.name === "number") && view.additional) return view.additional;
  }
  if (isNever(object)) return NEVER;
  return evaluator.report("unsupported-construct", "this indexed access has no JSON meaning: index an object by its property names, or an array or tuple by `number`", at);
}

/** The `undefined` an optional property's access adds, located at the access. */
function undefinedAt(at: SourceLocation): TypeNode {
  return { kind: "operator", operator: { op: "undefined" }, location: at };
}

function tupleElement(evaluator: Evaluator, tuple: Extract<TypeNode, { kind: "tuple" }>, key: TypeNode, at: SourceLocation): TypeNode {
  const all = tuple.rest ? [...tuple.elements, tuple.rest] : tuple.elements;
  if (key.kind === "primitive" && key.name === "number") return evaluator.plainUnion(all);
  const position = key.kind === "literal" ? Number(key.value) : Number.NaN;
  if (Number.isInteger(position) && position >= 0) {
    if (position < tuple.elements.length) return tuple.elements[position]!;
    if (tuple.rest) return tuple.rest;
  }
  return evaluator.report("unresolved-reference", `the tuple has no element ${key.kind === "literal" ? JSON.stringify(key.value) : "at this index"}`, at);
}
