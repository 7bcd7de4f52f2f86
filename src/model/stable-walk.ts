import { assertNever, type TypeNode } from "./types.js";

/** Visits every node of `type` that stays in the stable audience (skipping experimental fields and members), itself first. */
export function walkStable(type: TypeNode, visit: (node: TypeNode) => void): void {
  visit(type);
  switch (type.kind) {
    case "primitive":
    case "literal":
    case "ref":
      return;
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
