import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { aliasCycles } from "./alias-cycles.js";
import { ENVELOPE_NAMES } from "./envelopes.js";
import { stableRootIds } from "./filter.js";
import { indexType } from "./type-index.js";
import { declarationsById } from "./walk.js";
import type { Declaration, Model, SourceLocation, TypeNode } from "./types.js";

/** Problems that need the whole model: circular aliases, leaks, reserved names, bad intersections, empty stable unions. */
export function validateModel(model: Model, inputRoot: SourceLocation): Diagnostic[] {
  if (model.declarations.length === 0 && model.methods.length === 0) {
    return [createDiagnostic("no-declarations", "no declarations found: export an interface, type alias, enum or class", inputRoot)];
  }
  const byId = declarationsById(model);
  return [
    ...aliasCycles(model),
    ...reservedNames(model),
    ...experimentalLeaks(model, byId),
    ...model.declarations.flatMap((declaration) => declarationShape(declaration, byId)),
  ];
}

function reservedNames(model: Model): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const declaration of model.declarations) {
    const { name, location } = declaration;
    // Compared without case: `Index.ts` and `index.ts` are one file on macOS and Windows checkouts.
    if (name.length === 5 && name.toLowerCase() === "index") {
      const message = `"${name}" would be written to the same file as the namespace's re-export file index.ts; rename this type`;
      diagnostics.push(createDiagnostic("reserved-name", message, location));
    } else if (model.methods.length > 0 && declaration.namespace.length === 0 && (ENVELOPE_NAMES as readonly string[]).includes(name)) {
      diagnostics.push(createDiagnostic("reserved-name", `"${name}" is generated from the @methods registries; rename this type`, location));
    }
  }
  return diagnostics;
}

/**
 * Follows only stable edges from the stable roots; any of them that lands on
 * an experimental declaration is a leak, reported where the reference is written.
 */
function experimentalLeaks(model: Model, byId: ReadonlyMap<string, Declaration>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const queue: string[] = [];
  const check = (type: TypeNode, from: string): void => {
    for (const ref of indexType(type).stableRefs) {
      const target = byId.get(ref.target);
      if (target?.experimental) {
        const reason = target.experimental.reason === target.name ? "" : ` (reason "${target.experimental.reason}")`;
        diagnostics.push(
          createDiagnostic(
            "experimental-leak",
            `experimental type "${target.name}"${reason} is reachable from stable ${from}; mark this reference @experimental or make "${target.name}" stable`,
            ref.location,
          ),
        );
      } else if (target) {
        queue.push(target.id);
      }
    }
  };
  for (const method of model.methods) {
    if (method.experimental) continue;
    if (method.params) check(method.params, `method "${method.name}"`);
    if (method.result) check(method.result, `method "${method.name}"`);
  }
  for (const id of stableRootIds(model)) if (!byId.get(id)?.experimental) queue.push(id);
  const visited = new Set<string>();
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (visited.has(id)) continue;
    visited.add(id);
    const declaration = byId.get(id);
    if (declaration?.kind === "alias") check(declaration.type, `"${declaration.name}"`);
  }
  return diagnostics;
}

function declarationShape(declaration: Declaration, byId: ReadonlyMap<string, Declaration>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (declaration.kind === "enum") {
    if (!declaration.experimental && declaration.members.length > 0 && declaration.members.every((member) => member.experimental)) {
      diagnostics.push(emptyUnion(declaration.name, declaration.location, "enum"));
    }
    return diagnostics;
  }
  const index = indexType(declaration.type);
  // Only stable positions: a union left empty inside an experimental field or type never reaches stable.
  if (!declaration.experimental) {
    for (const union of index.stableUnions) {
      if (union.members.length > 0 && union.members.every((member) => member.experimental)) {
        diagnostics.push(emptyUnion(declaration.name, union.members[0]!.location, union.members.length === 1 ? "member" : "union"));
      }
    }
  }
  for (const intersection of index.intersections) {
    for (const member of intersection.members) {
      const problem = nonObjectReason(member, byId, new Set());
      if (problem) {
        const at = member.kind === "ref" ? member.location : intersection.location;
        diagnostics.push(createDiagnostic("unsupported-construct", `an intersection must combine object types; ${problem}`, at));
      }
    }
  }
  return diagnostics;
}

function emptyUnion(name: string, location: SourceLocation, kind: "union" | "enum" | "member"): Diagnostic {
  if (kind === "member") {
    return createDiagnostic(
      "empty-union",
      `this experimental value is used in stable "${name}", whose stable form would have no value here; mark the field @experimental`,
      location,
    );
  }
  const which = kind === "enum" ? `the enum "${name}"` : `this union in "${name}"`;
  return createDiagnostic(
    "empty-union",
    `every member of ${which} is experimental, so its stable form would have no values; keep one member stable or mark the whole type @experimental`,
    location,
  );
}

/** Why `type` is not an object (following aliases), or undefined when it is one. */
function nonObjectReason(type: TypeNode, byId: ReadonlyMap<string, Declaration>, seen: Set<string>): string | undefined {
  switch (type.kind) {
    case "object":
    case "map":
      return undefined;
    case "intersection":
      return type.members.map((member) => nonObjectReason(member, byId, seen)).find(Boolean);
    case "ref": {
      const target = byId.get(type.target);
      if (!target || seen.has(type.target)) return undefined;
      seen.add(type.target);
      if (target.kind === "enum") return `"${target.name}" is an enum`;
      const inner = nonObjectReason(target.type, byId, seen);
      return inner && `"${target.name}" is not an object type (${inner})`;
    }
    default:
      return `found a ${type.kind} type`;
  }
}
