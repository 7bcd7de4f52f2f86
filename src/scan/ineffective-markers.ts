import { ts, type TS } from "./typescript.js";
import type { ScanContext } from "./context.js";
import { leadingJsDoc } from "./jsdoc.js";
import { markerTags } from "./markers.js";
import type { FileScope } from "./scope.js";

/**
 * Reports markers in a JSDoc written in front of a type (`type V = /** @experimental *\/ "only"`,
 * `field: /** @experimental *\/ string`): a type that is not a union member takes no markers,
 * so ignoring them would ship the element as stable without a word.
 */
export function reportIneffectiveMarkers(node: TS.TypeNode, scope: FileScope, context: ScanContext): void {
  // A union, intersection or array starting where its first part starts shares that part's comment:
  // the part reads it (a union member's marker is effective), so it is not reported twice.
  if (startsWithItsFirstPart(node)) return;
  const doc = leadingJsDoc(scope.source.text, node);
  if (doc.tags.length === 0) return;
  for (const tag of markerTags(doc)) {
    const fix =
      tag.name === "experimental"
        ? "put it before the declaration, field or registry entry it should mark, or make the value a union member (`A | /** @experimental */ B`)"
        : tag.belongs;
    context.report("ineffective-marker", `@${tag.name} in front of a type has no effect; ${fix}`, scope, tag.offset);
  }
}

function startsWithItsFirstPart(node: TS.TypeNode): boolean {
  const first = ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node) ? node.types[0] : ts.isArrayTypeNode(node) ? node.elementType : undefined;
  return first !== undefined && first.pos === node.pos;
}
