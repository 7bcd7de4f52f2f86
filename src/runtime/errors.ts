/** JSON-RPC "Invalid Request": what codex's app-server answers for unopted experimental use. */
export const EXPERIMENTAL_API_ERROR_CODE = -32600;

/** The JSON-RPC error object sent back for an experimental request without opt-in. */
export interface ExperimentalApiError {
  readonly code: typeof EXPERIMENTAL_API_ERROR_CODE;
  readonly message: string;
}

export function experimentalApiError(reason: string): ExperimentalApiError {
  return { code: EXPERIMENTAL_API_ERROR_CODE, message: `${reason} requires experimentalApi capability` };
}

/**
 * Thrown by `createGate` when the inventory does not have the documented shape.
 * The inventory is a generated, checked artifact, so this means a bug or a hand edit;
 * failing at startup beats silently letting experimental use through.
 */
export class InvalidInventoryError extends Error {
  override readonly name = "InvalidInventoryError";
  /** Where in the inventory the problem is, e.g. `gate.types["v2.Foo"].fields[1].type`. */
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`invalid experimental inventory at ${path}: ${problem}`);
    this.path = path;
  }
}
