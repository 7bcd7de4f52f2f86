import { createDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { mapShared } from "../../immutable.js";
import { assertNever, type Declaration, type TypeNode } from "../types.js";
import { mapPatternIndex } from "../visit.js";
import { Evaluator } from "./evaluator.js";
import { PlainEvaluations } from "./plain.js";
import { isNever, NEVER, UNKNOWN, withoutUndefined } from "./members.js";
import { mapChildren, type ChildMapper } from "../visit.js";

/**
 * The evaluate stage: every type operator the scanner wrote down (`keyof`,
 * indexed access, mapped, conditional and template literal types, utility
 * types) replaced by the plain type it means, so the later stages see only
 * evaluated, normalised types. What has no JSON meaning is a located
 * diagnostic, never a silent `unknown`.
 */
export function evaluateDeclarations(declarations: readonly Declaration[]): { declarations: Declaration[]; diagnostics: Diagnostic[] } {
  const evaluator = new Evaluator(declarations);
  const reasonOf = (member: TypeNode) => evaluator.experimentalTarget(member)?.reason;
  const evaluated = declarations.map((declaration): Declaration => {
    if (declaration.kind === "enum") return declaration;
    const kept = PLAIN.kept(declaration, reasonOf);
    if (kept) return kept;
    const reported = evaluator.diagnostics.length;
    const result = withBody(declaration, evaluator.body(declaration.id, declaration.location));
    if (evaluator.diagnostics.length === reported) PLAIN.keep(declaration, result, reasonOf);
    return result;
  });
  // Operators that refer to themselves became declarations of their own.
  for (const made of evaluator.selfReferences.declarations()) evaluated.push(withBody(made, made.type));
  const kept = withScalarsInlined(evaluated, evaluator.selfReferences.declarations());
  const leftovers: Diagnostic[] = [];
  const cleaned = kept.map((declaration) => {
    if (declaration.kind !== "alias" || PLAIN.isPlainResult(declaration)) return declaration;
    const type = withoutOperators(declaration.type, leftovers);
    return type === declaration.type ? declaration : { ...declaration, type };
  });
  return { declarations: cleaned, diagnostics: [...evaluator.diagnostics, ...leftovers] };
}

/**
 * An operator that met itself but came out a scalar (`keyof L` inside `L`,
 * `T["id"]` inside `T`) needs no declaration: no value of it contains itself.
 * Its references are replaced by its type, as TypeScript shows it.
 */
function withScalarsInlined(declarations: Declaration[], made: readonly Declaration[]): Declaration[] {
  const scalars = new Map(made.flatMap((declaration) => (declaration.kind === "alias" && isScalar(declaration.type) ? [[declaration.id, declaration.type] as const] : [])));
  if (scalars.size === 0) return declarations;
  const done = new Map<TypeNode, TypeNode>();
  const mapper: ChildMapper = {
    type(type) {
      if (type.kind === "ref") return scalars.get(type.target) ?? type;
      let rewritten = done.get(type);
      if (!rewritten) done.set(type, (rewritten = mapChildren(type, mapper)));
      return rewritten;
    },
  };
  return declarations.flatMap((declaration): Declaration[] => {
    if (scalars.has(declaration.id)) return [];
    if (declaration.kind === "enum") return [declaration];
    const type = mapper.type(declaration.type);
    return [type === declaration.type ? declaration : { ...declaration, type }];
  });
}

function isScalar(type: TypeNode): boolean {
  return type.kind === "primitive" || type.kind === "literal" || (type.kind === "union" && type.members.every((member) => isScalar(member.type)));
}

/** `type C = T["count"]` of an optional field is `number | undefined`: as JSON, a `number`. */
function withBody(declaration: Extract<Declaration, { kind: "alias" }>, body: TypeNode): Declaration {
  const { type: defined, hadUndefined } = withoutUndefined(body);
  const type = hadUndefined && !isNever(defined) ? defined : body;
  return type === declaration.type ? declaration : { ...declaration, type };
}

/** Plain declarations' evaluations, kept by declaration object for as long as it lives (see `PlainEvaluations`). */
const PLAIN = new PlainEvaluations();

const UNDEFINED_MESSAGE =
  "`undefined` has no JSON value here; it makes a property optional only in the property's own type (use `NonNullable<…>` to remove it)";
const INFER_MESSAGE = "`infer` belongs in the `extends` part of a conditional type";

/**
 * Later stages never see an operator. Evaluation keeps two: `undefined`
 * where no property or optional element absorbed it, and `infer` outside a
 * conditional. An `undefined` that evaluation produced (`T[K]` of an
 * optional field inside an array) is left out of its union, as JSON cannot
 * carry it, and alone inside a type is `never`; a declaration that is only
 * `undefined`, and `infer`, are reported and stand for `unknown` after their
 * diagnostic.
 */
function withoutOperators(type: TypeNode, diagnostics: Diagnostic[]): TypeNode {
  const visit = (node: TypeNode): TypeNode => {
    switch (node.kind) {
      case "primitive":
      case "literal":
      case "ref":
        return node;
      case "array": {
        const element = visit(node.element);
        return element === node.element ? node : { ...node, element };
      }
      case "map": {
        const value = visit(node.value);
        return value === node.value ? node : { ...node, value };
      }
      case "tuple": {
        const elements = mapShared(node.elements, visit);
        const rest = node.rest && visit(node.rest);
        return elements === node.elements && rest === node.rest ? node : { ...node, elements, ...(rest ? { rest } : {}) };
      }
      case "object": {
        const properties = mapShared(node.properties, (property) => {
          const inner = visit(property.type);
          return inner === property.type ? property : { ...property, type: inner };
        });
        const additional = node.additional && visit(node.additional);
        const patterns = node.patterns && mapShared(node.patterns, (index) => mapPatternIndex(index, visit));
        if (properties === node.properties && additional === node.additional && patterns === node.patterns) return node;
        return { ...node, properties, ...(additional ? { additional } : {}), ...(patterns ? { patterns } : {}) };
      }
      case "union": {
        const { type: defined, hadUndefined } = withoutUndefined(node);
        const kept = hadUndefined && !isNever(defined) ? defined : node;
        if (kept !== node) return visit(kept);
        const members = mapShared(node.members, (member) => {
          const inner = visit(member.type);
          return inner === member.type ? member : { ...member, type: inner };
        });
        return members === node.members ? node : { ...node, members };
      }
      case "intersection": {
        const members = mapShared(node.members, visit);
        return members === node.members ? node : { ...node, members };
      }
      case "operator":
        // A computed `undefined` inside a type (an index signature's value `T[K]` of an optional field): no JSON value.
        if (node.operator.op === "undefined" && node !== type) return NEVER;
        diagnostics.push(createDiagnostic("unsupported-construct", node.operator.op === "undefined" ? UNDEFINED_MESSAGE : INFER_MESSAGE, node.location));
        return UNKNOWN;
      default:
        return assertNever(node);
    }
  };
  return visit(type);
}
