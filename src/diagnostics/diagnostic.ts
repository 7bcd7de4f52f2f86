import type { SourceLocation } from "../model/types.js";
import { DIAGNOSTIC_CODES, type DiagnosticName } from "./codes.js";

export type Severity = "error" | "warning";

/** A problem found in the input: a value, collected and reported together. */
export interface Diagnostic {
  readonly name: DiagnosticName;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location: SourceLocation;
}

export function createDiagnostic(
  name: DiagnosticName,
  message: string,
  location: SourceLocation,
  severity: Severity = "error",
): Diagnostic {
  return { name, code: DIAGNOSTIC_CODES[name].code, severity, message, location };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === "error");
}

/** Sorted by file, line, column, then code: the order they are printed in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareStrings(a.location.file, b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message),
  );
}

/**
 * UTF-16 code unit order, the same as `Array.prototype.sort` without a
 * comparator; plain string arrays are sorted that way (it runs natively).
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
