import { ts, type TS } from "./typescript.js";
import { enumMemberLiteral, type EnumMember, type TypeNode, type UtilityName } from "../model/types.js";
import { convertOperand, operatorNode } from "./convert-operator.js";
import { ERROR_TYPE, type ScanContext, type TypeEnv } from "./context.js";
import { convertDeclarationBody, enumMembers } from "./declaration-body.js";
import { convertType } from "./convert-type.js";
import { locationOf } from "./location.js";
import { isInstancePlaceholder } from "./recursive-instances.js";
import { findExport, isRelativeSpecifier, isSite, typeParametersOf, type DeclarationEntry, type DeclarationSite, type FileScope } from "./scope.js";

/** The module authors import markers from; its names are read from syntax, never resolved. */
const MARKERS_MODULE = "schemagate/markers";

/** Deeper than this, a generic expansion is taken to be infinitely recursive. */
const MAX_EXPANSION_DEPTH = 32;
/** More distinct generic instances than this in one input is not a protocol but a type-level program. */
const MAX_EXPANSIONS = 5_000;

export function convertReference(node: TS.TypeReferenceNode, scope: FileScope, env: TypeEnv, context: ScanContext): TypeNode {
  if (ts.isQualifiedName(node.typeName)) {
    const inner = namespaceOf(node.typeName.left, scope);
    if (inner) return convertReferenceTo(node.typeName.right, node.typeArguments, node, inner, env, context, scope);
    return convertEnumMemberReference(node.typeName, scope, context);
  }
  return convertReferenceTo(node.typeName, node.typeArguments, node, scope, env, context);
}

/** A reference by name, from a type position or an `extends` clause. */
export function convertReferenceTo(
  name: TS.Identifier,
  typeArguments: TS.NodeArray<TS.TypeNode> | undefined,
  node: TS.Node,
  scope: FileScope,
  env: TypeEnv,
  context: ScanContext,
  /** Where the reference is written, when `scope` is a namespace it names (`Ns.Type`). */
  at: FileScope = scope,
): TypeNode {
  const text = name.text;
  if (text === "") return ERROR_TYPE; // a missing name: the parser already reported a syntax error
  const argumentNodes = typeArguments ?? [];
  const parameter = env.get(text);
  if (parameter) return argumentNodes.length === 0 ? parameter : arityError(text, 0, 0, argumentNodes.length, node, scope, context);
  const lookup = lookupDeclaration(text, scope, context);
  if (lookup === "reported") return ERROR_TYPE;
  if (lookup === undefined) {
    const builtin = convertBuiltin(text, argumentNodes, node, scope, env, context);
    if (builtin) return builtin;
    context.report("unresolved-reference", `cannot find type "${text}" in the input`, scope, name);
    return ERROR_TYPE;
  }
  if (!isGeneric(lookup)) {
    if (argumentNodes.length > 0) return arityError(text, 0, 0, argumentNodes.length, node, scope, context);
    return { kind: "ref", target: lookup.id, location: locationOf(at.sourceFile, at.source.path, name) };
  }
  const parameters = typeParametersOf(lookup.node);
  const required = parameters.filter((parameter) => !parameter.default).length;
  if (argumentNodes.length < required || argumentNodes.length > parameters.length) {
    return arityError(text, required, parameters.length, argumentNodes.length, node, scope, context);
  }
  if (context.expanding.length >= MAX_EXPANSION_DEPTH || context.expansions >= MAX_EXPANSIONS) {
    context.report("unsupported-construct", tooManyExpansions(text, lookup.id, context), scope, node);
    return ERROR_TYPE;
  }
  const bindings = new Map<string, TypeNode>();
  parameters.forEach((parameter, index) => {
    const argument = argumentNodes[index];
    bindings.set(
      parameter.name.text,
      argument
        ? convertType(argument, at, env, context)
        : convertType(parameter.default!, lookup.scope, bindings, context),
    );
  });
  const key = instanceKey(lookup.id, bindings);
  const here = locationOf(at.sourceFile, at.source.path, name);
  if (context.expanding.includes(key)) {
    // The instance refers to itself: it becomes a declaration, and this use a reference to it.
    return { kind: "ref", target: context.recursive.placeholder(key, lookup, [...bindings.values()]), location: here };
  }
  const known = context.instances.get(key);
  if (known) return isInstanceReference(known) ? { ...known, location: here } : known;
  context.expansions++;
  context.expanding.push(key);
  let instance: TypeNode;
  try {
    instance = convertDeclarationBody(lookup, bindings, context);
  } finally {
    context.expanding.pop();
  }
  const placeholder = context.recursive.named(key);
  if (placeholder === undefined) {
    context.instances.set(key, instance);
    return instance;
  }
  const declaration = context.recursive.declare(placeholder, lookup, instance);
  context.instances.set(key, { kind: "ref", target: placeholder, location: declaration.location });
  return { kind: "ref", target: placeholder, location: here };
}

