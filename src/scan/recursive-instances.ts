import type { Declaration, Method, TypeNode } from "../model/types.js";
import { nameOfId, readableOr, shapeName, uniqueName } from "../model/type-names.js";
import { mapChildren, type ChildMapper } from "../model/visit.js";
import { docsOf, leadingJsDoc } from "./jsdoc.js";
import { locationOf } from "./location.js";
import type { DeclarationSite } from "./scope.js";

/**
 * Generic instances that refer to themselves (`Tree<string>` inside
 * `interface Tree<T> { children: Tree<T>[] }`). An inlined expansion of one
 * would never end, so such an instance becomes a declaration of its own and
 * every use of it a reference, as TypeScript itself keeps it one named type.
 *
 * Its name (`TreeOfString`) must not take an id a declaration of the input
 * has, and files later in input order may still declare one, so during the
 * scan an instance is known by a placeholder id no declaration can have;
 * `finish` names every instance once the whole input is scanned and rewrites
 * the placeholders in the declarations and methods that may hold them.
 */
export class RecursiveInstances {
  /** By instance key: the placeholder id and the readable name wanted for it. */
  readonly #byKey = new Map<string, Pending>();
  readonly #byPlaceholder = new Map<string, Pending>();
  /** Declarations finished since the last `takeDeclared`. */
  #declared: Declaration[] = [];

  get size(): number {
    return this.#byKey.size;
  }

  /** The placeholder id of the instance `key` of `site`, which its expansion refers to; made on first use. */
  placeholder(key: string, site: DeclarationSite, args: readonly TypeNode[]): string {
    const known = this.#byKey.get(key);
    if (known) return known.placeholder;
    const pending: Pending = {
      placeholder: `${PLACEHOLDER}${this.#byKey.size}`,
      namespace: site.namespace,
      wanted: readableName(site.name, args, (id) => this.#byPlaceholder.get(id)?.wanted),
    };
    this.#byKey.set(key, pending);
    this.#byPlaceholder.set(pending.placeholder, pending);
    return pending.placeholder;
  }

  /** The placeholder id of `key` when some use of it, inside its own expansion, made it a declaration. */
  named(key: string): string | undefined {
    return this.#byKey.get(key)?.placeholder;
  }

  /** Records the finished expansion of a recursive instance as a declaration with the generic's docs and location. */
  declare(placeholder: string, site: DeclarationSite, type: TypeNode): Declaration {
    const { node, scope } = site;
    const declaration: Declaration = {
      kind: "alias",
      id: placeholder,
      name: placeholder,
      namespace: site.namespace,
      docs: docsOf(leadingJsDoc(scope.source.text, node)),
      location: locationOf(scope.sourceFile, scope.source.path, node.name ?? node),
      type,
    };
    this.#declared.push(declaration);
    return declaration;
  }

  /** The declarations finished since the last call: they belong to the file being converted. */
  takeDeclared(): Declaration[] {
    const declared = this.#declared;
    this.#declared = [];
    return declared;
  }

  /**
   * Names every instance, in the order they were first met: the wanted name,
   * else the first of `Name2`, `Name3`, … that no declaration of its namespace
   * (`taken`, compared without case, since each becomes a file) and no earlier
   * instance has. Returns the rewrite of placeholder ids to final ids.
   */
  finish(taken: Iterable<string>): PlaceholderRenamer {
    const used = new Set([...taken].map((id) => id.toLowerCase()));
    const finalIds = new Map<string, { readonly id: string; readonly name: string }>();
    for (const pending of this.#byKey.values()) finalIds.set(pending.placeholder, uniqueName(pending.wanted, pending.namespace, used));
    return new PlaceholderRenamer(finalIds);
  }
}

/** Rewrites placeholder ids to final ones; nodes without a placeholder are returned as they are. */
export class PlaceholderRenamer {
  /** Rewritten nodes by node: generic instances are shared between the places that use them. */
  readonly #done = new Map<TypeNode, TypeNode>();

  constructor(private readonly finalIds: ReadonlyMap<string, { readonly id: string; readonly name: string }>) {}

  declaration(declaration: Declaration): Declaration {
    const named = this.finalIds.get(declaration.id);
    const renamed = named ? { ...declaration, id: named.id, name: named.name } : declaration;
    if (renamed.kind === "enum") return renamed;
    const type = this.type(renamed.type);
    return type === renamed.type ? renamed : { ...renamed, type };
  }

  method(method: Method): Method {
    const params = method.params && this.type(method.params);
    const result = method.result && this.type(method.result);
    if (params === method.params && result === method.result) return method;
    return { ...method, ...(params ? { params } : {}), ...(result ? { result } : {}) };
  }

  type(type: TypeNode): TypeNode {
    const known = this.#done.get(type);
    if (known) return known;
    const renamed = this.#rename(type);
    this.#done.set(type, renamed);
    return renamed;
  }

  #rename(type: TypeNode): TypeNode {
    if (type.kind !== "ref") return mapChildren(type, this.#children);
    const named = this.finalIds.get(type.target);
    return named ? { ...type, target: named.id } : type;
  }

  // The homomorphic source of a mapped type names the type whose keys are mapped: it may be an instance too.
  readonly #children: ChildMapper = { type: (child) => this.type(child), homomorphic: true };
}

/** Starts every placeholder id: no declaration's id can hold a NUL character. */
const PLACEHOLDER = "\u0000instance";

/** Whether `id` is the placeholder of a recursive instance (only during the scan). */
export function isInstancePlaceholder(id: string): boolean {
  return id.startsWith(PLACEHOLDER);
}

interface Pending {
  readonly placeholder: string;
  readonly namespace: readonly string[];
  readonly wanted: string;
}

/**
 * A name for the instance that reads as what it is: the generic's name, then
 * `Of` and its arguments joined by `And` (`PairOfStringAndNumber`), each named
 * by its shape (`ThreadArray`, `StringOrNull`, `StringRecord`).
 */
function readableName(generic: string, args: readonly TypeNode[], instanceName: (id: string) => string | undefined): string {
  const refName = (id: string) => instanceName(id) ?? nameOfId(id);
  return readableOr(`${generic}Of${args.map((arg) => shapeName(arg, refName)).join("And")}`, `${generic}Instance`);
}
