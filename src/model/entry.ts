import { closure, declarationReferences, referencedIds } from "./walk.js";
import type { Declaration, Method } from "./types.js";

/**
 * For a one-file input: the declarations its roots reach (what it declares or
 * re-exports, and what the methods use). What the files it imports declare
 * appears only where it is reached, as it would for a client importing the file.
 */
export function keepReachable(declarations: readonly Declaration[], methods: readonly Method[], roots: ReadonlySet<string>): Declaration[] {
  const byId = new Map(declarations.map((declaration) => [declaration.id, declaration]));
  const start = [...roots, ...methods.flatMap((method) => [method.params, method.result].flatMap((type) => (type ? referencedIds(type) : [])))];
  const reached = closure(start, (id) => {
    const declaration = byId.get(id);
    return declaration ? declarationReferences(declaration) : [];
  });
  return declarations.filter((declaration) => reached.has(declaration.id));
}
