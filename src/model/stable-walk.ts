import { assertNever, type TypeNode } from "./types.js";

type RefNode = Extract<TypeNode, { kind: "ref" }>;

/** Visits the references in `type` that stay in the stable audience (skipping experimental fields and members). */
export function walkStable(type: TypeNode, visit: (ref: RefNode) => void): void {
  switch (type.kind) {
    case "primitive":
    case "literal":
      return;
    case "ref":
      return visit(type);
    case "array":
      return walkStable(type.element, visit);
    case "map":
      return walkStable(type.value, visit);
    case "tuple":
      return type.elements.forEach((element) => walkStable(element, visit));
    case "intersection":
      return type.members.forEach((member) => walkStable(member, visit));
    case "object":
      for (const property of type.properties) if (!property.experimental) walkStable(property.type, visit);
      if (type.additional) walkStable(type.additional, visit);
      return;
    case "union":
      for (const member of type.members) if (!member.experimental) walkStable(member.type, visit);
      return;
    default:
      return assertNever(type);
  }
}