/** A recursive instance's reference, taken again at each use with that use's location. */
function isInstanceReference(type: TypeNode): type is Extract<TypeNode, { kind: "ref" }> {
  return type.kind === "ref" && isInstancePlaceholder(type.target);
}

function tooManyExpansions(name: string, id: string, context: ScanContext): string {
  if (context.expanding.length < MAX_EXPANSION_DEPTH) return `generic "${name}" is one generic instance too many; declare a non-generic type for it`;
  // A generic met again with the same arguments would have been a reference: it came back with new ones at every level.
  if (context.expanding.some((key) => key.startsWith(`${id}<`))) {
    return (
      `generic "${name}" refers to itself with other type arguments at every level (as \`Nest<T[]>\` inside \`Nest<T>\`), ` +
      "so it stands for infinitely many types and no schema can name them; keep its arguments the same where it refers to itself"
    );
  }
  return `generic instances nest more than ${MAX_EXPANSION_DEPTH} deep here; declare a non-generic type for "${name}"`;
}

/** Identifies a generic instance by declaration and argument shapes (locations left out). */
function instanceKey(id: string, bindings: ReadonlyMap<string, TypeNode>): string {
  return `${id}<${JSON.stringify([...bindings.values()], (key, value) => (key === "location" ? undefined : value))}>`;
}

/** Generic declarations are never released: they are expanded where used (see `ModuleTable`). */
function isGeneric(entry: DeclarationEntry): entry is DeclarationSite {
  return isSite(entry) && typeParametersOf(entry.node).length > 0;
}

function arityError(
  name: string,
  min: number,
  max: number,
  got: number,
  node: TS.Node,
  scope: FileScope,
  context: ScanContext,
): TypeNode {
  const count = min === max ? `${max}` : `${min} to ${max}`;
  const wanted = max === 0 ? "no type arguments" : `${count} type argument${max === 1 ? "" : "s"}`;
  context.report("type-arguments", `"${name}" takes ${wanted}, got ${got}`, scope, node);
  return ERROR_TYPE;
}

/**
 * Finds the declaration a name refers to in a file: local, then imported.
 * "reported" means a diagnostic was already given (for example at the import).
 */
export function lookupDeclaration(
  name: string,
  scope: FileScope,
  context: ScanContext,
): DeclarationEntry | "reported" | undefined {
  const known = scope.declarations.get(name) ?? scope.imported.get(name);
  if (known) return known;
  const binding = scope.imports.get(name);
  if (!binding) return scope.parent ? lookupDeclaration(name, scope.parent, context) : undefined;
  if (!isRelativeSpecifier(binding.specifier)) {
    if (binding.specifier === MARKERS_MODULE) return undefined; // Request and Notification: handled as built-ins
    context.report(
      "unresolved-reference",
      `"${name}" comes from "${binding.specifier}", outside the input; declare it in the input instead`,
      scope,
      binding.node,
    );
    return "reported";
  }
  if (binding.target === undefined) return "reported"; // the import itself was reported as unresolved
  const found = findExport(context.modules.scope(binding.target), binding.importedName, context.modules);
  if (found) {
    scope.imported.set(name, found);
    return found;
  }
  context.report(
    "unresolved-reference",
    `"${binding.specifier}" has no type named "${binding.importedName}"`,
    scope,
    binding.node,
  );
  return "reported";
}

function convertBuiltin(
  name: string,
  argumentNodes: readonly TS.TypeNode[],
  node: TS.Node,
  scope: FileScope,
  env: TypeEnv,
  context: ScanContext,
): TypeNode | undefined {
  const argument = (index: number) => convertType(argumentNodes[index]!, scope, env, context);
  switch (name) {
    case "Array":
    case "ReadonlyArray":
      return argumentNodes.length === 1
        ? { kind: "array", element: argument(0) }
        : arityError(name, 1, 1, argumentNodes.length, node, scope, context);
    case "Record":
      if (argumentNodes.length !== 2) return arityError(name, 2, 2, argumentNodes.length, node, scope, context);
      if (argumentNodes[0]!.kind === ts.SyntaxKind.StringKeyword) return { kind: "map", value: argument(1), stringKeys: true };
      return utility(name, argumentNodes, node, scope, env, context);
    case "Readonly":
    case "Awaited":
    case "NoInfer":
      // The same JSON values: readonly-ness is not on the wire, and a non-promise is its own awaited type.
      return argumentNodes.length === 1 ? argument(0) : arityError(name, 1, 1, argumentNodes.length, node, scope, context);
    case "Date":
      if (argumentNodes.length > 0) return arityError(name, 0, 0, argumentNodes.length, node, scope, context);
      return DATE_TYPE;
    case "Request":
    case "Notification":
      context.report("malformed-registry", `${name}<...> belongs only in a @methods registry`, scope, node);
      return ERROR_TYPE;
    default:
      if (Object.hasOwn(UTILITY_ARITY, name)) return utility(name as UtilityName, argumentNodes, node, scope, env, context);
      if (NO_JSON_FORM.has(name)) {
        context.report("unsupported-construct", `"${name}" is a built-in type with no JSON form; describe the data it carries with an interface or type alias`, scope, node);
        return ERROR_TYPE;
      }
      return undefined;
  }
}

