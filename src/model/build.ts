import { createDiagnostic, compareStrings, type Diagnostic } from "../diagnostics/diagnostic.js";
import { deriveReasons } from "./reasons.js";
import { METHOD_DIRECTIONS, type Declaration, type Method, type Model } from "./types.js";

/**
 * Turns what the scanner found into the model: reasons derived, declarations
 * sorted by id, methods grouped by direction in registry order, and every
 * wire method name unique.
 */
export function buildModel(
  declarations: readonly Declaration[],
  methods: readonly Method[],
): { model: Model; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, Method>();
  const unique: Method[] = [];
  for (const method of methods) {
    const previous = seen.get(method.name);
    if (previous) {
      const at = `${previous.location.file}:${previous.location.line}`;
      diagnostics.push(
        createDiagnostic("duplicate-method", `method "${method.name}" is already declared at ${at} (${previous.direction})`, method.location),
      );
      continue;
    }
    seen.set(method.name, method);
    unique.push(method);
  }
  const derived = deriveReasons(declarations, unique);
  const sortedDeclarations = derived.declarations.sort((a, b) => compareStrings(a.id, b.id));
  const sortedMethods = METHOD_DIRECTIONS.flatMap((direction) =>
    derived.methods.filter((method) => method.direction === direction),
  );
  return { model: { declarations: sortedDeclarations, methods: sortedMethods }, diagnostics };
}
