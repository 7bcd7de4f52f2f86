import { GraphMemo } from "./graph.js";
import { indexType } from "./type-index.js";
import { closure, declarationsById, methodTypeIds, reachedByMethods } from "./walk.js";
import type { Audience, Declaration, Model, TypeNode } from "./types.js";
import { mapChildren, withChildType, type ChildMapper } from "./visit.js";

/**
 * The model one audience sees. Experimental: everything. Stable: experimental
 * methods, declarations, fields and members removed, then only declarations
 * reachable from the stable roots kept, so nothing reachable only through
 * experimental surface survives and no reference dangles.
 */
export function filterModel(model: Model, audience: Audience): Model {
  if (audience === "experimental") return model;
  const methods = model.methods.filter((method) => !method.experimental);
  const keep = stableKept.get(model);
  const declarations = model.declarations.filter((declaration) => !declaration.experimental && keep.has(declaration.id));
  return { declarations: declarations.map(stripDeclaration), methods };
}

/** What the stable audience keeps: the stable declarations the stable roots reach through stable positions. */
const stableKept = new GraphMemo((model): ReadonlySet<string> => {
  const byId = declarationsById(model);
  // What a stripped declaration refers to is what the original refers to from stable positions.
  return closure(stableRootIds(model), (id) => {
    const declaration = byId.get(id);
    if (!declaration || declaration.experimental || declaration.kind === "enum") return [];
    return indexType(declaration.type).stableRefs.map((ref) => ref.target);
  });
});

/**
 * Stable roots: the params and results of stable methods, plus every stable
 * declaration that no method (stable or not) reaches at all and that no
 * experimental field, member or declaration names: a type named only by
 * experimental surface is not a root, so it leaves stable with that surface.
 */
export function stableRootIds(model: Model): readonly string[] {
  return stableRoots.get(model);
}

/** Validation and filtering both need the roots of the same graph. */
const stableRoots = new GraphMemo(computeStableRootIds);

function computeStableRootIds(model: Model): string[] {
  const stableMethods = model.methods.filter((method) => !method.experimental);
  const reachedByAnyMethod = reachedByMethods(model);
  const namedByExperimental = new Set(model.declarations.flatMap(experimentalReferences));
  const unreached = model.declarations
    .map((declaration) => declaration.id)
    .filter((id) => !reachedByAnyMethod.has(id) && !namedByExperimental.has(id));
  return [...new Set([...methodTypeIds({ ...model, methods: stableMethods }), ...unreached])].sort();
}

/**
 * Ids a declaration names through experimental surface: its whole body if it
 * is experimental, else the types of its experimental fields and members.
 */
function experimentalReferences(declaration: Declaration): readonly string[] {
  if (declaration.kind === "enum") return [];
  const index = indexType(declaration.type);
  return declaration.experimental ? index.ids : index.experimentalRefs.map((ref) => ref.target);
}

/**
 * Declarations and type nodes without experimental parts are returned as they
 * are, so stages can share them; a declaration met again (both audiences of a
 * run, or the next run of `watch`) gets the same stripped object back.
 */
function stripDeclaration(declaration: Declaration): Declaration {
  let result = strippedDeclarations.get(declaration);
  if (!result) strippedDeclarations.set(declaration, (result = computeStripped(declaration)));
  return result;
}

const strippedDeclarations = new WeakMap<Declaration, Declaration>();

function computeStripped(declaration: Declaration): Declaration {
  if (declaration.kind === "enum") {
    const members = withoutExperimental(declaration.members);
    return members === declaration.members ? declaration : { ...declaration, members };
  }
  if (!indexType(declaration.type).experimentalParts) return declaration;
  const type = stripType(declaration.type);
  return type === declaration.type ? declaration : { ...declaration, type };
}

/** `items` itself when none is experimental. */
function withoutExperimental<T extends { readonly experimental?: unknown }>(items: readonly T[]): readonly T[] {
  return items.some((item) => item.experimental) ? items.filter((item) => !item.experimental) : items;
}

/** Experimental fields and members dropped at every level; a union left with one member becomes that member. */
const STRIP: ChildMapper = {
  type: stripType,
  property: (property) => (property.experimental ? undefined : withChildType(property, stripType(property.type))),
  member: (member) => (member.experimental ? undefined : withChildType(member, stripType(member.type))),
};

function stripType(type: TypeNode): TypeNode {
  const stripped = mapChildren(type, STRIP);
  return stripped.kind === "union" && stripped.members.length === 1 ? stripped.members[0]!.type : stripped;
}