/** `Date` travels as its `toJSON()` text. */
const DATE_TYPE: TypeNode = { kind: "primitive", name: "string", format: "date-time" };

/** How many type arguments each utility type takes. */
const UTILITY_ARITY: Readonly<Record<UtilityName, number>> = {
  Partial: 1,
  Required: 1,
  Pick: 2,
  Omit: 2,
  Record: 2,
  Exclude: 2,
  Extract: 2,
  NonNullable: 1,
  Uppercase: 1,
  Lowercase: 1,
  Capitalize: 1,
  Uncapitalize: 1,
};

/** Built-in types a protocol file may name that JSON cannot carry. */
const NO_JSON_FORM = new Set([
  "Map", "Set", "WeakMap", "WeakSet", "ReadonlyMap", "ReadonlySet", "Promise", "PromiseLike", "Function", "Symbol", "BigInt",
  "RegExp", "Error", "ArrayBuffer", "SharedArrayBuffer", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
  "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "Iterable",
  "Iterator", "AsyncIterable", "Generator", "ReturnType", "Parameters", "ConstructorParameters", "InstanceType", "ThisType",
  "ThisParameterType", "OmitThisParameter",
]);

function utility(
  name: UtilityName,
  argumentNodes: readonly TS.TypeNode[],
  node: TS.Node,
  scope: FileScope,
  env: TypeEnv,
  context: ScanContext,
): TypeNode {
  const arity = UTILITY_ARITY[name];
  if (argumentNodes.length !== arity) return arityError(name, arity, arity, argumentNodes.length, node, scope, context);
  const args = argumentNodes.map((argument) => convertOperand(argument, scope, env, context));
  return operatorNode({ op: "utility", name, args }, locationOf(scope.sourceFile, scope.source.path, node));
}

/** `Kind.Value` in a type position: the literal value of an enum member. */
function convertEnumMemberReference(name: TS.QualifiedName, scope: FileScope, context: ScanContext): TypeNode {
  const site = ts.isIdentifier(name.left) ? lookupDeclaration(name.left.text, scope, context) : undefined;
  if (site === "reported") return ERROR_TYPE;
  const member = site && enumMembersOf(site)?.find((candidate) => candidate.name === name.right.text);
  if (site && member) {
    const literal = enumMemberLiteral(member.value, site.id);
    if (!member.experimental) return literal;
    // An experimental member stays experimental where it is named: a one-member union the stable
    // audience empties, which validation reports when the position is stable.
    const reason = member.experimental.reason || `${site.name}.${member.value}`;
    const location = locationOf(scope.sourceFile, scope.source.path, name);
    return { kind: "union", members: [{ type: literal, experimental: { reason }, docs: member.docs, location }] };
  }
  context.report("unresolved-reference", `cannot resolve "${name.getText(scope.sourceFile)}" to an enum member`, scope, name);
  return ERROR_TYPE;
}

/** The members of an enum declaration, live or released; undefined for other declarations. */
function enumMembersOf(entry: DeclarationEntry): readonly EnumMember[] | undefined {
  if (!isSite(entry)) return entry.enumMembers;
  return ts.isEnumDeclaration(entry.node) ? enumMembers(entry) : undefined;
}

/** The namespace block `A` or `A.B` names, seen from `scope` (its own blocks, then the enclosing scopes'). */
function namespaceOf(name: TS.EntityName, scope: FileScope): FileScope | undefined {
  if (ts.isIdentifier(name)) {
    for (let current: FileScope | undefined = scope; current; current = current.parent) {
      const found = current.namespaces.get(name.text);
      if (found) return found;
    }
    return undefined;
  }
  return namespaceOf(name.left, scope)?.namespaces.get(name.right.text);
}
