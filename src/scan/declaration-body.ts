import { ts, type TS } from "./typescript.js";
import type { EnumMember, TypeNode } from "../model/types.js";
import type { ScanContext, TypeEnv } from "./context.js";
import { convertWithHeritage } from "./convert-object.js";
import { convertType } from "./convert-type.js";
import { docsOf, leadingJsDoc } from "./jsdoc.js";
import { locationOf } from "./location.js";
import { readMarks } from "./markers.js";
import type { DeclarationSite } from "./scope.js";

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
    const value: string | number | undefined = member.initializer ? constantValue(member.initializer) : next;
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

function constantValue(expression: TS.Expression): string | number | undefined {
  if (ts.isStringLiteralLike(expression)) return expression.text;
  if (ts.isNumericLiteral(expression)) return Number(expression.text);
  if (
    ts.isPrefixUnaryExpression(expression) &&
    expression.operator === ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(expression.operand)
  ) {
    return -Number(expression.operand.text);
  }
  return undefined;
}

