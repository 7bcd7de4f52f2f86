import { ts, type TS } from "./typescript.js";
import type { EnumMember, TypeNode } from "../model/types.js";
import { ERROR_TYPE, type ScanContext, type TypeEnv } from "./context.js";
import { convertDeclarationBody, enumMembers } from "./declaration-body.js";
import { convertType } from "./convert-type.js";
import { locationOf } from "./location.js";
import { findExport, isRelativeSpecifier, isSite, typeParametersOf, type DeclarationEntry, type DeclarationSite, type FileScope } from "./scope.js";

/** The module authors import markers from; its names are read from syntax, never resolved. */
const MARKERS_MODULE = "schemagate/markers";

/** Deeper than this, a generic expansion is taken to be infinitely recursive. */
const MAX_EXPANSION_DEPTH = 32;
/** More distinct generic instances than this in one input is not a protocol but a type-level program. */
const MAX_EXPANSIONS = 5_000;

export function convertReference(node: TS.TypeReferenceNode, scope: FileScope, env: TypeEnv, context: ScanContext): TypeNode {
  if (ts.isQualifiedName(node.typeName)) return convertEnumMemberReference(node.typeName, scope, context);
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
    return { kind: "ref", target: lookup.id, location: locationOf(scope.sourceFile, scope.source.path, name) };
  }
  const parameters = typeParametersOf(lookup.node);
  const required = parameters.filter((parameter) => !parameter.default).length;
  if (argumentNodes.length < required || argumentNodes.length > parameters.length) {
    return arityError(text, required, parameters.length, argumentNodes.length, node, scope, context);
  }
  if (context.expanding.length >= MAX_EXPANSION_DEPTH || context.expansions >= MAX_EXPANSIONS) {
    const why = context.expanding.length >= MAX_EXPANSION_DEPTH ? "expands without end (a recursive generic type)" : "is one generic instance too many";
    context.report("unsupported-construct", `generic "${text}" ${why}; declare a non-generic type for it`, scope, node);
    return ERROR_TYPE;
  }
  const bindings = new Map<string, TypeNode>();
  parameters.forEach((parameter, index) => {
    const argument = argumentNodes[index];
    bindings.set(
      parameter.name.text,
      argument
        ? convertType(argument, scope, env, context)
        : convertType(parameter.default!, lookup.scope, bindings, context),
    );
  });
  const key = instanceKey(lookup.id, bindings);
  if (context.expanding.includes(key)) {
    context.report("unsupported-construct", `generic "${text}" refers to itself with the same arguments; declare a non-generic type for the recursive part`, scope, node);
    return ERROR_TYPE;
  }
  const known = context.instances.get(key);
  if (known) return known;
  context.expansions++;
  context.expanding.push(key);
  try {
    const instance = convertDeclarationBody(lookup, bindings, context);
    context.instances.set(key, instance);
    return instance;
  } finally {
    context.expanding.pop();
  }
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
  if (!binding) return undefined;
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
    case "Record": {
      if (argumentNodes.length !== 2) return arityError(name, 2, 2, argumentNodes.length, node, scope, context);
      if (argumentNodes[0]!.kind === ts.SyntaxKind.StringKeyword) return { kind: "map", value: argument(1) };
      const message = "only Record<string, V> maps to a JSON object (JSON keys are strings); use `Record<string, V>`";
      context.report("unsupported-construct", message, scope, argumentNodes[0]!);
      return ERROR_TYPE;
    }
    case "Request":
    case "Notification":
      context.report("malformed-registry", `${name}<...> belongs only in a @methods registry`, scope, node);
      return ERROR_TYPE;
    default:
      if (!UNSUPPORTED_BUILTINS.has(name)) return undefined;
      context.report(
        "unsupported-construct",
        `"${name}" is a TypeScript built-in type that schemagate does not support; write the JSON shape it stands for with an interface or type alias`,
        scope,
        node,
      );
      return ERROR_TYPE;
  }
}

/** Built-in types a definition file may name: not misspellings, so not "cannot find type". */
const UNSUPPORTED_BUILTINS = new Set([
  "Partial", "Required", "Readonly", "Pick", "Omit", "Exclude", "Extract", "NonNullable", "Uppercase", "Lowercase",
  "Capitalize", "Uncapitalize", "ReturnType", "Parameters", "ConstructorParameters", "InstanceType", "Awaited", "NoInfer",
  "ThisType", "Date", "Map", "Set", "WeakMap", "WeakSet", "ReadonlyMap", "ReadonlySet", "Promise", "PromiseLike",
  "Function", "Symbol", "BigInt", "RegExp", "Error", "ArrayBuffer", "DataView", "Uint8Array", "Int8Array", "Uint16Array",
  "Int16Array", "Uint32Array", "Int32Array", "Float32Array", "Float64Array", "Iterable", "Iterator", "AsyncIterable", "Generator",
]);

/** `Kind.Value` in a type position: the literal value of an enum member. */
function convertEnumMemberReference(name: TS.QualifiedName, scope: FileScope, context: ScanContext): TypeNode {
  const site = ts.isIdentifier(name.left) ? lookupDeclaration(name.left.text, scope, context) : undefined;
  if (site === "reported") return ERROR_TYPE;
  const member = site && enumMembersOf(site)?.find((candidate) => candidate.name === name.right.text);
  if (site && member) {
    const literal = { kind: "literal", value: member.value } as const;
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
