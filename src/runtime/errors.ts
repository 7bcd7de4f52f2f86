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

/** JSON-RPC "Internal error": the server has a result it may not send to this connection. */
export const EXPERIMENTAL_OUTPUT_ERROR_CODE = -32603;

/** The JSON-RPC error object that replaces a result with no stable form (see `ExperimentalGate.toStable`). */
export interface ExperimentalOutputError {
  readonly code: typeof EXPERIMENTAL_OUTPUT_ERROR_CODE;
  readonly message: string;
  readonly data: { readonly reason: string; readonly path: string };
}

export function experimentalOutputError(reason: string, path: string): ExperimentalOutputError {
  return {
    code: EXPERIMENTAL_OUTPUT_ERROR_CODE,
    message: `the result holds ${reason}, which requires experimentalApi capability`,
    data: { reason, path },
  };
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
