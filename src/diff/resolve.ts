import { unevaluated, type Declaration, type Model, type Property, type SourceLocation, type TypeNode } from "../model/types.js";
import { enumAsUnion, followAliases, mergedProperties, objectParts, type FindDeclaration } from "../model/resolve.js";
import { visitType, type TypeVisitor } from "../model/visit.js";
import { declarationsById } from "../model/walk.js";

/** One version of the protocol as the comparison reads it: the unfiltered model and its declarations by id. */
export interface DiffSide {
  readonly model: Model;
  readonly byId: ReadonlyMap<string, Declaration>;
  readonly find: FindDeclaration;
}

export function sideOf(model: Model): DiffSide {
  const byId = declarationsById(model);
  return { model, byId, find: (id) => byId.get(id) };
}

/**
 * The type a node means on the wire, with references followed: never a
 * reference (unless it dangles) nor an intersection (merged into one object);
 * an enum becomes the union of its values, so enums and literal unions are
 * compared alike.
 */
export function resolveType(side: DiffSide, type: TypeNode): TypeNode {
  const resolved = followAliases(type, side.find);
  if (resolved.kind === "intersection") return mergeIntersection(side, resolved);
  if (resolved.kind !== "ref") return resolved;
  const declaration = side.byId.get(resolved.target);
  return declaration?.kind === "enum" ? enumAsUnion(declaration) : resolved;
}

type ObjectNode = Extract<TypeNode, { kind: "object" }>;

const merged = new WeakMap<TypeNode, ObjectNode>();

/** For an object merged from an intersection: each field that came from a named declaration, and that declaration's id. */
const declaringIds = new WeakMap<ObjectNode, ReadonlyMap<Property, string>>();

/** The declaration a field of `object` was declared in when the object was merged from an intersection, so its changes are named after it. */
export function declaringId(object: ObjectNode, property: Property): string | undefined {
  return declaringIds.get(object)?.get(property);
}

/** Validation guarantees every member is an object; a later member's field wins over an earlier one's. */
function mergeIntersection(side: DiffSide, type: Extract<TypeNode, { kind: "intersection" }>): ObjectNode {
  let result = merged.get(type);
  if (!result) {
    const { parts } = objectParts(type, side.find);
    const declaredIn = new Map<Property, string>();
    let additional: TypeNode | undefined;
    for (const part of parts) {
      if (part.declaredIn !== undefined) for (const property of part.properties) declaredIn.set(property, part.declaredIn);
      additional ??= part.additional;
    }
    const patterns = parts.flatMap((part) => part.patterns ?? []);
    const base = { kind: "object" as const, properties: mergedProperties(parts), ...(patterns.length > 0 ? { patterns } : {}) };
    merged.set(type, (result = additional ? { ...base, additional } : base));
    declaringIds.set(result, declaredIn);
  }
  return result;
}

/** Unions nested deeper than this through their members mean an alias cycle, which validation reports; stop rather than loop. */
const MAX_UNION_DEPTH = 64;

/** A union member as the comparison sees it: nested unions flattened, the type as written kept for recursion. */
export interface FlatMember {
  readonly type: TypeNode;
  readonly resolved: TypeNode;
  readonly experimental: boolean;
  readonly location: SourceLocation;
}

/**
 * The members of `type` when it resolves to a union (nested unions flattened),
 * else `type` as the only member. A member naming a declaration `keep` accepts
 * stays as it is, so the two versions compare that declaration once, as a
 * whole, instead of its members in every union that names it.
 */
export function unionMembers(side: DiffSide, type: TypeNode, location: SourceLocation, keep: (id: string) => boolean = () => false): FlatMember[] {
  const found: FlatMember[] = [];
  const visit = (node: TypeNode, experimental: boolean, at: SourceLocation, depth: number) => {
    const resolved = resolveType(side, node);
    const kept = depth > 0 && node.kind === "ref" && keep(node.target);
    if (resolved.kind !== "union" || kept || depth > MAX_UNION_DEPTH) {
      found.push({ type: node, resolved, experimental, location: at });
      return;
    }
    for (const member of resolved.members) visit(member.type, experimental || Boolean(member.experimental), member.location, depth + 1);
  };
  visit(type, false, location, 0);
  return found;
}

