import type { Operator, SourceLocation, TypeNode } from "../types.js";
import { isAssignable, type Inferences } from "./assignable.js";
import type { Env, Evaluator } from "./evaluator.js";
import { distributionMembers, isNever, UNKNOWN } from "./members.js";

type ConditionalOperator = Extract<Operator, { op: "conditional" }>;

/**
 * `C extends E ? X : Y` with concrete types: the true branch when every value
 * of `C` is an `E` (with what each `infer` matched bound in it), else the false
 * branch. Distributive over a union check type (and `never` gives `never`),
 * each member keeping its marks, as TypeScript distributes over a naked type
 * parameter.
 */
export function conditionalType(evaluator: Evaluator, operator: ConditionalOperator, env: Env, at: SourceLocation): TypeNode {
  const check = evaluator.evaluate(operator.check, env);
  const { parameter } = operator;
  const branch = (type: TypeNode): TypeNode => {
    const scope = parameter === undefined ? env : new Map(env).set(parameter, type);
    const extendsType = evaluator.evaluate(operator.extends, scope);
    const inferences: Inferences = new Map();
    if (!isAssignable(evaluator, type, extendsType, at, inferences)) return evaluator.evaluate(operator.whenFalse, scope);
    const bound = new Map(scope);
    for (const [name, candidates] of inferences) bound.set(name, evaluator.plainUnion(candidates));
    for (const name of inferNames(extendsType)) if (!bound.has(name) || bound.get(name) === scope.get(name)) bound.set(name, inferences.has(name) ? bound.get(name)! : UNKNOWN);
    return evaluator.evaluate(operator.whenTrue, bound);
  };
  if (!operator.distributive) return branch(check);
  const resolved = evaluator.resolve(check, at);
  if (isNever(resolved)) return resolved;
  const members = distributionMembers(resolved);
  if (members.length === 1 && members[0]!.type === resolved) return branch(check);
  return evaluator.mapMembers(members, branch);
}

/** The `infer` names inside an evaluated `extends` type. */
function inferNames(type: TypeNode): string[] {
  const names: string[] = [];
  const visit = (node: TypeNode): void => {
    switch (node.kind) {
      case "operator":
        if (node.operator.op === "infer") names.push(node.operator.name);
        return;
      case "array":
        return visit(node.element);
      case "map":
        return visit(node.value);
      case "tuple":
        node.elements.forEach(visit);
        if (node.rest) visit(node.rest);
        return;
      case "object":
        node.properties.forEach((property) => visit(property.type));
        if (node.additional) visit(node.additional);
        node.patterns?.forEach((index) => visit(index.value));
        return;
      case "union":
        return node.members.forEach((member) => visit(member.type));
      case "intersection":
        return node.members.forEach(visit);
      default:
        return;
    }
  };
  visit(type);
  return names;
}
