import type { Declaration, Model } from "../model/types.js";

/** Finds declarations by id. A missing id is a bug: the model was validated before emitting. */
export interface DeclarationLookup {
  readonly get: (id: string) => Declaration;
}

export function declarationLookup(model: Model): DeclarationLookup {
  const byId = new Map(model.declarations.map((declaration) => [declaration.id, declaration]));
  return {
    get(id) {
      const declaration = byId.get(id);
      if (!declaration) throw new Error(`emit: reference to unknown declaration "${id}"`);
      return declaration;
    },
  };
}

/** Code-unit order, the one order every emitter uses for names, ids and paths. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct values, first occurrence kept. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
