import type { Declaration, PatternIndex, Property, TypeNode } from "./types.js";

/**
 * What a type stands for once the names in it are looked through: references
 * to aliases followed to their bodies, an intersection of objects taken apart
 * into the objects it combines, an enum read as the union of its values. Every
 * stage that asks these questions (validation, the gate table, the JSON Schema
 * emitter, `diff`) asks here.
 */

/** Finds a declaration by id; undefined when there is none. */
export type FindDeclaration = (id: string) => Declaration | undefined;

type EnumDeclaration = Extract<Declaration, { kind: "enum" }>;
type UnionNode = Extract<TypeNode, { kind: "union" }>;

/**
 * `type` with references to aliases followed to the type they name. It stops
 * at a reference to an enum, to a missing declaration (the scanner reported
 * it), or to an alias already in `followed` (a cycle, which validation
 * reports). Pass `followed` to share it across several calls, e.g. down the
 * members of a union, so a cycle through them ends too; each alias followed is
 * added to it.
 */
export function followAliases(type: TypeNode, find: FindDeclaration, followed?: Set<string>): TypeNode {
  let current = type;
  let seen = followed;
  while (current.kind === "ref") {
    const target = find(current.target);
    if (target?.kind !== "alias" || seen?.has(target.id)) return current;
    (seen ??= new Set()).add(target.id);
    current = target.type;
  }
  return current;
}

const enumUnions = new WeakMap<EnumDeclaration, UnionNode>();

/** An enum as the union of its literal values, members' docs and marks kept. Made once per (immutable) declaration. */
export function enumAsUnion(declaration: EnumDeclaration): UnionNode {
  let union = enumUnions.get(declaration);
  if (!union) {
    const members = declaration.members.map((member) => ({
      type: { kind: "literal" as const, value: member.value },
      docs: member.docs,
      location: member.location,
      ...(member.experimental ? { experimental: member.experimental } : {}),
    }));
    enumUnions.set(declaration, (union = { kind: "union", members }));
  }
  return union;
}

/** One object an intersection combines: its named properties and what its other keys may hold. */
export interface ObjectPart {
  readonly properties: readonly Property[];
  /** An index signature's value (`{ [key: string]: V }`), or a map's value (`Record<string, V>`). */
  readonly additional?: TypeNode | undefined;
  /** Index signatures keyed by template literal types (`{ [key: \`x-${string}\`]: V }`). */
  readonly patterns?: readonly PatternIndex[] | undefined;
  /** The alias whose body this part is written in, when it was reached through a reference. */
  readonly declaredIn?: string;
}

/** Why a type that should be an object (an intersection member) is none. */
export interface NotAnObject {
  /** The aliases followed to reach it, outermost first. */
  readonly aliases: readonly Declaration[];
  readonly found: { readonly kind: "enum"; readonly declaration: EnumDeclaration } | { readonly kind: "type"; readonly type: TypeNode };
}

export interface ObjectParts {
  /** In declaration order: nested intersections flattened, aliases inlined. */
  readonly parts: readonly ObjectPart[];
  /** Members that are not objects, in the same order; validation reports them, so later stages see none. */
  readonly problems: readonly NotAnObject[];
}

/**
 * The objects `type` combines: itself when it is an object or a map, the
 * members of an intersection (nested ones flattened), and what an alias it
 * names stands for. A reference that dangles or closes a cycle adds nothing
 * (both are reported elsewhere); anything else is a problem.
 */
export function objectParts(type: TypeNode, find: FindDeclaration): ObjectParts {
  const parts: ObjectPart[] = [];
  const problems: NotAnObject[] = [];
  // The aliases on the way to the node being taken apart: the innermost one declares it, any of them repeated is a cycle.
  const aliases: Declaration[] = [];
  const collect = (node: TypeNode): void => {
    switch (node.kind) {
      case "object": {
        const declaredIn = aliases.at(-1)?.id;
        parts.push(declaredIn === undefined ? node : { properties: node.properties, additional: node.additional, patterns: node.patterns, declaredIn });
        return;
      }
      case "map": {
        const declaredIn = aliases.at(-1)?.id;
        parts.push(declaredIn === undefined ? { properties: [], additional: node.value } : { properties: [], additional: node.value, declaredIn });
        return;
      }
      case "intersection":
        for (const member of node.members) collect(member);
        return;
      case "ref": {
        const target = find(node.target);
        if (!target || aliases.includes(target)) return;
        if (target.kind === "enum") {
          problems.push({ aliases: [...aliases], found: { kind: "enum", declaration: target } });
          return;
        }
        aliases.push(target);
        collect(target.type);
        aliases.pop();
        return;
      }
      default:
        problems.push({ aliases: [...aliases], found: { kind: "type", type: node } });
    }
  };
  collect(type);
  return { parts, problems };
}

/** The properties of the parts as one object: a later part's property replaces an earlier one of the same name, in the earlier one's place. */
export function mergedProperties(parts: readonly ObjectPart[]): readonly Property[] {
  if (parts.length === 1) return parts[0]!.properties;
  const merged = new Map<string, Property>();
  for (const part of parts) for (const property of part.properties) merged.set(property.name, property);
  return [...merged.values()];
}
