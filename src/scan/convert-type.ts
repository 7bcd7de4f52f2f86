import { ts, type TS } from "./typescript.js";
import type { Mutable } from "../immutable.js";
import type { TypeNode, UnionMember } from "../model/types.js";
import { ERROR_TYPE, type ScanContext, type TypeEnv } from "./context.js";
import { docsOf, leadingJsDoc } from "./jsdoc.js";
import { locationOf } from "./location.js";
import { readMarks } from "./markers.js";
import { convertReference } from "./convert-reference.js";
import { convertTypeLiteral } from "./convert-object.js";
import { reportIneffectiveMarkers } from "./ineffective-markers.js";
import type { FileScope } from "./scope.js";
import {
  convertConditional,
  convertIndexedAccess,
  convertInfer,
  convertKeyof,
  convertMapped,
  convertOperand,
  convertTemplateLiteral,
  NEVER_OPERATOR,
  operatorNode,
} from "./convert-operator.js";
import { convertTypeQuery } from "./convert-constant.js";

const KEYWORD_TYPES: Partial<Record<TS.SyntaxKind, TypeNode>> = {
  [ts.SyntaxKind.StringKeyword]: { kind: "primitive", name: "string" },
  [ts.SyntaxKind.NumberKeyword]: { kind: "primitive", name: "number" },
  [ts.SyntaxKind.BooleanKeyword]: { kind: "primitive", name: "boolean" },
  [ts.SyntaxKind.UnknownKeyword]: { kind: "primitive", name: "unknown" },
  [ts.SyntaxKind.AnyKeyword]: { kind: "primitive", name: "unknown" },
  [ts.SyntaxKind.ObjectKeyword]: { kind: "primitive", name: "object" },
};

// IR nodes are immutable, so the ones without data are shared.
const NULL_TYPE: TypeNode = { kind: "primitive", name: "null" };
const TRUE_TYPE: TypeNode = { kind: "literal", value: true };
const FALSE_TYPE: TypeNode = { kind: "literal", value: false };

/** Result of converting a type that may admit `undefined` (property types, registry params). */
export interface OptionalType {
  readonly type: TypeNode;
  /** `undefined` was one of the union members (removed from `type`). */
  readonly includesUndefined: boolean;
}

/** Converts a syntactic type to IR; unsupported constructs are reported and become ERROR_TYPE. */
export function convertType(node: TS.TypeNode, scope: FileScope, env: TypeEnv, context: ScanContext): TypeNode {
  const result = convertTypeAllowingUndefined(node, scope, env, context);
  if (result.includesUndefined) {
    context.report("unsupported-construct", "`undefined` is only allowed in an optional property's type", scope, node);
  }
  return result.type;
}

export function convertTypeAllowingUndefined(
  node: TS.TypeNode,
  scope: FileScope,
  env: TypeEnv,
  context: ScanContext,
): OptionalType {
  reportIneffectiveMarkers(node, scope, context);
  return convertTypeOrMember(node, scope, env, context);
}

/** A union member's comment holds its own markers, read by `convertUnion`. */
function convertTypeOrMember(node: TS.TypeNode, scope: FileScope, env: TypeEnv, context: ScanContext): OptionalType {
  if (node.kind === ts.SyntaxKind.UndefinedKeyword) return { type: ERROR_TYPE, includesUndefined: true };
  if (ts.isParenthesizedTypeNode(node)) return convertTypeAllowingUndefined(node.type, scope, env, context);
  if (ts.isUnionTypeNode(node)) return convertUnion(node, scope, env, context);
  return { type: convertNonUnion(node, scope, env, context), includesUndefined: false };
}

