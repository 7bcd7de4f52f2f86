import type { Docs } from "../model/types.js";

/** Whether `docs` carries anything to emit: a description, a tag or `@deprecated`. */
export function hasDocs(docs: Docs): boolean {
  if (docs.description !== "" || docs.deprecated !== undefined) return true;
  for (const _ in docs.tags) return true;
  return false;
}
