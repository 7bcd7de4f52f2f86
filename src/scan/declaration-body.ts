import { ts, type TS } from "./typescript.js";
import type { EnumMember, TypeNode } from "../model/types.js";
import type { ScanContext, TypeEnv } from "./context.js";
import { convertWithHeritage } from "./convert-object.js";
import { convertType } from "./convert-type.js";
import { docsOf, leadingJsDoc } from "./jsdoc.js";
import { locationOf } from "./location.js";
import { readMarks } from "./markers.js";
import type { DeclarationSite, FileScope } from "./scope.js";

/** The type a non-enum declaration stands for, with its type parameters bound by `env`. */
export function convertDeclarationBody(site: DeclarationSite, env: TypeEnv, context: ScanContext): TypeNode {
  const node = site.node;
  if (ts.isTypeAliasDeclaration(node)) return convertType(node.type, site.scope, env, context);
  if (ts.isEnumDeclaration(node)) {
    const members = enumMembers(site, context).map((member) => ({ ...member, type: { kind: "literal", value: member.value } as const }));
    return { kind: "union", members };
  }
  return convertWithHeritage(node, site.scope, env, context);
}

/** Enum members with their values: explicit string or number, else the previous number plus one. */
export function enumMembers(site: DeclarationSite, context?: ScanContext): EnumMember[] {
  const node = site.node as TS.EnumDeclaration;
  const { scope } = site;
  const members: EnumMember[] = [];
  let next: number | undefined = 0;
  for (const member of node.members) {
    const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(scope.sourceFile);
    const known = new Map(members.map((earlier) => [earlier.name, earlier.value]));
    const resolve: NameResolver = (text, qualifier) =>
      qualifier === undefined ? (known.get(text) ?? constantNamed(text, scope)) : qualifier === node.name.text ? known.get(text) : undefined;
    const value: string | number | undefined = member.initializer ? constantValue(member.initializer, resolve) : next;
    if (value === undefined) {
      context?.report("unsupported-construct", `enum member "${name}" needs a string or number literal value`, scope, member);
      next = undefined;
      continue;
    }
    next = typeof value === "number" ? value + 1 : undefined;
    const doc = leadingJsDoc(scope.source.text, member);
    const { marks, problems } = readMarks(doc, member, scope.sourceFile, ["experimental"]);
    for (const problem of problems) context?.report("malformed-marker", problem.message, scope, problem.offset);
    members.push({
      name,
      value,
      docs: docsOf(doc),
      location: locationOf(scope.sourceFile, scope.source.path, member.name),
      ...(marks.experimental ? { experimental: marks.experimental } : {}),
    });
  }
  return members;
}

/** The value a name in a constant expression stands for: `A`, or `E.A` with its qualifier. */
type NameResolver = (text: string, qualifier?: string) => string | number | undefined;

/**
 * A `const` of this file (or an enclosing scope of a namespace block) whose
 * initializer is itself a constant expression, as TypeScript lets enum members
 * use them (`First = BASE + 1`). `seen` stops `const A = B; const B = A`.
 */
function constantNamed(text: string, scope: FileScope, seen: ReadonlySet<string> = new Set()): string | number | undefined {
  if (seen.has(text)) return undefined;
  let site = scope.constants.get(text);
  for (let outer = scope.parent; !site && outer; outer = outer.parent) site = outer.constants.get(text);
  let initializer = site?.node.initializer;
  while (initializer && (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer))) initializer = initializer.expression;
  if (!initializer) return undefined;
  const inner = new Set([...seen, text]);
  return constantValue(initializer, (name, qualifier) => (qualifier === undefined ? constantNamed(name, scope, inner) : undefined));
}

/**
 * An enum initializer's value, as TypeScript computes constant enum members:
 * literals, earlier members (`B = A << 1`, `C = E.A | E.B`), constants of the
 * file, and the unary and binary operators on them, string concatenation included.
 */
function constantValue(expression: TS.Expression, resolve: NameResolver): string | number | undefined {
  const value = (inner: TS.Expression) => constantValue(inner, resolve);
  if (ts.isStringLiteralLike(expression)) return expression.text;
  if (ts.isNumericLiteral(expression)) return Number(expression.text);
  if (ts.isParenthesizedExpression(expression)) return value(expression.expression);
  if (ts.isIdentifier(expression)) return resolve(expression.text);
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression)) {
    return resolve(expression.name.text, expression.expression.text);
  }
  if (ts.isPrefixUnaryExpression(expression)) {
    const operand = value(expression.operand);
    if (typeof operand !== "number") return undefined;
    return UNARY[expression.operator]?.(operand);
  }
  if (ts.isBinaryExpression(expression)) {
    const left = value(expression.left);
    const right = value(expression.right);
    if (left === undefined || right === undefined) return undefined;
    if (expression.operatorToken.kind === ts.SyntaxKind.PlusToken && (typeof left === "string" || typeof right === "string")) {
      return String(left) + String(right);
    }
    if (typeof left !== "number" || typeof right !== "number") return undefined;
    return BINARY[expression.operatorToken.kind]?.(left, right);
  }
  return undefined;
}

const UNARY: Partial<Record<TS.PrefixUnaryOperator, (operand: number) => number>> = {
  [ts.SyntaxKind.MinusToken]: (operand) => -operand,
  [ts.SyntaxKind.PlusToken]: (operand) => operand,
  [ts.SyntaxKind.TildeToken]: (operand) => ~operand,
};

const BINARY: Partial<Record<TS.SyntaxKind, (left: number, right: number) => number>> = {
  [ts.SyntaxKind.PlusToken]: (left, right) => left + right,
  [ts.SyntaxKind.MinusToken]: (left, right) => left - right,
  [ts.SyntaxKind.AsteriskToken]: (left, right) => left * right,
  [ts.SyntaxKind.SlashToken]: (left, right) => left / right,
  [ts.SyntaxKind.PercentToken]: (left, right) => left % right,
  [ts.SyntaxKind.AsteriskAsteriskToken]: (left, right) => left ** right,
  [ts.SyntaxKind.LessThanLessThanToken]: (left, right) => left << right,
  [ts.SyntaxKind.GreaterThanGreaterThanToken]: (left, right) => left >> right,
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken]: (left, right) => left >>> right,
  [ts.SyntaxKind.BarToken]: (left, right) => left | right,
  [ts.SyntaxKind.AmpersandToken]: (left, right) => left & right,
  [ts.SyntaxKind.CaretToken]: (left, right) => left ^ right,
};
