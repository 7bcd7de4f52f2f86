import type { Declaration, Model } from "../model/types.js";
import { declarationsById } from "../model/walk.js";

/** Finds declarations by id. A missing id is a bug: the model was validated before emitting. */
export interface DeclarationLookup {
  readonly get: (id: string) => Declaration;
}

/** A lookup that also answers whether an id is there. */
export interface ModelLookup extends DeclarationLookup {
  readonly find: (id: string) => Declaration | undefined;
}

export function declarationLookup(model: Model): ModelLookup {
  const byId = declarationsById(model);
  return {
    find: (id) => byId.get(id),
    get(id) {
      const declaration = byId.get(id);
      if (!declaration) throw new Error(`emit: reference to unknown declaration "${id}"`);
      return declaration;
    },
  };
}

/** A lookup that lists every declaration it hands out, so a cache can later tell whether they are still the same. */
export function recordingLookup(lookup: DeclarationLookup): { readonly lookup: DeclarationLookup; readonly looked: readonly Declaration[] } {
  const looked: Declaration[] = [];
  return {
    lookup: {
      get: (id) => {
        const target = lookup.get(id);
        looked.push(target);
        return target;
      },
    },
    looked,
  };
}
