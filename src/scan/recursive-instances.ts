import { mapShared } from "../immutable.js";
import { assertNever, type Declaration, type Method, type Operator, type TypeNode } from "../model/types.js";
import { nameOfId, readableOr, shapeName, uniqueName } from "../model/type-names.js";
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
    switch (type.kind) {
      case "primitive":
      case "literal":
        return type;
      case "ref": {
        const named = this.finalIds.get(type.target);
        return named ? { ...type, target: named.id } : type;
      }
      case "array": {
        const element = this.type(type.element);
        return element === type.element ? type : { ...type, element };
      }
      case "map": {
        const value = this.type(type.value);
        return value === type.value ? type : { ...type, value };
      }
      case "tuple": {
        const elements = mapShared(type.elements, (element) => this.type(element));
        const rest = type.rest && this.type(type.rest);
        return elements === type.elements && rest === type.rest ? type : { ...type, elements, ...(rest ? { rest } : {}) };
      }
      case "object": {
        const properties = mapShared(type.properties, (property) => {
          const inner = this.type(property.type);
          return inner === property.type ? property : { ...property, type: inner };
        });
        const additional = type.additional && this.type(type.additional);
        if (properties === type.properties && additional === type.additional) return type;
        return { ...type, properties, ...(additional ? { additional } : {}) };
      }
      case "union": {
        const members = mapShared(type.members, (member) => {
          const inner = this.type(member.type);
          return inner === member.type ? member : { ...member, type: inner };
        });
        return members === type.members ? type : { ...type, members };
      }
      case "intersection": {
        const members = mapShared(type.members, (member) => this.type(member));
        return members === type.members ? type : { ...type, members };
      }
      case "operator": {
        const operator = this.#operator(type.operator);
        return operator === type.operator ? type : { ...type, operator };
      }
      default:
        return assertNever(type);
    }
  }

  #operator(operator: Operator): Operator {
    const map = (operand: TypeNode) => this.type(operand);
    switch (operator.op) {
      case "param":
      case "infer":
      case "never":
      case "undefined":
        return operator;
      case "keyof": {
        const target = map(operator.target);
        return target === operator.target ? operator : { ...operator, target };
      }
      case "indexed": {
        const object = map(operator.object);
        const index = map(operator.index);
        return object === operator.object && index === operator.index ? operator : { ...operator, object, index };
      }
      case "mapped": {
        const constraint = map(operator.constraint);
        const nameType = operator.nameType && map(operator.nameType);
        const value = map(operator.value);
        // The homomorphic source names the type whose keys are mapped: it may be an instance too.
        const homomorphic = operator.homomorphic && map(operator.homomorphic);
        if (constraint === operator.constraint && nameType === operator.nameType && value === operator.value && homomorphic === operator.homomorphic) {
          return operator;
        }
        return { ...operator, constraint, value, ...(nameType ? { nameType } : {}), ...(homomorphic ? { homomorphic } : {}) };
      }
      case "conditional": {
        const check = map(operator.check);
        const extendsType = map(operator.extends);
        const whenTrue = map(operator.whenTrue);
        const whenFalse = map(operator.whenFalse);
        if (check === operator.check && extendsType === operator.extends && whenTrue === operator.whenTrue && whenFalse === operator.whenFalse) {
          return operator;
        }
        return { ...operator, check, extends: extendsType, whenTrue, whenFalse };
      }
      case "template": {
        const spans = mapShared(operator.spans, (span) => {
          const type = map(span.type);
          return type === span.type ? span : { ...span, type };
        });
        return spans === operator.spans ? operator : { ...operator, spans };
      }
      case "utility": {
        const args = mapShared(operator.args, map);
        return args === operator.args ? operator : { ...operator, args };
      }
      default:
        return assertNever(operator);
    }
  }
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