function convertNonUnion(node: TS.TypeNode, scope: FileScope, env: TypeEnv, context: ScanContext): TypeNode {
  const keyword = KEYWORD_TYPES[node.kind];
  if (keyword) return keyword;
  if (ts.isLiteralTypeNode(node)) return convertLiteral(node, scope, context);
  if (ts.isTypeReferenceNode(node)) return convertReference(node, scope, env, context);
  if (ts.isTypeLiteralNode(node)) return convertTypeLiteral(node, scope, env, context);
  if (ts.isArrayTypeNode(node)) return { kind: "array", element: convertType(node.elementType, scope, env, context) };
  if (ts.isTupleTypeNode(node)) return convertTuple(node, scope, env, context);
  if (ts.isIntersectionTypeNode(node)) {
    return {
      kind: "intersection",
      members: node.types.map((member) => convertType(member, scope, env, context)),
      location: locationOf(scope.sourceFile, scope.source.path, node),
    };
  }
  if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) {
    return convertType(node.type, scope, env, context);
  }
  if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.KeyOfKeyword) return convertKeyof(node, scope, env, context);
  if (ts.isIndexedAccessTypeNode(node)) return convertIndexedAccess(node, scope, env, context);
  if (ts.isMappedTypeNode(node)) return convertMapped(node, scope, env, context);
  if (ts.isConditionalTypeNode(node)) return convertConditional(node, scope, env, context);
  if (ts.isInferTypeNode(node)) return convertInfer(node, scope, env, context);
  if (ts.isTemplateLiteralTypeNode(node)) return convertTemplateLiteral(node, scope, env, context);
  if (ts.isTypeQueryNode(node)) return convertTypeQuery(node, scope, env, context);
  // `never` means "no value": a union drops it; where a value is needed, the evaluate stage reports it.
  if (node.kind === ts.SyntaxKind.NeverKeyword) return operatorNode(NEVER_OPERATOR, locationOf(scope.sourceFile, scope.source.path, node));
  context.report("unsupported-construct", describeConstruct(node), scope, node);
  return ERROR_TYPE;
}

function convertLiteral(node: TS.LiteralTypeNode, scope: FileScope, context: ScanContext): TypeNode {
  const literal = node.literal;
  switch (literal.kind) {
    case ts.SyntaxKind.NullKeyword:
      return NULL_TYPE;
    case ts.SyntaxKind.TrueKeyword:
      return TRUE_TYPE;
    case ts.SyntaxKind.FalseKeyword:
      return FALSE_TYPE;
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return { kind: "literal", value: (literal as TS.StringLiteralLike).text };
    case ts.SyntaxKind.NumericLiteral:
      return { kind: "literal", value: Number((literal as TS.NumericLiteral).text) };
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const unary = literal as TS.PrefixUnaryExpression;
      if (unary.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(unary.operand)) {
        return { kind: "literal", value: -Number(unary.operand.text) };
      }
      break;
    }
  }
  context.report("unsupported-construct", `literal type ${node.getText(scope.sourceFile)} is not supported`, scope, node);
  return ERROR_TYPE;
}

function convertUnion(node: TS.UnionTypeNode, scope: FileScope, env: TypeEnv, context: ScanContext): OptionalType {
  const text = scope.source.text;
  const members: UnionMember[] = [];
  let includesUndefined = false;
  for (const memberNode of node.types) {
    const doc = leadingJsDoc(text, memberNode);
    const { marks, problems } = readMarks(doc, memberNode, scope.sourceFile, ["experimental"]);
    for (const problem of problems) context.report("malformed-marker", problem.message, scope, problem.offset);
    const converted = convertTypeOrMember(memberNode, scope, env, context);
    includesUndefined ||= converted.includesUndefined;
    if (memberNode.kind === ts.SyntaxKind.UndefinedKeyword) continue;
    const location = locationOf(scope.sourceFile, scope.source.path, memberNode);
    // A nested unmarked union is the same union: `A | (B | C)` is `A | B | C`.
    if (converted.type.kind === "union" && !marks.experimental && isParenthesizedUnion(memberNode)) {
      members.push(...converted.type.members);
      continue;
    }
    const member: Mutable<UnionMember> = { type: converted.type, docs: docsOf(doc), location };
    if (marks.experimental) member.experimental = marks.experimental;
    members.push(member);
  }
  const only = members.length === 1 ? members[0]! : undefined;
  if (only && !only.experimental) return { type: only.type, includesUndefined };
  if (members.length === 0) {
    context.report("unsupported-construct", "a union of only `undefined` has no JSON value", scope, node);
    return { type: ERROR_TYPE, includesUndefined };
  }
  return { type: { kind: "union", members }, includesUndefined };
}

