import { indexType } from "./type-index.js";
import type { Declaration, Method, Model, TypeNode } from "./types.js";

/**
 * A key shared by models whose reference graphs are the same: the same
 * declarations and methods in the same order, each experimental or not alike,
 * and each naming the same ids from stable and from experimental positions.
 * What is computed from the graph alone (what the methods reach, the stable
 * roots, what the stable audience keeps) is kept by this key rather than by
 * model, so the next run of `watch`, whose edit seldom changes a reference,
 * finds it instead of walking thousands of declarations again.
 */
export function graphKey(model: Model): GraphKey {
  let key = keys.get(model);
  if (key) return key;
  key = recent.find((earlier) => sameGraph(earlier.model, model))?.key ?? {};
  keys.set(model, key);
  recent.unshift({ model, key });
  recent.length = Math.min(recent.length, KEPT_MODELS);
  return key;
}

/** An object that stands for one reference graph (see `graphKey`). */
export type GraphKey = object;

const keys = new WeakMap<Model, GraphKey>();
/** The last models asked about: each audience, and the run before. */
const recent: { readonly model: Model; readonly key: GraphKey }[] = [];
const KEPT_MODELS = 4;

/**
 * `compute(model)` for the first model of its graph; the same value for every
 * model of that graph after, when `reusable` says the value may stand for
 * another model (say, only when it names no location).
 */
export class GraphMemo<T> {
  readonly #shared = new WeakMap<GraphKey, T>();
  readonly #own = new WeakMap<Model, T>();

  constructor(
    private readonly compute: (model: Model) => T,
    private readonly reusable: (value: T) => boolean = () => true,
  ) {}

  get(model: Model): T {
    if (this.#own.has(model)) return this.#own.get(model)!;
    const key = graphKey(model);
    if (this.#shared.has(key)) return this.#shared.get(key)!;
    const value = this.compute(model);
    if (this.reusable(value)) this.#shared.set(key, value);
    else this.#own.set(model, value);
    return value;
  }
}

function sameGraph(a: Model, b: Model): boolean {
  if (a === b) return true;
  if (a.declarations.length !== b.declarations.length || a.methods.length !== b.methods.length) return false;
  for (let index = 0; index < a.declarations.length; index++) {
    const before = a.declarations[index]!;
    const after = b.declarations[index]!;
    if (before !== after && !sameDeclarationEdges(before, after)) return false;
  }
  for (let index = 0; index < a.methods.length; index++) {
    const before = a.methods[index]!;
    const after = b.methods[index]!;
    if (before !== after && !sameMethodEdges(before, after)) return false;
  }
  return true;
}

function sameDeclarationEdges(a: Declaration, b: Declaration): boolean {
  if (a.id !== b.id || a.kind !== b.kind || !a.experimental !== !b.experimental) return false;
  return a.kind === "enum" || b.kind === "enum" || sameTypeEdges(a.type, b.type);
}

function sameMethodEdges(a: Method, b: Method): boolean {
  return (
    a.name === b.name &&
    a.direction === b.direction &&
    !a.experimental === !b.experimental &&
    sameOptionalEdges(a.params, b.params) &&
    sameOptionalEdges(a.result, b.result)
  );
}

function sameOptionalEdges(a: TypeNode | undefined, b: TypeNode | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameTypeEdges(a, b);
}

function sameTypeEdges(a: TypeNode, b: TypeNode): boolean {
  if (a === b) return true;
  const before = indexType(a);
  const after = indexType(b);
  return (
    sameIds(before.ids, after.ids) &&
    sameIds(before.stableRefs.map((ref) => ref.target), after.stableRefs.map((ref) => ref.target)) &&
    sameIds(before.experimentalRefs.map((ref) => ref.target), after.experimentalRefs.map((ref) => ref.target))
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
