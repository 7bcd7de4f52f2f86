import { ts, type TS } from "./typescript.js";
import type { Mutable } from "../immutable.js";
import type { PatternIndex, Property, TypeNode } from "../model/types.js";
import { ERROR_TYPE, type ScanContext, type TypeEnv } from "./context.js";
import { convertType, convertTypeAllowingUndefined } from "./convert-type.js";
import { convertReferenceTo } from "./convert-reference.js";
import { docsOf, leadingJsDoc } from "./jsdoc.js";
import { locationOf } from "./location.js";
import { readMarks } from "./markers.js";
import type { FileScope } from "./scope.js";
import { computedKey } from "./convert-constant.js";

type MemberNode = TS.TypeElement | TS.ClassElement;

export function convertTypeLiteral(node: TS.TypeLiteralNode, scope: FileScope, env: TypeEnv, context: ScanContext): TypeNode {
  return convertMembers(node.members, scope, env, context);
}

/**
 * Properties and index signatures of an interface, type literal or class.
 * A lone string index signature is a map; with properties it types the rest.
 * An index signature keyed by anything else (a template literal type, an alias
 * of one) keeps its key for evaluation, which reads it as a pattern.
 */
export function convertMembers(
  members: readonly MemberNode[],
  scope: FileScope,
  env: TypeEnv,
  context: ScanContext,
): TypeNode {
  const properties: Property[] = [];
  let additional: TypeNode | undefined;
  const patterns: PatternIndex[] = [];
  for (const member of members) {
    if (ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) {
      if (ts.isPropertyDeclaration(member) && isStatic(member)) continue;
      const property = convertProperty(member, scope, env, context);
      if (property) properties.push(property);
    } else if (ts.isIndexSignatureDeclaration(member)) {
      const index = convertIndexSignature(member, scope, env, context);
      if (index.key) patterns.push({ key: index.key, value: index.value, location: locationOf(scope.sourceFile, scope.source.path, member) });
      else additional = index.value;
    } else if (ts.isConstructorDeclaration(member) && member.parameters.every((parameter) => !parameter.modifiers?.length)) {
      continue; // a plain constructor adds no fields
    } else if (ts.isClassStaticBlockDeclaration(member) || ts.isSemicolonClassElement(member)) {
      continue;
    } else {
      context.report(
        "unsupported-construct",
        "only properties and string index signatures describe a message; methods, accessors and parameter properties do not",
        scope,
        member,
      );
    }
  }
  if (properties.length === 0 && patterns.length === 0 && additional) return { kind: "map", value: additional };
  return { kind: "object", properties, ...(additional ? { additional } : {}), ...(patterns.length > 0 ? { patterns } : {}) };
}

function isStatic(member: TS.PropertyDeclaration): boolean {
  return member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false;
}

function convertProperty(
  member: TS.PropertySignature | TS.PropertyDeclaration,
  scope: FileScope,
  env: TypeEnv,
  context: ScanContext,
): Property | undefined {
  const key = computedKey(member.name, scope, context);
  if (typeof key === "object") return undefined; // a symbol key: no JSON form, as JSON.stringify leaves it out
  if (key === undefined) {
    const message =
      "this property name has no fixed wire name (a private name, or a computed one that is not a string constant or enum member); write the name as an identifier or string literal";
    context.report("unsupported-construct", message, scope, member.name);
    return undefined;
  }
  const name = key;
  if (!member.type) {
    context.report("unsupported-construct", `property "${name}" needs a type annotation`, scope, member.name);
    return undefined;
  }
  const doc = leadingJsDoc(scope.source.text, member);
  const { marks, problems } = readMarks(doc, member, scope.sourceFile, ["experimental"]);
  for (const problem of problems) context.report("malformed-marker", problem.message, scope, problem.offset);
  const { type, includesUndefined } = convertTypeAllowingUndefined(member.type, scope, env, context);
  const property: Mutable<Property> = {
    name,
    type,
    optional: member.questionToken !== undefined || includesUndefined,
    docs: docsOf(doc),
    location: locationOf(scope.sourceFile, scope.source.path, member.name),
  };
  if (marks.experimental) property.experimental = marks.experimental;
  return property;
}

export function propertyName(name: TS.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** Key types that cannot name JSON keys, refused here rather than after evaluation. */
const REFUSED_KEYS = new Set<TS.SyntaxKind>([ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.SymbolKeyword]);

/** An index signature's value, and its key unless it is `string`. */
function convertIndexSignature(
  member: TS.IndexSignatureDeclaration,
  scope: FileScope,
  env: TypeEnv,
  context: ScanContext,
): { readonly key?: TypeNode; readonly value: TypeNode } {
  const keyType = member.parameters[0]?.type;
  if (!member.type) {
    context.report("unsupported-construct", "an index signature needs a value type: `[key: string]: V`", scope, member);
    return { value: ERROR_TYPE };
  }
  if (!keyType || REFUSED_KEYS.has(keyType.kind) || member.parameters.length !== 1) {
    context.report("unsupported-construct", "only index signatures keyed by `string` or by a template literal type map to JSON objects", scope, member);
    return { value: ERROR_TYPE };
  }
  const value = convertType(member.type, scope, env, context);
  if (keyType.kind === ts.SyntaxKind.StringKeyword) return { value };
  return { key: convertType(keyType, scope, env, context), value };
}

/**
 * An interface or class body with its `extends` clause: bases and the own
 * members form an intersection, which JSON Schema emission flattens.
 */
export function convertWithHeritage(
  node: TS.InterfaceDeclaration | TS.ClassDeclaration,
  scope: FileScope,
  env: TypeEnv,
  context: ScanContext,
): TypeNode {
  const own = convertMembers(node.members, scope, env, context);
  const bases: TypeNode[] = [];
  for (const clause of node.heritageClauses ?? []) {
    if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
    for (const base of clause.types) {
      if (!ts.isIdentifier(base.expression)) {
        context.report("unsupported-construct", "`extends` must name a type declared in the input", scope, base);
        continue;
      }
      bases.push(convertReferenceTo(base.expression, base.typeArguments, base, scope, env, context));
    }
  }
  if (bases.length === 0) return own;
  const isEmptyObject = own.kind === "object" && own.properties.length === 0 && !own.additional && !own.patterns;
  const members = isEmptyObject ? bases : [...bases, own];
  if (members.length === 1) return members[0]!;
  return { kind: "intersection", members, location: locationOf(scope.sourceFile, scope.source.path, node.name ?? node) };
}
