import { ts, type TS } from "./typescript.js";
import type { Property, TypeNode, UnionMember } from "../model/types.js";
import { ERROR_TYPE, NO_TYPE_PARAMETERS, type ScanContext, type TypeEnv } from "./context.js";
import { convertType } from "./convert-type.js";
import { lookupDeclaration } from "./convert-reference.js";
import { enumMembers } from "./declaration-body.js";
import { operatorNode, UNDEFINED_OPERATOR } from "./convert-operator.js";
import { docsOf, leadingJsDoc } from "./jsdoc.js";
import { locationOf } from "./location.js";
import { findExportedConstant, isSite, type ConstantSite, type FileScope } from "./scope.js";

const NO_DOCS = { description: "", tags: {} };

/**
 * `typeof X` and `typeof X.a.b`: the type TypeScript gives a `const` (its
 * annotation, or its initializer's type) or an enum's object. The path after
 * the name is indexed access, left to the evaluate stage.
 */
export function convertTypeQuery(node: TS.TypeQueryNode, scope: FileScope, env: TypeEnv, context: ScanContext): TypeNode {
  if (node.typeArguments) {
    context.report("unsupported-construct", "`typeof f<T>` (an instantiation expression) describes a function, which is not a JSON value", scope, node);
    return ERROR_TYPE;
  }
  const path: TS.Identifier[] = [];
  let entity: TS.EntityName = node.exprName;
  while (ts.isQualifiedName(entity)) {
    path.unshift(entity.right);
    entity = entity.left;
  }
  let type = typeOfName(entity, scope, context);
  if (type === ERROR_TYPE) return type;
  for (const name of path) {
    const location = locationOf(scope.sourceFile, scope.source.path, name);
    type = operatorNode({ op: "indexed", object: type, index: { kind: "literal", value: name.text } }, location);
  }
  void env;
  return type;
}

function typeOfName(name: TS.Identifier, scope: FileScope, context: ScanContext): TypeNode {
  const constant = lookupConstant(name.text, scope, context);
  if (constant) return constantType(constant, context);
  const declaration = lookupDeclaration(name.text, scope, context);
  if (declaration === "reported") return ERROR_TYPE;
  if (declaration && isSite(declaration) && ts.isEnumDeclaration(declaration.node)) return enumObject(declaration.node, declaration.scope, context);
  if (declaration && !isSite(declaration) && declaration.enumMembers) {
    const properties = declaration.enumMembers.map(
      (member): Property => ({ name: member.name, type: { kind: "literal", value: member.value }, optional: false, docs: member.docs, location: member.location, ...(member.experimental ? { experimental: member.experimental } : {}) }),
    );
    return { kind: "object", properties };
  }
  const what = declaration ? "is a type, not a value" : "is not a `const` or enum in the input";
  context.report("unresolved-reference", `\`typeof ${name.text}\`: "${name.text}" ${what}`, scope, name);
  return ERROR_TYPE;
}

/** A `const` by name: declared in this file, or imported from an input file. */
export function lookupConstant(name: string, scope: FileScope, context: ScanContext): ConstantSite | undefined {
  const local = scope.constants.get(name);
  if (local) return local;
  const binding = scope.imports.get(name);
  if (!binding) return scope.parent ? lookupConstant(name, scope.parent, context) : undefined;
  if (binding.target === undefined) return undefined;
  return findExportedConstant(context.modules.scope(binding.target), binding.importedName, context.modules);
}

/** `typeof E`: an object from member names to their values, each member keeping its docs and marks. */
function enumObject(node: TS.EnumDeclaration, scope: FileScope, context: ScanContext): TypeNode {
  const site = { name: node.name.text, id: node.name.text, namespace: scope.source.namespace, node, scope };
  const properties = enumMembers(site, context).map(
    (member): Property => ({
      name: member.name,
      type: { kind: "literal", value: member.value },
      optional: false,
      docs: member.docs,
      location: member.location,
      ...(member.experimental ? { experimental: member.experimental } : {}),
    }),
  );
  return { kind: "object", properties };
}

