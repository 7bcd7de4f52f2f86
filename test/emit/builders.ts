/** Plain-data builders for hand-written models in emitter tests. */
import type { Declaration, Docs, EnumMember, Method, Model, Property, SourceLocation, TypeNode, UnionMember } from "../../src/model/types.js";

export const at: SourceLocation = { file: "protocol-defs/test.ts", line: 1, column: 1 };
export const noDocs: Docs = { description: "", tags: {} };

export const string: TypeNode = { kind: "primitive", name: "string" };
export const number: TypeNode = { kind: "primitive", name: "number" };
export const boolean: TypeNode = { kind: "primitive", name: "boolean" };
export const nul: TypeNode = { kind: "primitive", name: "null" };
export const unknown: TypeNode = { kind: "primitive", name: "unknown" };

export const lit = (value: string | number | boolean): TypeNode => ({ kind: "literal", value });
export const ref = (target: string): TypeNode => ({ kind: "ref", target, location: at });
export const array = (element: TypeNode): TypeNode => ({ kind: "array", element });
export const tuple = (...elements: TypeNode[]): TypeNode => ({ kind: "tuple", elements });
export const map = (value: TypeNode): TypeNode => ({ kind: "map", value });
export const object = (properties: Property[], additional?: TypeNode): TypeNode =>
  additional ? { kind: "object", properties, additional } : { kind: "object", properties };
export const intersection = (...members: TypeNode[]): TypeNode => ({ kind: "intersection", members, location: at });
export const union = (...members: (TypeNode | UnionMember)[]): TypeNode => ({
  kind: "union",
  members: members.map((member) => ("kind" in member ? { type: member, docs: noDocs, location: at } : member)),
});
export const documented = (type: TypeNode, docs: Partial<Docs>): UnionMember => ({
  type,
  docs: { ...noDocs, ...docs },
  location: at,
});
export const nullable = (type: TypeNode): TypeNode => union(type, nul);

export function prop(name: string, type: TypeNode, options: { optional?: boolean; docs?: Partial<Docs> } = {}): Property {
  return { name, type, optional: options.optional ?? false, docs: { ...noDocs, ...options.docs }, location: at };
}

/** `id` is "Name" or "ns.Name"; the last segment is the name. */
export function alias(id: string, type: TypeNode, docs: Partial<Docs> = {}): Declaration {
  const segments = id.split(".");
  return { kind: "alias", id, name: segments.pop()!, namespace: segments, type, docs: { ...noDocs, ...docs }, location: at };
}

export function enumeration(id: string, members: [string, string | number, Partial<Docs>?][], docs: Partial<Docs> = {}): Declaration {
  const segments = id.split(".");
  const enumMembers: EnumMember[] = members.map(([name, value, memberDocs]) => ({
    name,
    value,
    docs: { ...noDocs, ...memberDocs },
    location: at,
  }));
  return { kind: "enum", id, name: segments.pop()!, namespace: segments, members: enumMembers, docs: { ...noDocs, ...docs }, location: at };
}

export function request(name: string, params: string | undefined, result: string): Method {
  return {
    name,
    direction: "clientRequest",
    ...(params && { params: ref(params) }),
    result: ref(result),
    docs: noDocs,
    location: at,
  };
}

export function modelOf(declarations: Declaration[], methods: Method[] = []): Model {
  return { declarations: [...declarations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), methods };
}
