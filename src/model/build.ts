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
  const sortedDeclarations = sortById(derived.declarations);
  const sortedMethods = METHOD_DIRECTIONS.flatMap((direction) =>
    derived.methods.filter((method) => method.direction === direction),
  );
  return { model: { declarations: sortedDeclarations, methods: sortedMethods }, diagnostics };
}

/**
 * Declarations in id order. Ids are unique once scanned, so the ids are sorted
 * natively (the same order as `compareStrings`) and the declarations looked up;
 * with repeated ids the comparator decides.
 */
export function sortById(declarations: readonly Declaration[]): Declaration[] {
  const byId = new Map(declarations.map((declaration) => [declaration.id, declaration]));
  if (byId.size !== declarations.length) return [...declarations].sort((a, b) => compareStrings(a.id, b.id));
  return [...byId.keys()].sort().map((id) => byId.get(id)!);
}
