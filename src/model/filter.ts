import { methodTypeIds, reachableIds, referencedIds, walkType } from "./walk.js";
import { assertNever, type Audience, type Declaration, type Model, type TypeNode } from "./types.js";

/**
 * The model one audience sees. Experimental: everything. Stable: experimental
 * methods, declarations, fields and members removed, then only declarations
 * reachable from the stable roots kept, so nothing reachable only through
 * experimental surface survives and no reference dangles.
 */
export function filterModel(model: Model, audience: Audience): Model {
  if (audience === "experimental") return model;
  const methods = model.methods.filter((method) => !method.experimental);
  const stripped = model.declarations.filter((declaration) => !declaration.experimental).map(stripDeclaration);
  const strippedModel: Model = { declarations: stripped, methods };
  const keep = reachableIds(strippedModel, stableRootIds(model));
  return { declarations: stripped.filter((declaration) => keep.has(declaration.id)), methods };
}

/**
 * Stable roots: the params and results of stable methods, plus every stable
 * declaration that no method (stable or not) reaches at all and that no
 * experimental field, member or declaration names: a type named only by
 * experimental surface is not a root, so it leaves stable with that surface.
 */
export function stableRootIds(model: Model): string[] {
  const stableMethods = model.methods.filter((method) => !method.experimental);
  const reachedByAnyMethod = reachableIds(model, methodTypeIds(model));
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
function experimentalReferences(declaration: Declaration): string[] {
  if (declaration.kind === "enum") return [];
  if (declaration.experimental) return referencedIds(declaration.type);
  const ids: string[] = [];
  walkType(declaration.type, (node) => {
    if (node.kind === "object") {
      for (const property of node.properties) if (property.experimental) ids.push(...referencedIds(property.type));
    } else if (node.kind === "union") {
      for (const member of node.members) if (member.experimental) ids.push(...referencedIds(member.type));
    }
  });
  return ids;
}

function stripDeclaration(declaration: Declaration): Declaration {
  if (declaration.kind === "enum") {
    return { ...declaration, members: declaration.members.filter((member) => !member.experimental) };
  }
  return { ...declaration, type: stripType(declaration.type) };
}

function stripType(type: TypeNode): TypeNode {
  switch (type.kind) {
    case "primitive":
    case "literal":
    case "ref":
      return type;
    case "array":
      return { ...type, element: stripType(type.element) };
    case "map":
      return { ...type, value: stripType(type.value) };
    case "tuple":
      return { ...type, elements: type.elements.map(stripType) };
    case "intersection":
      return { ...type, members: type.members.map(stripType) };
    case "object": {
      const properties = type.properties
        .filter((property) => !property.experimental)
        .map((property) => ({ ...property, type: stripType(property.type) }));
      return type.additional ? { ...type, properties, additional: stripType(type.additional) } : { ...type, properties };
    }
    case "union": {
      const members = type.members
        .filter((member) => !member.experimental)
        .map((member) => ({ ...member, type: stripType(member.type) }));
      return members.length === 1 ? members[0]!.type : { ...type, members };
    }
    default:
      return assertNever(type);
  }
}