/** The type of a `const`: its annotation, else its initializer's (literals kept, as for any `const`). */
export function constantType(site: ConstantSite, context: ScanContext): TypeNode {
  const known = context.constantTypes.get(site.node);
  if (known === "pending") {
    context.report("unsupported-construct", `the type of "${site.name}" depends on itself; give it a type annotation`, site.scope, site.node.name);
    return ERROR_TYPE;
  }
  if (known) return known;
  context.constantTypes.set(site.node, "pending");
  let type: TypeNode;
  if (site.node.type) {
    type = convertType(site.node.type, site.scope, NO_TYPE_PARAMETERS, context);
  } else if (site.node.initializer) {
    type = expressionType(site.node.initializer, { asConst: false, fresh: true }, site.scope, context);
  } else {
    context.report("unsupported-construct", `"${site.name}" needs a type annotation or an initializer`, site.scope, site.node.name);
    type = ERROR_TYPE;
  }
  context.constantTypes.set(site.node, type);
  return type;
}

interface Widening {
  /** Under `as const`: literals stay literals, arrays become tuples. */
  readonly asConst: boolean;
  /** The initializer itself of a `const` (not inside an object or array): its literal is kept. */
  readonly fresh: boolean;
}

const WIDENED: Record<"string" | "number" | "boolean", TypeNode> = {
  string: { kind: "primitive", name: "string" },
  number: { kind: "primitive", name: "number" },
  boolean: { kind: "primitive", name: "boolean" },
};

function literal(value: string | number | boolean, widening: Widening): TypeNode {
  if (widening.asConst || widening.fresh) return { kind: "literal", value };
  return WIDENED[typeof value as "string" | "number" | "boolean"];
}

/** The type TypeScript infers for a constant expression; what has no JSON value is reported. */
function expressionType(expression: TS.Expression, widening: Widening, scope: FileScope, context: ScanContext): TypeNode {
  const inner = { ...widening, fresh: false };
  if (ts.isParenthesizedExpression(expression)) return expressionType(expression.expression, widening, scope, context);
  if (ts.isSatisfiesExpression(expression)) return expressionType(expression.expression, widening, scope, context);
  if (ts.isAsExpression(expression) || ts.isTypeAssertionExpression(expression)) {
    if (ts.isTypeReferenceNode(expression.type) && ts.isIdentifier(expression.type.typeName) && expression.type.typeName.text === "const") {
      return expressionType(expression.expression, { asConst: true, fresh: false }, scope, context);
    }
    return convertType(expression.type, scope, NO_TYPE_PARAMETERS, context);
  }
  if (ts.isStringLiteralLike(expression)) return literal(expression.text, widening);
  if (ts.isNumericLiteral(expression)) return literal(Number(expression.text), widening);
  if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(expression.operand)) {
    return literal(-Number(expression.operand.text), widening);
  }
  switch (expression.kind) {
    case ts.SyntaxKind.TrueKeyword:
      return literal(true, widening);
    case ts.SyntaxKind.FalseKeyword:
      return literal(false, widening);
    case ts.SyntaxKind.NullKeyword:
      return { kind: "primitive", name: "null" };
  }
  const location = locationOf(scope.sourceFile, scope.source.path, expression);
  if (ts.isIdentifier(expression)) {
    if (expression.text === "undefined") return operatorNode(UNDEFINED_OPERATOR, location);
    const constant = lookupConstant(expression.text, scope, context);
    if (constant) return constantType(constant, context);
  }
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression)) {
    const value = enumMemberValue(expression.expression.text, expression.name.text, scope, context);
    if (value !== undefined) return literal(value, widening);
  }
  if (ts.isObjectLiteralExpression(expression)) return objectType(expression, inner, scope, context);
  if (ts.isArrayLiteralExpression(expression)) {
    const elements = expression.elements.map((element) => expressionType(element, inner, scope, context));
    if (widening.asConst) return { kind: "tuple", elements };
    const members: UnionMember[] = [];
    const seen = new Set<string>();
    for (const element of elements) {
      const key = JSON.stringify(element);
      if (seen.has(key)) continue;
      seen.add(key);
      members.push({ type: element, docs: NO_DOCS, location });
    }
    const element: TypeNode = members.length === 1 ? members[0]!.type : { kind: "union", members };
    return { kind: "array", element };
  }
  context.report(
    "unsupported-construct",
    "the type of this expression is not decided by its text; give the constant a type annotation",
    scope,
    expression,
  );
  return ERROR_TYPE;
}

