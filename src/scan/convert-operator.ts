import { ts, type TS } from "./typescript.js";
import type { Operator, SourceLocation, TypeNode } from "../model/types.js";
import type { ScanContext, TypeEnv } from "./context.js";
import { convertTypeAllowingUndefined } from "./convert-type.js";
import { locationOf } from "./location.js";
import type { FileScope } from "./scope.js";

/**
 * Type operators are written down as they are, as `operator` nodes: the model's
 * evaluate stage, which sees every declaration, works out what they mean.
 * Type variables they bind (`K` of a mapped type, `infer X`) become `param`
 * nodes in the environment of the part that may use them.
 */
export function operatorNode(operator: Operator, location: SourceLocation): TypeNode {
  return { kind: "operator", operator, location };
}

export const UNDEFINED_OPERATOR: Operator = { op: "undefined" };
export const NEVER_OPERATOR: Operator = { op: "never" };

/** An operand of a type operator: `undefined` is a type like any other there (`Exclude<T, undefined>`). */
export function convertOperand(node: TS.TypeNode, scope: FileScope, env: TypeEnv, context: ScanContext): TypeNode {
  const { type, includesUndefined } = convertTypeAllowingUndefined(node, scope, env, context);
  if (!includesUndefined) return type;
  const location = locationOf(scope.sourceFile, scope.source.path, node);
  const undefinedType = operatorNode(UNDEFINED_OPERATOR, location);
  if (node.kind === ts.SyntaxKind.UndefinedKeyword) return undefinedType;
  const docs = { description: "", tags: {} };
  const members = type.kind === "union" ? type.members : [{ type, docs, location }];
  return { kind: "union", members: [...members, { type: undefinedType, docs, location }] };
}

function at(node: TS.Node, scope: FileScope): SourceLocation {
  return locationOf(scope.sourceFile, scope.source.path, node);
}

export function convertKeyof(node: TS.TypeOperatorNode, scope: FileScope, env: TypeEnv, context: ScanContext): TypeNode {
  return operatorNode({ op: "keyof", target: convertOperand(node.type, scope, env, context) }, at(node, scope));
}

export function convertIndexedAccess(node: TS.IndexedAccessTypeNode, scope: FileScope, env: TypeEnv, context: ScanContext): TypeNode {
  const object = convertOperand(node.objectType, scope, env, context);
  const index = convertOperand(node.indexType, scope, env, context);
  return operatorNode({ op: "indexed", object, index }, at(node, scope));
}

const MODIFIERS: Partial<Record<TS.SyntaxKind, "+" | "-">> = {
  [ts.SyntaxKind.QuestionToken]: "+",
  [ts.SyntaxKind.PlusToken]: "+",
  [ts.SyntaxKind.MinusToken]: "-",
};

export function convertMapped(node: TS.MappedTypeNode, scope: FileScope, env: TypeEnv, context: ScanContext): TypeNode {
  const parameter = node.typeParameter.name.text;
  const constraintNode = node.typeParameter.constraint;
  const location = at(node, scope);
  if (!constraintNode) {
    context.report("unsupported-construct", "a mapped type needs a key constraint: `[K in Keys]`", scope, node.typeParameter);
    return operatorNode(NEVER_OPERATOR, location);
  }
  const constraint = convertOperand(constraintNode, scope, env, context);
  const inner = new Map(env).set(parameter, operatorNode({ op: "param", name: parameter }, location));
  const isKeyof = ts.isTypeOperatorNode(constraintNode) && constraintNode.operator === ts.SyntaxKind.KeyOfKeyword;
  const operator: Operator = {
    op: "mapped",
    parameter,
    constraint,
    value: node.type ? convertOperand(node.type, scope, inner, context) : { kind: "primitive", name: "unknown" },
    ...(node.nameType ? { nameType: convertOperand(node.nameType, scope, inner, context) } : {}),
    ...(node.questionToken ? { optional: MODIFIERS[node.questionToken.kind]! } : {}),
    ...(isKeyof && constraint.kind === "operator" && constraint.operator.op === "keyof" ? { homomorphic: constraint.operator.target } : {}),
    ...(isKeyof && isParameterName(constraintNode.type, env) ? { overParameter: true } : {}),
  };
  return operatorNode(operator, location);
}

/** A type parameter as written (`T`), bound in `env` to its argument. */
function isParameterName(node: TS.TypeNode, env: TypeEnv): node is TS.TypeReferenceNode & { typeName: TS.Identifier } {
  return ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeArguments === undefined && env.has(node.typeName.text);
}

export function convertConditional(node: TS.ConditionalTypeNode, scope: FileScope, env: TypeEnv, context: ScanContext): TypeNode {
  const location = at(node, scope);
  const check = convertOperand(node.checkType, scope, env, context);
  // Distributive when the check type is a type parameter as written, bound here to its argument.
  const distributive = isParameterName(node.checkType, env);
  // Distribution substitutes each member for the parameter everywhere in the conditional, so the parameter stays a variable there.
  const parameter = distributive ? ((node.checkType as TS.TypeReferenceNode).typeName as TS.Identifier).text : undefined;
  const inBranches = parameter === undefined ? env : new Map(env).set(parameter, operatorNode({ op: "param", name: parameter }, location));
  const inferred = inferNames(node.extendsType);
  const inExtends = new Map(inBranches);
  const inTrue = new Map(inBranches);
  for (const name of inferred) {
    inExtends.set(name, operatorNode({ op: "infer", name }, location));
    inTrue.set(name, operatorNode({ op: "param", name }, location));
  }
  return operatorNode(
    {
      op: "conditional",
      check,
      extends: convertOperand(node.extendsType, scope, inExtends, context),
      whenTrue: convertOperand(node.trueType, scope, inTrue, context),
      whenFalse: convertOperand(node.falseType, scope, inBranches, context),
      distributive,
      ...(parameter === undefined ? {} : { parameter }),
    },
    location,
  );
}

/** The `infer X` names of a conditional's `extends` type (not those of conditionals nested in it). */
function inferNames(node: TS.Node): string[] {
  const names: string[] = [];
  const visit = (child: TS.Node): void => {
    if (ts.isInferTypeNode(child)) names.push(child.typeParameter.name.text);
    else if (!ts.isConditionalTypeNode(child)) ts.forEachChild(child, visit);
  };
  visit(node);
  return names;
}

/** `infer X` itself: the environment holds what it stands for at this place. */
export function convertInfer(node: TS.InferTypeNode, scope: FileScope, env: TypeEnv, context: ScanContext): TypeNode {
  const bound = env.get(node.typeParameter.name.text);
  if (bound) return bound;
  context.report("unsupported-construct", "`infer` belongs in the `extends` part of a conditional type", scope, node);
  return operatorNode(NEVER_OPERATOR, at(node, scope));
}

export function convertTemplateLiteral(node: TS.TemplateLiteralTypeNode, scope: FileScope, env: TypeEnv, context: ScanContext): TypeNode {
  const spans = node.templateSpans.map((span) => ({ type: convertOperand(span.type, scope, env, context), text: span.literal.text }));
  return operatorNode({ op: "template", head: node.head.text, spans }, at(node, scope));
}