function isParenthesizedUnion(node: TS.TypeNode): boolean {
  return ts.isParenthesizedTypeNode(node) && ts.isUnionTypeNode(node.type);
}

/**
 * `[A, B?, ...C[]]`, labelled or not. A rest element `...T` types every item
 * after the others: `T[number]`, which for `...C[]` is `C`. Only a final rest
 * element is supported (`[...A[], B]` has no JSON Schema draft-07 form).
 */
function convertTuple(node: TS.TupleTypeNode, scope: FileScope, env: TypeEnv, context: ScanContext): TypeNode {
  const elements: TypeNode[] = [];
  let required: number | undefined;
  let rest: TypeNode | undefined;
  node.elements.forEach((element, index) => {
    const named = ts.isNamedTupleMember(element) ? element : undefined;
    const inner = named ? named.type : element;
    const isRest = named ? named.dotDotDotToken !== undefined : ts.isRestTypeNode(element);
    const isOptional = named ? named.questionToken !== undefined : ts.isOptionalTypeNode(element);
    if (isRest) {
      if (index !== node.elements.length - 1) {
        context.report("unsupported-construct", "a rest element must come last in a tuple (JSON Schema cannot type the items after it)", scope, element);
        return;
      }
      const restNode = ts.isRestTypeNode(inner) ? inner.type : inner;
      rest = ts.isArrayTypeNode(restNode)
        ? convertType(restNode.elementType, scope, env, context)
        : operatorNode(
            { op: "indexed", object: convertOperand(restNode, scope, env, context), index: { kind: "primitive", name: "number" } },
            locationOf(scope.sourceFile, scope.source.path, restNode),
          );
      return;
    }
    if (isOptional) required ??= elements.length;
    else if (required !== undefined) {
      context.report("unsupported-construct", "a required tuple element cannot follow an optional one", scope, element);
    }
    const elementType = !named && ts.isOptionalTypeNode(inner) ? inner.type : inner;
    elements.push(convertType(elementType, scope, env, context));
  });
  return {
    kind: "tuple",
    elements,
    ...(required !== undefined ? { required } : {}),
    ...(rest ? { rest } : {}),
  };
}

/** What each unsupported construct is called, and how to write it instead. */
const CONSTRUCTS: Partial<Record<TS.SyntaxKind, { readonly name: string; readonly hint: string }>> = {
  [ts.SyntaxKind.FunctionType]: { name: "a function type", hint: "remove this property (functions are not JSON values)" },
  [ts.SyntaxKind.ConstructorType]: { name: "a constructor type", hint: "remove this property (constructors are not JSON values)" },
  [ts.SyntaxKind.ImportType]: { name: "an `import()` type", hint: "import the type by name from an input file" },
  [ts.SyntaxKind.ThisType]: { name: "the `this` type", hint: "name the declaration instead" },
  [ts.SyntaxKind.TypePredicate]: { name: "a type predicate", hint: "remove it" },
  [ts.SyntaxKind.BigIntKeyword]: { name: "`bigint`", hint: "use `number`, or `string` for values beyond 2^53" },
  [ts.SyntaxKind.SymbolKeyword]: { name: "`symbol`", hint: "use `string` (symbols are not JSON values)" },
  [ts.SyntaxKind.VoidKeyword]: { name: "`void`", hint: "use `null` for a value that is always null (in a registry entry, `undefined` means no params or no result)" },
};

function describeConstruct(node: TS.Node): string {
  if (ts.isTypeOperatorNode(node)) {
    return "a `unique symbol` type cannot be expressed in JSON Schema; use `string` (symbols are not JSON values)";
  }
  const construct = CONSTRUCTS[node.kind];
  if (!construct) return `\`${ts.SyntaxKind[node.kind]}\` cannot be expressed in JSON Schema`;
  return `${construct.name} cannot be expressed in JSON Schema; ${construct.hint}`;
}
