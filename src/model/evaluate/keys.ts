import type { Property, SourceLocation, TypeNode, UnionMember } from "../types.js";
import type { Evaluator } from "./evaluator.js";
import { distributionMembers, isNever, marked, NEVER, NUMBER, plainMember, STRING, unionOf, withType } from "./members.js";

/** The named properties of an object-like type and what its other keys hold. */
export interface ObjectView {
  readonly properties: readonly Property[];
  readonly additional?: TypeNode | undefined;
}

/**
 * The object view of an evaluated type: an object, a map, or an intersection
 * of them (a name declared twice keeps its first declaration, required when
 * any part requires it). Undefined for anything else.
 */
export function objectView(evaluator: Evaluator, type: TypeNode, at: SourceLocation): ObjectView | undefined {
  const resolved = evaluator.resolve(type, at);
  switch (resolved.kind) {
    case "object":
      return resolved;
    case "map":
      return { properties: [], additional: resolved.value };
    case "intersection": {
      const properties: Property[] = [];
      let additional: TypeNode | undefined;
      for (const member of resolved.members) {
        const view = objectView(evaluator, member, at);
        if (!view) return undefined;
        for (const property of view.properties) {
          const index = properties.findIndex((known) => known.name === property.name);
          if (index === -1) properties.push(property);
          else if (properties[index]!.optional && !property.optional) properties[index] = { ...properties[index]!, optional: false };
        }
        additional ??= view.additional;
      }
      return { properties, additional };
    }
    default:
      return undefined;
  }
}

/**
 * `keyof T`: the names of an object's properties as string literals (each
 * marked as its property is, so the keys an experimental field gives are
 * experimental), `string` for an index signature; for a union, the keys every
 * member has; for an intersection, the keys any member has.
 */
export function keysOf(evaluator: Evaluator, type: TypeNode, at: SourceLocation): TypeNode {
  const resolved = evaluator.resolve(type, at);
  if (resolved.kind === "union" && resolved.members.length > 0) {
    const perMember = resolved.members.map((member) => keyMembers(evaluator, member.type, at));
    if (perMember.some((keys) => keys === undefined)) return unsupportedKeys(evaluator, at);
    const [first, ...others] = perMember as UnionMember[][];
    const common = first!.filter((key) => others.every((keys) => keys.some((other) => sameKey(other.type, key.type))));
    return unionOf(common);
  }
  const keys = keyMembers(evaluator, resolved, at);
  return keys ? unionOf(keys) : unsupportedKeys(evaluator, at);
}

function sameKey(a: TypeNode, b: TypeNode): boolean {
  if (a.kind === "literal" && b.kind === "literal") return a.value === b.value;
  return a.kind === "primitive" && b.kind === "primitive" && a.name === b.name;
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
  if (view.additional) keys.push(plainMember(STRING), plainMember(NUMBER));
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
      if (property) return property.optional ? evaluator.plainUnion([property.type, UNDEFINED_TYPE]) : property.type;
      if (view.additional) return view.additional;
      return evaluator.report("unresolved-reference", `the type has no property "${keyText}"`, at);
    }
    if (key.kind === "primitive" && (key.name === "string" || key.name === "number") && view.additional) return view.additional;
  }
  if (isNever(object)) return NEVER;
  return evaluator.report("unsupported-construct", "this indexed access has no JSON meaning: index an object by its property names, or an array or tuple by `number`", at);
}

const UNDEFINED_TYPE: TypeNode = { kind: "operator", operator: { op: "undefined" }, location: { file: "", line: 0, column: 0 } };

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
