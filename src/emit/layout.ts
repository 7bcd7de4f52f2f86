import type { Declaration } from "../model/types.js";

/**
 * Results that depend only on which declarations there are, in which order,
 * and on their ids, names and namespaces: file paths, `definitions` pointers,
 * namespace index files. Kept while those stay the same, which in `watch` is
 * nearly always (an edit inside a declaration changes none of them), so such
 * a result costs one comparison sweep instead of a rebuild. The few most
 * recent lists are kept: each audience, with and without envelopes, has its own.
 */
export class LayoutMemo<T> {
  readonly #compute: (declarations: readonly Declaration[]) => T;
  readonly #kept: { declarations: readonly Declaration[]; value: T }[] = [];

  constructor(compute: (declarations: readonly Declaration[]) => T) {
    this.#compute = compute;
  }

  get(declarations: readonly Declaration[]): T {
    const index = this.#kept.findIndex((kept) => sameLayout(kept.declarations, declarations));
    if (index >= 0) {
      const [kept] = this.#kept.splice(index, 1);
      // The newest list is kept, so the next comparison mostly meets the very same objects.
      this.#kept.unshift({ declarations, value: kept!.value });
      return kept!.value;
    }
    const value = this.#compute(declarations);
    this.#kept.unshift({ declarations, value });
    this.#kept.length = Math.min(this.#kept.length, KEPT_LAYOUTS);
    return value;
  }
}

const KEPT_LAYOUTS = 4;

function sameLayout(a: readonly Declaration[], b: readonly Declaration[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const before = a[index]!;
    const after = b[index]!;
    if (before !== after && !samePlace(before, after)) return false;
  }
  return true;
}

function samePlace(a: Declaration, b: Declaration): boolean {
  return a.id === b.id && a.name === b.name && a.namespace.length === b.namespace.length && a.namespace.every((segment, i) => b.namespace[i] === segment);
}
