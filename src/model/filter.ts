import { mapShared } from "../immutable.js";
import { indexType } from "./type-index.js";
import { closure, declarationsById, methodTypeIds, reachedByMethods } from "./walk.js";
import { assertNever, unevaluated, type Audience, type Declaration, type Model, type TypeNode } from "./types.js";

/**
 * The model one audience sees. Experimental: everything. Stable: experimental
 * methods, declarations, fields and members removed, then only declarations
 * reachable from the stable roots kept, so nothing reachable only through
 * experimental surface survives and no reference dangles.
 */
export function filterModel(model: Model, audience: Audience): Model {
  if (audience === "experimental") return model;
  const methods = model.methods.filter((method) => !method.experimental);
  const byId = declarationsById(model);
  // What a stripped declaration refers to is what the original refers to from stable positions.
  const keep = closure(stableRootIds(model), (id) => {
    const declaration = byId.get(id);
    if (!declaration || declaration.experimental || declaration.kind === "enum") return [];
    return indexType(declaration.type).stableRefs.map((ref) => ref.target);
  });
  const declarations = model.declarations.filter((declaration) => !declaration.experimental && keep.has(declaration.id));
  return { declarations: declarations.map(stripDeclaration), methods };
}

/**
 * Stable roots: the params and results of stable methods, plus every stable
 * declaration that no method (stable or not) reaches at all and that no
 * experimental field, member or declaration names: a type named only by
 * experimental surface is not a root, so it leaves stable with that surface.
 */
export function stableRootIds(model: Model): readonly string[] {
  let roots = stableRoots.get(model);
  if (!roots) stableRoots.set(model, (roots = computeStableRootIds(model)));
  return roots;
}

/** Validation and filtering both need the roots of the same (immutable) model. */
const stableRoots = new WeakMap<Model, readonly string[]>();

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

/** Declarations and type nodes without experimental parts are returned as they are, so stages can share them. */
function stripDeclaration(declaration: Declaration): Declaration {
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

function stripType(type: TypeNode): TypeNode {
  switch (type.kind) {
    case "primitive":
    case "literal":
    case "ref":
      return type;
    case "array": {
      const element = stripType(type.element);
      return element === type.element ? type : { ...type, element };
    }
    case "map": {
      const value = stripType(type.value);
      return value === type.value ? type : { ...type, value };
    }
    case "tuple": {
      const elements = mapShared(type.elements, stripType);
      const rest = type.rest && stripType(type.rest);
      return elements === type.elements && rest === type.rest ? type : { ...type, elements, ...(rest ? { rest } : {}) };
    }
    case "intersection": {
      const members = mapShared(type.members, stripType);
      return members === type.members ? type : { ...type, members };
    }
    case "object": {
      const properties = mapShared(withoutExperimental(type.properties), (property) => {
        const inner = stripType(property.type);
        return inner === property.type ? property : { ...property, type: inner };
      });
      const additional = type.additional && stripType(type.additional);
      if (properties === type.properties && additional === type.additional) return type;
      return additional ? { ...type, properties, additional } : { ...type, properties };
    }
    case "union": {
      const members = mapShared(withoutExperimental(type.members), (member) => {
        const inner = stripType(member.type);
        return inner === member.type ? member : { ...member, type: inner };
      });
      if (members.length === 1) return members[0]!.type;
      return members === type.members ? type : { ...type, members };
    }
    case "operator":
      return unevaluated(type);
    default:
      return assertNever(type);
  }
}
