import { mapShared } from "../immutable.js";
import { assertNever, operandsOf, type Operator, type PatternIndex, type Property, type TypeKind, type TypeNode, type UnionMember } from "./types.js";

/**
 * The one place that knows where each kind of IR node keeps its child types.
 * Walks over the IR use `forEachChild` (or `walkType`), rewrites use
 * `mapChildren`, and code that must produce something for every kind (the
 * emitters) passes a `TypeVisitor`, exhaustive over kinds: a new kind is added
 * here, and the compiler then names every visitor that has to handle it.
 */

/** The node of one kind. */
export type TypeOfKind<K extends TypeKind> = Extract<TypeNode, { kind: K }>;

/** One handler per kind of type, each given the node narrowed to its kind and the caller's arguments. */
export type TypeVisitor<R, A extends readonly unknown[] = []> = {
  readonly [K in TypeKind]: (type: TypeOfKind<K>, ...args: A) => R;
};

/** The result of the handler for `type`'s kind. */
export function visitType<R, A extends readonly unknown[]>(type: TypeNode, visitor: TypeVisitor<R, A>, ...args: A): R {
  // The handler chosen by `type.kind` takes exactly that kind: the one cast the table needs.
  return (visitor[type.kind] as (type: TypeNode, ...args: A) => R)(type, ...args);
}

/**
 * Where a walk goes from a node. A child type is held by a field (`property`),
 * by a union member (`member`), or directly (`type`: an array's element, tuple
 * elements and rest, a map's value, an object's index signatures (a pattern's
 * key, then its value), intersection
 * members, an operator's operands). The holders default to visiting their type.
 */
export interface ChildVisitor {
  type(child: TypeNode): void;
  property?(property: Property): void;
  member?(member: UnionMember, index: number): void;
}

/** Calls `visitor` once for every direct child of `type`, in source order. */
export function forEachChild(type: TypeNode, visitor: ChildVisitor): void {
  switch (type.kind) {
    case "primitive":
    case "literal":
    case "ref":
      return;
    case "array":
      return visitor.type(type.element);
    case "map":
      return visitor.type(type.value);
    case "tuple":
      for (const element of type.elements) visitor.type(element);
      if (type.rest) visitor.type(type.rest);
      return;
    case "object":
      for (const property of type.properties) {
        if (visitor.property) visitor.property(property);
        else visitor.type(property.type);
      }
      if (type.additional) visitor.type(type.additional);
      for (const index of type.patterns ?? []) {
        visitor.type(index.key);
        visitor.type(index.value);
      }
      return;
    case "union":
      for (let index = 0; index < type.members.length; index++) {
        const member = type.members[index]!;
        if (visitor.member) visitor.member(member, index);
        else visitor.type(member.type);
      }
      return;
    case "intersection":
      for (const member of type.members) visitor.type(member);
      return;
    case "operator":
      for (const operand of operandsOf(type.operator)) visitor.type(operand);
      return;
    default:
      return assertNever(type);
  }
}

/**
 * How a rewrite treats a node's children, as `ChildVisitor` does; a holder
 * handler may return `undefined` to drop that field or member. Returning a
 * child as it was keeps it shared.
 */
export interface ChildMapper {
  type(child: TypeNode): TypeNode;
  property?(property: Property): Property | undefined;
  member?(member: UnionMember, index: number): UnionMember | undefined;
  /** Rewrite a mapped type's homomorphic source too (see `mapOperands`). */
  readonly homomorphic?: boolean;
}

/**
 * `type` with its direct children rewritten by `mapper`, copied only on change:
 * when every child comes back as the same object, `type` itself is returned, so
 * untouched nodes stay shared between stages and audiences (the filter and the
 * emit caches rely on it).
 */
