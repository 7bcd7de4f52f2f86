import type { Declaration, TypeNode } from "../types.js";
import { forEachChild, type ChildVisitor } from "../visit.js";

/**
 * Most declarations hold no type operator, no intersection and no index
 * signature pattern. Evaluating one of them changes nothing but its union
 * members that name an experimental declaration (they become experimental
 * members), so its result depends on the declaration itself and on what
 * those named declarations say about being experimental. `watch` hands back
 * the same declaration objects for unchanged files, so such a result is kept
 * by declaration object and reused while those answers stay the same.
 */
export class PlainEvaluations {
  readonly #plain = new WeakMap<Declaration, PlainShape | false>();
  readonly #kept = new WeakMap<Declaration, KeptEvaluation>();
  readonly #results = new WeakSet<Declaration>();

  /** The result kept for `declaration`, when it is plain and every member it names answers as before. */
  kept(declaration: Declaration, experimentalReason: (member: TypeNode) => string | undefined): Declaration | undefined {
    const kept = this.#kept.get(declaration);
    if (!kept) return undefined;
    return kept.members.every((member, index) => experimentalReason(member) === kept.reasons[index]) ? kept.result : undefined;
  }

  /** Keeps `result` for a plain declaration (any other is not kept). */
  keep(declaration: Declaration, result: Declaration, experimentalReason: (member: TypeNode) => string | undefined): void {
    const shape = this.#shape(declaration);
    if (!shape) return;
    this.#kept.set(declaration, { result, members: shape.members, reasons: shape.members.map(experimentalReason) });
    this.#results.add(result);
  }

  /** Whether `result` is a plain declaration's evaluation: it holds no operator, so nothing is left to clean. */
  isPlainResult(result: Declaration): boolean {
    return this.#results.has(result);
  }

  #shape(declaration: Declaration): PlainShape | false {
    let shape = this.#plain.get(declaration);
    if (shape === undefined) this.#plain.set(declaration, (shape = plainShape(declaration)));
    return shape;
  }
}

interface PlainShape {
  /** The union members' references that evaluation asks about (see `Evaluator.union`), in walk order. */
  readonly members: readonly TypeNode[];
}

interface KeptEvaluation {
  readonly result: Declaration;
  readonly members: readonly TypeNode[];
  readonly reasons: readonly (string | undefined)[];
}

function plainShape(declaration: Declaration): PlainShape | false {
  if (declaration.kind !== "alias") return false;
  const members: TypeNode[] = [];
  let plain = true;
  const visitor: ChildVisitor = {
    type(child) {
      if (!plain) return;
      if (child.kind === "operator" || child.kind === "intersection" || (child.kind === "object" && child.patterns)) {
        plain = false;
        return;
      }
      forEachChild(child, visitor);
    },
    member(member) {
      if (!member.experimental && member.type.kind === "ref") members.push(member.type);
      visitor.type(member.type);
    },
  };
  visitor.type(declaration.type);
  return plain && { members };
}
