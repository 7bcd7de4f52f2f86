import { createDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Declaration, TypeNode } from "../types.js";
import { walkType } from "../walk.js";
import { Evaluator } from "./evaluator.js";
import { isNever, UNKNOWN, withoutUndefined } from "./members.js";

/**
 * The evaluate stage: every type operator the scanner wrote down (`keyof`,
 * indexed access, mapped, conditional and template literal types, utility
 * types) replaced by the plain type it means, so the later stages see only
 * evaluated, normalised types. What has no JSON meaning is a located
 * diagnostic, never a silent `unknown`.
 */
export function evaluateDeclarations(declarations: readonly Declaration[]): { declarations: Declaration[]; diagnostics: Diagnostic[] } {
  const evaluator = new Evaluator(declarations);
  const evaluated = declarations.map((declaration): Declaration => {
    if (declaration.kind === "enum") return declaration;
    const body = evaluator.body(declaration.id, declaration.location);
    // `type C = T["count"]` of an optional field is `number | undefined`: as JSON, a `number`.
    const { type: defined, hadUndefined } = withoutUndefined(body);
    const type = hadUndefined && !isNever(defined) ? defined : body;
    return type === declaration.type ? declaration : { ...declaration, type };
  });
  const leftovers: Diagnostic[] = [];
  // Later stages never see an operator: a declaration holding one after its diagnostic stands for `unknown`.
  const cleaned = evaluated.map((declaration) => {
    if (declaration.kind !== "alias") return declaration;
    const found = operatorsLeft(declaration.type);
    if (found.length === 0) return declaration;
    leftovers.push(...found);
    return { ...declaration, type: UNKNOWN };
  });
  return { declarations: cleaned, diagnostics: [...evaluator.diagnostics, ...leftovers] };
}

/** Operators evaluation keeps as they are: `undefined` outside a property's type, `infer` outside a conditional. */
function operatorsLeft(type: TypeNode): Diagnostic[] {
  const found: Diagnostic[] = [];
  walkType(type, (node) => {
    if (node.kind !== "operator") return;
    const message =
      node.operator.op === "undefined"
        ? "`undefined` has no JSON value here; it makes a property optional only in the property's own type (use `NonNullable<…>` to remove it)"
        : "`infer` belongs in the `extends` part of a conditional type";
    found.push(createDiagnostic("unsupported-construct", message, node.location));
  });
  return found;
}
