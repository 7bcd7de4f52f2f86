import type { Declaration, Method, TypeNode } from "./types.js";

/** For each declaration id, the methods whose params or result name it directly. */
export function methodsByType(methods: readonly Method[]): Map<string, Method[]> {
  const owners = new Map<string, Method[]>();
  for (const method of methods) {
    for (const type of [method.params, method.result]) {
      if (type?.kind !== "ref") continue;
      const list = owners.get(type.target) ?? [];
      if (!list.includes(method)) list.push(method);
      owners.set(type.target, list);
    }
  }
  return owners;
}

/**
 * How fields of a declaration are named in derived reasons: `<method>` when
 * exactly one method uses it as params or result, else the type's name.
 */
export function fieldPrefix(declaration: Declaration, owners: ReadonlyMap<string, readonly Method[]>): string {
  const methods = owners.get(declaration.id);
  return methods?.length === 1 ? methods[0]!.name : declaration.name;
}

/**
 * A union member's name in derived reasons: its literal, the type it names,
 * its object's discriminant value, or the key of a single-key object
 * (`{ acceptWithExecpolicyAmendment: {…} }`); the position as a last resort.
 */
export function memberLabel(type: TypeNode, index: number, declarationsById: { get(id: string): Declaration | undefined }): string {
  switch (type.kind) {
    case "literal":
      return String(type.value);
    case "primitive":
      return type.name;
    case "ref":
      return declarationsById.get(type.target)?.name ?? type.target;
    case "object": {
      const tag = type.properties.find((property) => property.type.kind === "literal");
      if (tag?.type.kind === "literal") return String(tag.type.value);
      return type.properties.length === 1 ? type.properties[0]!.name : String(index);
    }
    default:
      return String(index);
  }
}