function objectType(expression: TS.ObjectLiteralExpression, widening: Widening, scope: FileScope, context: ScanContext): TypeNode {
  const properties: Property[] = [];
  for (const element of expression.properties) {
    const location = locationOf(scope.sourceFile, scope.source.path, element);
    const docs = docsOf(leadingJsDoc(scope.source.text, element));
    if (ts.isPropertyAssignment(element)) {
      const name = propertyKeyOf(element.name, scope, context);
      if (name === undefined) continue;
      properties.push({ name, type: expressionType(element.initializer, widening, scope, context), optional: false, docs, location });
    } else if (ts.isShorthandPropertyAssignment(element)) {
      const constant = lookupConstant(element.name.text, scope, context);
      const type = constant ? constantType(constant, context) : ERROR_TYPE;
      if (!constant) context.report("unresolved-reference", `"${element.name.text}" is not a \`const\` in the input`, scope, element.name);
      properties.push({ name: element.name.text, type, optional: false, docs, location });
    } else {
      context.report("unsupported-construct", "only `key: value` properties describe data; methods, accessors and spreads do not here", scope, element);
    }
  }
  return { kind: "object", properties };
}

/** The value of `Enum.Member`, when `Enum` is an enum of the input. */
function enumMemberValue(enumName: string, memberName: string, scope: FileScope, context: ScanContext): string | number | undefined {
  const declaration = lookupDeclaration(enumName, scope, context);
  if (!declaration || declaration === "reported") return undefined;
  const members = isSite(declaration)
    ? ts.isEnumDeclaration(declaration.node)
      ? enumMembers(declaration)
      : undefined
    : declaration.enumMembers;
  return members?.find((member) => member.name === memberName)?.value;
}

/** A key a `const` string names, for computed property names such as `[KEY]` and `[Kind.A]`. */
export type ComputedKey = string | { readonly symbol: true } | undefined;

/**
 * The wire name of a property name: as written, or computed from a string
 * constant or enum member. A `unique symbol` key gives `{ symbol: true }`: such
 * a property has no JSON form (JSON.stringify leaves it out), so it is skipped.
 */
export function propertyKeyOf(name: TS.PropertyName, scope: FileScope, context: ScanContext): string | undefined {
  const key = computedKey(name, scope, context);
  if (key === undefined || typeof key === "string") {
    if (key === undefined) {
      const message = "this computed property name is not a string constant or enum member; write the name as an identifier or string literal";
      context.report("unsupported-construct", message, scope, name);
    }
    return key;
  }
  return undefined;
}

export function computedKey(name: TS.PropertyName, scope: FileScope, context: ScanContext): ComputedKey {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (!ts.isComputedPropertyName(name)) return undefined; // a #private name
  const expression = name.expression;
  if (ts.isStringLiteralLike(expression) || ts.isNumericLiteral(expression)) return expression.text;
  if (ts.isIdentifier(expression)) {
    const constant = lookupConstant(expression.text, scope, context);
    if (!constant) return undefined;
    if (isUniqueSymbol(constant)) return { symbol: true };
    const type = constantType(constant, context);
    return type.kind === "literal" && typeof type.value !== "boolean" ? String(type.value) : undefined;
  }
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression)) {
    if (expression.expression.text === "Symbol") return { symbol: true }; // well-known symbols: Symbol.iterator
    const value = enumMemberValue(expression.expression.text, expression.name.text, scope, context);
    return value === undefined ? undefined : String(value);
  }
  return undefined;
}

/** `declare const brand: unique symbol` or `const brand = Symbol()`. */
function isUniqueSymbol(constant: ConstantSite): boolean {
  const type = constant.node.type;
  if (type && ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.UniqueKeyword) return true;
  const initializer = constant.node.initializer;
  return initializer !== undefined && ts.isCallExpression(initializer) && ts.isIdentifier(initializer.expression) && initializer.expression.text === "Symbol";
}
