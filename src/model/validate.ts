import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { aliasCycles } from "./alias-cycles.js";
import { ENVELOPE_NAMES } from "./envelopes.js";
import { stableRootIds } from "./filter.js";
import { recordingFind, stillFound, type KeptLookups } from "./lookups.js";
import { GraphMemo } from "./graph.js";
import { objectParts, type FindDeclaration, type NotAnObject } from "./resolve.js";
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
    ...leaks.get(model),
    ...model.declarations.flatMap((declaration) => keptShape(declaration, byId)),
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
 * A walk that found no leak finds none in a later model with the same graph
 * (`graphKey`): which declarations are experimental and which ids
 * each names from a stable position decide it; names and locations only word
 * the diagnostics, so a walk that found some is done again.
 */
const leaks = new GraphMemo<readonly Diagnostic[]>(experimentalLeaks, (found) => found.length === 0);

/**
 * Follows only stable edges from the stable roots; any of them that lands on
 * an experimental declaration is a leak, reported where the reference is written.
 */
function experimentalLeaks(model: Model): Diagnostic[] {
  const byId = declarationsById(model);
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

/** A declaration's shape problems with the declarations finding them looked up. */
interface KeptShape extends KeptLookups {
  readonly diagnostics: readonly Diagnostic[];
}

const keptShapes = new WeakMap<Declaration, KeptShape>();

/** `declarationShape`, reused while the declaration and those it looked up are the same objects (across runs of `watch`). */
function keptShape(declaration: Declaration, byId: ReadonlyMap<string, Declaration>): readonly Diagnostic[] {
  const kept = keptShapes.get(declaration);
  if (kept && stillFound(kept, byId)) return kept.diagnostics;
  const found = new Map<string, Declaration | undefined>();
  const diagnostics = declarationShape(declaration, recordingFind(byId, found));
  keptShapes.set(declaration, { found, checkedIn: byId, diagnostics });
  return diagnostics;
}

function declarationShape(declaration: Declaration, find: FindDeclaration): Diagnostic[] {
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
      const problem = objectParts(member, find).problems[0];
      if (problem) {
        const at = member.kind === "ref" ? member.location : intersection.location;
        diagnostics.push(createDiagnostic("unsupported-construct", `an intersection must combine object types; ${describeProblem(problem)}`, at));
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

/** Why a member is not an object, naming each alias followed to it: `"A" is not an object type ("B" is an enum)`. */
function describeProblem(problem: NotAnObject): string {
  const { found } = problem;
  let reason = found.kind === "enum" ? `"${found.declaration.name}" is an enum` : `found a ${found.type.kind} type`;
  for (let index = problem.aliases.length - 1; index >= 0; index--) reason = `"${problem.aliases[index]!.name}" is not an object type (${reason})`;
  return reason;
}