export function mapChildren(type: TypeNode, mapper: ChildMapper): TypeNode {
  switch (type.kind) {
    case "primitive":
    case "literal":
    case "ref":
      return type;
    case "array": {
      const element = mapper.type(type.element);
      return element === type.element ? type : { ...type, element };
    }
    case "map": {
      const value = mapper.type(type.value);
      return value === type.value ? type : { ...type, value };
    }
    case "tuple": {
      const elements = mapShared(type.elements, (element) => mapper.type(element));
      const rest = type.rest && mapper.type(type.rest);
      return elements === type.elements && rest === type.rest ? type : { ...type, elements, ...(rest ? { rest } : {}) };
    }
    case "object": {
      const properties = mapKept(type.properties, (property) =>
        mapper.property ? mapper.property(property) : withChildType(property, mapper.type(property.type)),
      );
      const additional = type.additional && mapper.type(type.additional);
      const patterns = type.patterns && mapShared(type.patterns, (index) => mapPatternIndex(index, mapper.type));
      if (properties === type.properties && additional === type.additional && patterns === type.patterns) return type;
      return { kind: "object", properties, ...(additional ? { additional } : {}), ...(patterns ? { patterns } : {}) };
    }
    case "union": {
      const members = mapKept(type.members, (member, index) =>
        mapper.member ? mapper.member(member, index) : withChildType(member, mapper.type(member.type)),
      );
      return members === type.members ? type : { ...type, members };
    }
    case "intersection": {
      const members = mapShared(type.members, (member) => mapper.type(member));
      return members === type.members ? type : { ...type, members };
    }
    case "operator": {
      const operator = mapOperands(type.operator, (operand) => mapper.type(operand), { homomorphic: mapper.homomorphic === true });
      return operator === type.operator ? type : { ...type, operator };
    }
    default:
      return assertNever(type);
  }
}

/** An index signature with its key and value rewritten, itself when both come back as they were. */
export function mapPatternIndex(index: PatternIndex, map: (type: TypeNode) => TypeNode): PatternIndex {
  const key = map(index.key);
  const value = map(index.value);
  return key === index.key && value === index.value ? index : { ...index, key, value };
}

/** A field or union member holding `type`: itself when it already does. */
export function withChildType<T extends Property | UnionMember>(holder: T, type: TypeNode): T {
  return type === holder.type ? holder : { ...holder, type };
}

/**
 * `operator` with its operands rewritten, copied only on change. A mapped
 * type's `homomorphic` source is data about its keys, not an operand, and is
 * kept unless `homomorphic` asks for it to be rewritten too (a rewrite that
 * renames the types it names).
 */
function mapOperands(operator: Operator, map: (operand: TypeNode) => TypeNode, options: { readonly homomorphic: boolean }): Operator {
  switch (operator.op) {
    case "param":
    case "infer":
    case "never":
    case "undefined":
      return operator;
    case "keyof": {
      const target = map(operator.target);
      return target === operator.target ? operator : { ...operator, target };
    }
    case "indexed": {
      const object = map(operator.object);
      const index = map(operator.index);
      return object === operator.object && index === operator.index ? operator : { ...operator, object, index };
    }
    case "mapped": {
      const constraint = map(operator.constraint);
      const nameType = operator.nameType && map(operator.nameType);
      const value = map(operator.value);
      const homomorphic = options.homomorphic && operator.homomorphic ? map(operator.homomorphic) : operator.homomorphic;
      if (constraint === operator.constraint && nameType === operator.nameType && value === operator.value && homomorphic === operator.homomorphic) {
        return operator;
      }
      return { ...operator, constraint, value, ...(nameType ? { nameType } : {}), ...(homomorphic ? { homomorphic } : {}) };
    }
    case "conditional": {
      const check = map(operator.check);
      const extendsType = map(operator.extends);
      const whenTrue = map(operator.whenTrue);
      const whenFalse = map(operator.whenFalse);
      if (check === operator.check && extendsType === operator.extends && whenTrue === operator.whenTrue && whenFalse === operator.whenFalse) {
        return operator;
      }
      return { ...operator, check, extends: extendsType, whenTrue, whenFalse };
    }
    case "template": {
      const spans = mapShared(operator.spans, (span) => {
        const type = map(span.type);
        return type === span.type ? span : { ...span, type };
      });
      return spans === operator.spans ? operator : { ...operator, spans };
    }
    case "utility": {
      const args = mapShared(operator.args, map);
      return args === operator.args ? operator : { ...operator, args };
    }
    default:
      return assertNever(operator);
  }
}

/** `items` mapped, dropping those `map` returns undefined for; `items` itself when every item comes back as it was. */
function mapKept<T>(items: readonly T[], map: (item: T, index: number) => T | undefined): readonly T[] {
  let copy: T[] | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const next = map(item, index);
    if (copy) {
      if (next !== undefined) copy.push(next);
    } else if (next !== item) {
      copy = items.slice(0, index);
      if (next !== undefined) copy.push(next);
    }
  }
  return copy ?? items;
}
