import type { Docs, Experimental, SourceLocation, TypeNode, UnionMember } from "../types.js";

/**
 * The small vocabulary evaluation speaks in: `never` is the empty union,
 * `undefined` an operator node that only optional properties absorb, and a
 * union is built by `unionOf`, which flattens, drops `never` and repeats, and
 * unwraps a single unmarked member, as TypeScript normalises unions.
 */

export const NO_DOCS: Docs = Object.freeze({ description: "", tags: Object.freeze({}) });
export const NOWHERE: SourceLocation = { file: "", line: 0, column: 0 };

export const NEVER: TypeNode = { kind: "union", members: [] };
export const UNKNOWN: TypeNode = { kind: "primitive", name: "unknown" };
export const STRING: TypeNode = { kind: "primitive", name: "string" };
export const NUMBER: TypeNode = { kind: "primitive", name: "number" };
const TRUE: TypeNode = { kind: "literal", value: true };
const FALSE: TypeNode = { kind: "literal", value: false };

export function isNever(type: TypeNode): boolean {
  return type.kind === "union" && type.members.length === 0;
}

export function isUndefined(type: TypeNode): boolean {
  return type.kind === "operator" && type.operator.op === "undefined";
}

export function isUnknown(type: TypeNode): boolean {
  return type.kind === "primitive" && type.name === "unknown";
}

export function isNull(type: TypeNode): boolean {
  return type.kind === "primitive" && type.name === "null";
}

/** A member with no marks or docs of its own: what a plain `A | B` holds. */
export function plainMember(type: TypeNode, location: SourceLocation = NOWHERE): UnionMember {
  return { type, docs: NO_DOCS, location };
}

/** `member` with `type` in place of its own, keeping its marks and docs. */
export function withType(member: UnionMember, type: TypeNode): UnionMember {
  return type === member.type ? member : { ...member, type };
}

/** `member` marked experimental (when it is not already). */
export function marked(member: UnionMember, experimental: Experimental | undefined): UnionMember {
  return experimental && !member.experimental ? { ...member, experimental } : member;
}

/** A key that says when two members are the same type, for the simple types that repeat. */
function identity(type: TypeNode): string | undefined {
  switch (type.kind) {
    case "literal":
      return `l:${typeof type.value}:${String(type.value)}`;
    case "primitive":
      if (type.format !== undefined) return undefined;
      return type.pattern === undefined ? `p:${type.name}` : `s:${type.pattern}`;
    case "ref":
      return `r:${type.target}`;
    case "operator":
      return type.operator.op === "undefined" ? "u" : undefined;
    default:
      return undefined;
  }
}

/**
 * The union of `members`, normalised: nested unmarked, undocumented unions
 * spliced in, `never` dropped, repeats removed (a value that is stable in one
 * member is stable), `unknown` absorbing the rest. One plain member is the
 * type itself.
 */
export function unionOf(members: readonly UnionMember[]): TypeNode {
  const flat: UnionMember[] = [];
  const at = new Map<string, number>();
  const add = (member: UnionMember): void => {
    const type = member.type;
    if (type.kind === "union" && (!member.experimental || type.members.length === 0)) {
      for (const inner of type.members) add(marked(inner, member.experimental));
      return;
    }
    const key = identity(type);
    if (key === undefined) {
      flat.push(member);
      return;
    }
    const index = at.get(key);
    if (index === undefined) {
      at.set(key, flat.length);
      flat.push(member);
    } else if (flat[index]!.experimental && !member.experimental) {
      flat[index] = member;
    }
  };
  for (const member of members) add(member);
  if (flat.some((member) => member.type.kind === "primitive" && member.type.name === "unknown" && !member.experimental)) return UNKNOWN;
  if (flat.length === 1 && !flat[0]!.experimental) return flat[0]!.type;
  return { kind: "union", members: flat };
}

/** The members of an evaluated, resolved type for distribution: a union's, `boolean` as `true | false`, else itself. */
export function distributionMembers(type: TypeNode): readonly UnionMember[] {
  if (type.kind === "union") return type.members;
  if (type.kind === "primitive" && type.name === "boolean") return [plainMember(TRUE), plainMember(FALSE)];
  return [plainMember(type)];
}

/** `type` without `undefined` members, and whether it had any. */
export function withoutUndefined(type: TypeNode): { type: TypeNode; hadUndefined: boolean } {
  if (isUndefined(type)) return { type: NEVER, hadUndefined: true };
  if (type.kind !== "union" || !type.members.some((member) => isUndefined(member.type))) return { type, hadUndefined: false };
  return { type: unionOf(type.members.filter((member) => !isUndefined(member.type))), hadUndefined: true };
}

/**
 * TypeScript's `{}` where evaluation makes it (a mapping over a type that is
 * `never`): any value but null, as JSON has them. Known by identity:
 * `{} & X` is `X` without null, and `keyof` is `never`, or for a mapping
 * without `as` its constraint, every key (`ANY_BUT_NULL_EVERY_KEY`).
 */
export const ANY_BUT_NULL: TypeNode = anyButNull();
export const ANY_BUT_NULL_EVERY_KEY: TypeNode = anyButNull();

export function isAnyButNull(type: TypeNode): boolean {
  return type === ANY_BUT_NULL || type === ANY_BUT_NULL_EVERY_KEY;
}

function anyButNull(): TypeNode {
  const types: TypeNode[] = [STRING, NUMBER, { kind: "primitive", name: "boolean" }, { kind: "array", element: UNKNOWN }, { kind: "map", value: UNKNOWN }];
  return unionOf(types.map((type) => plainMember(type)));
}
