import type { Docs } from "../model/types.js";

/** Whether `docs` carries anything to emit: a description, a tag or `@deprecated`. */
export function hasDocs(docs: Docs): boolean {
  return docs.description !== "" || docs.deprecated !== undefined || Object.keys(docs.tags).length > 0;
}
