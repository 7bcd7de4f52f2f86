import type { Declaration, SourceLocation, TypeNode } from "../types.js";
import { nameOfId, readableOr, shapeName, uniqueName } from "../type-names.js";

type OperatorNode = Extract<TypeNode, { kind: "operator" }>;
type AliasDeclaration = Extract<Declaration, { kind: "alias" }>;

const NO_DOCS = { description: "", tags: {} };

/**
 * Operators that meet themselves while they are evaluated: `patch?:
 * Partial<Node>` inside `Node` needs `Node`'s body, whose `patch` is that same
 * `Partial<Node>`. TypeScript keeps such a type lazily, as one named type; here
 * it becomes a declaration of its own (`PartialOfNode`), named by its shape in
 * the namespace of the declaration being evaluated, and both the operator and
 * its inner use refer to it.
 */
export class SelfReferentOperators {
  /** Operator nodes being evaluated (outside any type variable's scope), with the declaration made for them once met again. */
  readonly #inProgress = new Map<TypeNode, { declared?: { readonly id: string; readonly name: string } }>();
  /** Declarations being evaluated, innermost last: a new declaration takes the namespace of the innermost. */
  readonly #within: Declaration[] = [];
  /** Ids taken (in lower case: each declaration becomes a file). */
  readonly #taken: Set<string>;
  /** Declared, by id, with their finished bodies. */
  readonly #declared = new Map<string, AliasDeclaration>();
  /** Ids handed out to operators still being evaluated. */
  readonly #pending = new Set<string>();
  /** Ids by the operator's shape (locations left out): `Partial<Node>` written twice is one declaration. */
  readonly #byShape = new Map<string, { readonly id: string; readonly name: string }>();

  constructor(ids: Iterable<string>) {
    this.#taken = new Set([...ids].map((id) => id.toLowerCase()));
  }

  /** How many operators are being evaluated: a declaration's evaluation can meet itself only through one. */
  get inProgress(): number {
    return this.#inProgress.size;
  }

  enter(declaration: Declaration): void {
    this.#within.push(declaration);
  }

  leave(): void {
    this.#within.pop();
  }

  /** The declarations made, in the order they were finished. */
  declarations(): readonly AliasDeclaration[] {
    return [...this.#declared.values()];
  }

  declaration(id: string): AliasDeclaration | undefined {
    return this.#declared.get(id);
  }

  /** Whether `id` names an operator still being evaluated: its body is not known yet. */
  isPending(id: string): boolean {
    return this.#pending.has(id);
  }

  /** `evaluateNode()` of `type`, or a reference to the declaration it becomes when its evaluation meets it again. */
  evaluate(type: OperatorNode, evaluateNode: () => TypeNode): TypeNode {
    const op = type.operator.op;
    if (op === "param" || op === "infer" || op === "never" || op === "undefined") return evaluateNode();
    const known = this.#inProgress.get(type);
    if (known) {
      known.declared ??= this.#declarationFor(type);
      if (!this.#declared.has(known.declared.id)) this.#pending.add(known.declared.id);
      return reference(known.declared.id, type.location);
    }
    const entry: { declared?: { readonly id: string; readonly name: string } } = {};
    this.#inProgress.set(type, entry);
    let evaluated: TypeNode;
    try {
      evaluated = evaluateNode();
    } finally {
      this.#inProgress.delete(type);
    }
    if (!entry.declared) return evaluated;
    const { id, name } = entry.declared;
    this.#pending.delete(id);
    // The same operator written elsewhere may have been declared while this one was evaluated.
    if (!this.#declared.has(id)) {
      const namespace = this.#within.at(-1)?.namespace ?? [];
      this.#declared.set(id, { kind: "alias", id, name, namespace, docs: NO_DOCS, location: type.location, type: evaluated });
    }
    return reference(id, type.location);
  }

  /** The id for `type`: the one an operator of the same shape has, else a new name. */
  #declarationFor(type: OperatorNode): { readonly id: string; readonly name: string } {
    const shape = JSON.stringify(type, (key, value: unknown) => (key === "location" ? undefined : value));
    let found = this.#byShape.get(shape);
    if (!found) this.#byShape.set(shape, (found = this.#name(type)));
    return found;
  }

  #name(type: OperatorNode): { readonly id: string; readonly name: string } {
    const within = this.#within.at(-1)?.name ?? "";
    // A conditional or template literal has no short shape: it is named after the declaration it is in.
    const op = type.operator.op;
    const shape = op === "conditional" || op === "template" ? `${within}${op === "conditional" ? "Conditional" : "Template"}` : shapeName(type, nameOfId);
    const wanted = readableOr(shape, `${within}Operator`);
    return uniqueName(wanted, this.#within.at(-1)?.namespace ?? [], this.#taken);
  }
}

function reference(target: string, location: SourceLocation): TypeNode {
  return { kind: "ref", target, location };
}
