import { createDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Declaration, TypeNode } from "../types.js";
import { walkType } from "../walk.js";
import { Evaluator } from "./evaluator.js";

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
    const type = evaluator.body(declaration.id, declaration.location);
    return type === declaration.type ? declaration : { ...declaration, type };
  });
  const leftovers = evaluated.flatMap((declaration) => (declaration.kind === "alias" ? operatorsLeft(declaration.type) : []));
  return { declarations: evaluated, diagnostics: [...evaluator.diagnostics, ...leftovers] };
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
