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
