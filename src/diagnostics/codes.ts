/**
 * Every diagnostic schemagate reports, in one table. Codes are stable public
 * identifiers (documented in docs/diagnostics.md); never renumber them.
 */
export const DIAGNOSTIC_CODES = {
  "syntax-error": { code: "SG001", summary: "the file is not valid TypeScript" },
  "unresolved-import": { code: "SG002", summary: "a relative import names a file that is not part of the input" },
  "unresolved-reference": { code: "SG003", summary: "a type name does not resolve to a declaration in the input" },
  "unsupported-construct": { code: "SG004", summary: "a TypeScript construct that has no JSON Schema meaning here" },
  "duplicate-name": { code: "SG005", summary: "two declarations share a name in one namespace" },
  "duplicate-method": { code: "SG006", summary: "a wire method name is declared twice" },
  "malformed-registry": { code: "SG007", summary: "a @methods registry entry is not Request<P, R> or Notification<P>" },
  "malformed-marker": { code: "SG008", summary: "a marker has an unknown or invalid argument, or is in the wrong place" },
  "experimental-leak": { code: "SG009", summary: "a stable path reaches an experimental declaration" },
  "no-declarations": { code: "SG010", summary: "the input holds no type declarations" },
  "unreadable-input": { code: "SG011", summary: "an input file cannot be read or is not UTF-8" },
  "reserved-name": { code: "SG012", summary: "a declaration uses a name schemagate generates" },
  "type-arguments": { code: "SG013", summary: "a generic type is used with the wrong number of type arguments" },
  "empty-union": { code: "SG014", summary: "every member of a union is experimental, so the stable type would be empty" },
  "ineffective-marker": { code: "SG015", summary: "a marker sits where it has no effect, so it would be ignored" },
  "circular-alias": { code: "SG016", summary: "type aliases refer to each other with no object, array or tuple in between" },
  "nesting-limit": { code: "SG017", summary: "a type nests deeper than schemagate's limit of 64 levels" },
} as const satisfies Record<string, { code: `SG${string}`; summary: string }>;

export type DiagnosticName = keyof typeof DIAGNOSTIC_CODES;