/** The declarations a union names directly as members (not flattened). */
export function memberReferences(side: DiffSide, type: TypeNode): string[] {
  const resolved = resolveType(side, type);
  if (resolved.kind !== "union") return [];
  return resolved.members.flatMap((member) => (member.type.kind === "ref" ? [member.type.target] : []));
}

/** Whether every value of `narrower` is a value of `wider` (for members that are not the same). */
export function accepts(wider: TypeNode, narrower: TypeNode): boolean {
  if (wider.kind !== "primitive") return false;
  if (wider.name === "unknown") return true;
  if (narrower.kind === "primitive" && narrower.name !== wider.name) return false;
  // A format or pattern narrows: only the unconstrained string is known to accept the constrained one.
  if (wider.format !== undefined || wider.pattern !== undefined) return false;
  if (narrower.kind === "primitive") return true;
  return narrower.kind === "literal" && typeof narrower.value === wider.name;
}

/** What a member is matched by first: its value, its primitive, or the declaration it names. */
export function primaryKey(member: FlatMember, rename: (id: string) => string): string | undefined {
  const { resolved } = member;
  if (resolved.kind === "literal") return `literal:${typeof resolved.value}:${String(resolved.value)}`;
  if (resolved.kind === "primitive") return `primitive:${resolved.name}`;
  if (member.type.kind === "ref") return `ref:${rename(member.type.target)}`;
  return undefined;
}

/** What a member is matched by when its primary key found nothing: an object's tag or single key, else its kind. */
export function secondaryKey(member: FlatMember): string {
  const { resolved } = member;
  if (resolved.kind !== "object") return `kind:${resolved.kind}`;
  const tag = resolved.properties.find((property) => !property.experimental && property.type.kind === "literal");
  if (tag?.type.kind === "literal") return `tag:${tag.name}=${String(tag.type.value)}`;
  return resolved.properties.length === 1 ? `key:${resolved.properties[0]!.name}` : "kind:object";
}

/** A short name for a member in paths and messages. */
export function memberLabel(member: FlatMember, side: DiffSide): string {
  const { resolved, type } = member;
  if (resolved.kind === "literal") return JSON.stringify(resolved.value);
  if (resolved.kind === "primitive") return resolved.name;
  if (type.kind === "ref") return side.byId.get(type.target)?.name ?? type.target;
  const key = secondaryKey(member);
  return key.startsWith("tag:") ? key.slice(key.indexOf("=") + 1) : key.startsWith("key:") ? key.slice(4) : resolved.kind;
}

/** A short description of a type for messages: `string`, `"accept"`, `Thread`, `Thread[]`, `{…}`. */
export function describeType(type: TypeNode, side: DiffSide, depth = 0): string {
  return visitType(type, DESCRIPTIONS, side, depth);
}

/** `depth` counts the levels above: nested types are described in less detail. */
const DESCRIPTIONS: TypeVisitor<string, [DiffSide, number]> = {
  primitive: (type) => type.template ?? (type.format ? `${type.name} (${type.format})` : type.name),
  literal: (type) => JSON.stringify(type.value),
  ref: (type, side) => side.byId.get(type.target)?.name ?? type.target,
  array: (type, side, depth) => (depth > 1 ? "array" : `${describeType(type.element, side, depth + 1)}[]`),
  map: (type, side, depth) => (depth > 1 ? "map" : `Record<string, ${describeType(type.value, side, depth + 1)}>`),
  tuple: (type) => `[${type.elements.length} elements${type.rest ? ", …" : ""}]`,
  object: () => "object",
  union: (type, side, depth) => (depth > 0 ? "union" : type.members.map((member) => describeType(member.type, side, depth + 1)).join(" | ")),
  intersection: () => "object",
  operator: unevaluated,
};
