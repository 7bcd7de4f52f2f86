import { ts, type TS } from "./typescript.js";
import type { Method, MethodDirection, TypeNode } from "../model/types.js";
import { ERROR_TYPE, NO_TYPE_PARAMETERS, type ScanContext } from "./context.js";
import { propertyName } from "./convert-object.js";
import { convertTypeAllowingUndefined } from "./convert-type.js";
import { docsOf, leadingJsDoc } from "./jsdoc.js";
import { locationOf } from "./location.js";
import { readMarks } from "./markers.js";
import { isInstancePlaceholder } from "./recursive-instances.js";
import type { DeclarationSite, FileScope } from "./scope.js";

/** Which wrapper each direction's entries use. */
const ENTRY_WRAPPER = {
  clientRequest: { name: "Request", arity: 2 },
  serverRequest: { name: "Request", arity: 2 },
  clientNotification: { name: "Notification", arity: 1 },
  serverNotification: { name: "Notification", arity: 1 },
} as const satisfies Record<MethodDirection, { name: string; arity: number }>;

/** The methods of one `@methods` registry (an interface or class); keys are wire names. */
export function scanRegistry(site: DeclarationSite, direction: MethodDirection, context: ScanContext): Method[] {
  const { scope } = site;
  const node = site.node;
  if (!ts.isInterfaceDeclaration(node) && !ts.isClassDeclaration(node)) {
    context.report("malformed-registry", "@methods belongs on an interface or a class", scope, node.name ?? node);
    return [];
  }
  if (node.typeParameters?.length || node.heritageClauses?.length) {
    context.report("malformed-registry", "a registry takes no type parameters and extends nothing", scope, node.name ?? node);
  }
  const methods: Method[] = [];
  for (const member of node.members) {
    if (ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) {
      const method = scanEntry(member, direction, scope, context);
      if (method) methods.push(method);
    } else if (!ts.isConstructorDeclaration(member)) {
      context.report("malformed-registry", "a registry holds only `\"method/name\": Request<P, R>` entries", scope, member);
    }
  }
  return methods;
}

function scanEntry(
  member: TS.PropertySignature | TS.PropertyDeclaration,
  direction: MethodDirection,
  scope: FileScope,
  context: ScanContext,
): Method | undefined {
  const name = propertyName(member.name);
  const wrapper = ENTRY_WRAPPER[direction];
  const expected = wrapper.arity === 2 ? "Request<Params, Result>" : "Notification<Params>";
  if (name === undefined) {
    context.report("malformed-registry", "a registry key must be the wire method name as a string", scope, member.name);
    return undefined;
  }
  const type = member.type;
  const wrapperName = type && ts.isTypeReferenceNode(type) ? entityName(type.typeName) : undefined;
  if (!type || !ts.isTypeReferenceNode(type) || wrapperName !== wrapper.name) {
    const isWrapper = wrapperName === "Request" || wrapperName === "Notification";
    const hint = isWrapper ? `; ${wrapperName} entries belong in a ${directionsOf(wrapperName)} registry` : "";
    context.report("malformed-registry", `"${name}" in a ${direction} registry must be ${expected}${hint}`, scope, type ?? member.name);
    return undefined;
  }
  const typeArguments = type.typeArguments ?? [];
  if (typeArguments.length !== wrapper.arity) {
    const got = `${typeArguments.length} type argument${typeArguments.length === 1 ? "" : "s"}`;
    context.report("malformed-registry", `"${name}" must be ${expected}; got ${got}`, scope, type);
    return undefined;
  }
  const doc = leadingJsDoc(scope.source.text, member);
  const { marks, problems } = readMarks(doc, member, scope.sourceFile, ["experimental"]);
  for (const problem of problems) context.report("malformed-marker", problem.message, scope, problem.offset);
  const params = entryType(typeArguments[0]!, "params", name, scope, context);
  const result = wrapper.arity === 2 ? entryType(typeArguments[1]!, "result", name, scope, context) : undefined;
  if (params === INVALID || result === INVALID) return undefined;
  return {
    name,
    direction,
    docs: docsOf(doc),
    location: locationOf(scope.sourceFile, scope.source.path, member.name),
    ...(params ? { params } : {}),
    ...(result ? { result } : {}),
    ...(marks.experimental ? { experimental: marks.experimental } : {}),
  };
}

const INVALID = Symbol("invalid entry type");

/**
 * Params and results name a declared type, so each gets its own schema file.
 * `undefined` alone means none: a request without params, or one that returns
 * no data (its response's result is `{}`).
 */
function entryType(
  node: TS.TypeNode,
  role: "params" | "result",
  method: string,
  scope: FileScope,
  context: ScanContext,
): TypeNode | undefined | typeof INVALID {
  const written = withoutParentheses(node);
  if (written.kind === ts.SyntaxKind.UndefinedKeyword) return undefined;
  const none = role === "params" ? "`undefined` for no params" : "`undefined` for a request that returns no result";
  if (written.kind === ts.SyntaxKind.VoidKeyword) {
    context.report("unsupported-construct", `\`void\` cannot be expressed in JSON Schema; write ${none}`, scope, node);
    return INVALID;
  }
  const { type, includesUndefined } = convertTypeAllowingUndefined(node, scope, NO_TYPE_PARAMETERS, context);
  if (type === ERROR_TYPE) return INVALID;
  if (includesUndefined) {
    context.report(
      "malformed-registry",
      `the ${role} of "${method}" cannot be optional: name a declared type, or write ${none}`,
      scope,
      node,
    );
    return INVALID;
  }
  // A recursive generic instance is a declaration too, but one the registry cannot name any more than other instances.
  if (type.kind !== "ref" || isInstancePlaceholder(type.target)) {
    context.report(
      "malformed-registry",
      `the ${role} of "${method}" must name a declared, non-generic type (or be ${none}); ` +
        "declare a named type for it and use that name here",
      scope,
      node,
    );
    return INVALID;
  }
  return type;
}

function withoutParentheses(node: TS.TypeNode): TS.TypeNode {
  return ts.isParenthesizedTypeNode(node) ? withoutParentheses(node.type) : node;
}

/** The registry directions whose entries use `wrapperName`, e.g. "clientNotification or serverNotification". */
function directionsOf(wrapperName: "Request" | "Notification"): string {
  const directions = Object.keys(ENTRY_WRAPPER) as MethodDirection[];
  return directions.filter((direction) => ENTRY_WRAPPER[direction].name === wrapperName).join(" or ");
}

function entityName(name: TS.EntityName): string {
  return ts.isIdentifier(name) ? name.text : name.right.text;
}
