import { assertNever, unevaluated, type Declaration, type Model, type Property, type SourceLocation, type TypeNode } from "../model/types.js";
import { declarationsById } from "../model/walk.js";

/** One version of the protocol as the comparison reads it: the unfiltered model and its declarations by id. */
export interface DiffSide {
  readonly model: Model;
  readonly byId: ReadonlyMap<string, Declaration>;
}

export function sideOf(model: Model): DiffSide {
  return { model, byId: declarationsById(model) };
}

/** Following aliases further than this means an alias cycle, which the scanner does not produce; stop rather than loop. */
const MAX_ALIAS_DEPTH = 64;

/**
 * The type a node means on the wire, with references followed: never a
 * reference (unless it dangles) nor an intersection (merged into one object);
 * an enum becomes the union of its values, so enums and literal unions are
 * compared alike.
 */
export function resolveType(side: DiffSide, type: TypeNode): TypeNode {
  let current = type;
  for (let depth = 0; depth < MAX_ALIAS_DEPTH; depth++) {
    if (current.kind === "intersection") return mergeIntersection(side, current);
    if (current.kind !== "ref") return current;
    const declaration = side.byId.get(current.target);
    if (!declaration) return current;
    current = declaration.kind === "enum" ? enumAsUnion(declaration) : declaration.type;
  }
  return current;
}

const enumUnions = new WeakMap<Declaration, TypeNode>();

function enumAsUnion(declaration: Extract<Declaration, { kind: "enum" }>): TypeNode {
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

const merged = new WeakMap<TypeNode, TypeNode>();

/** The declaration a field merged from an intersection was declared in, so its changes are named after it. */
const declaringIds = new WeakMap<Property, string>();

export function declaringId(property: Property): string | undefined {
  return declaringIds.get(property);
}

/** Validation guarantees every member is an object; a later member's field wins over an earlier one's. */
function mergeIntersection(side: DiffSide, type: Extract<TypeNode, { kind: "intersection" }>): TypeNode {
  let result = merged.get(type);
  if (!result) {
    const properties = new Map<string, Property>();
    let additional: TypeNode | undefined;
    for (const member of type.members) {
      const object = resolveType(side, member);
      if (object.kind !== "object") continue;
      for (const property of object.properties) {
        properties.set(property.name, property);
        if (member.kind === "ref" && !declaringIds.has(property)) declaringIds.set(property, member.target);
      }
      additional ??= object.additional;
    }
    const base = { kind: "object" as const, properties: [...properties.values()] };
    merged.set(type, (result = additional ? { ...base, additional } : base));
  }
  return result;
}

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
    if (resolved.kind !== "union" || kept || depth > MAX_ALIAS_DEPTH) {
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
  switch (type.kind) {
    case "primitive":
      return type.template ?? (type.format ? `${type.name} (${type.format})` : type.name);
    case "literal":
      return JSON.stringify(type.value);
    case "ref":
      return side.byId.get(type.target)?.name ?? type.target;
    case "array":
      return depth > 1 ? "array" : `${describeType(type.element, side, depth + 1)}[]`;
    case "map":
      return depth > 1 ? "map" : `Record<string, ${describeType(type.value, side, depth + 1)}>`;
    case "tuple":
      return `[${type.elements.length} elements${type.rest ? ", …" : ""}]`;
    case "object":
      return "object";
    case "union":
      return depth > 0 ? "union" : type.members.map((member) => describeType(member.type, side, depth + 1)).join(" | ");
    case "intersection":
      return "object";
    case "operator":
      return unevaluated(type);
    default:
      return assertNever(type);
  }
}
