import { fieldPrefix, memberLabel, methodsByType } from "./owners.js";
import { mapShared } from "../immutable.js";
import { indexType } from "./type-index.js";
import type { Declaration, Experimental, Method, Property, TypeNode, UnionMember } from "./types.js";
import { mapChildren, withChildType, type ChildMapper } from "./visit.js";

/**
 * Fills in every experimental reason the author left out (design, "Marking
 * vocabulary"): a method's wire name; a field's `<method>.<field>` or
 * `<Type>.<field>`; a member's `<Type>.<value>`; a declaration's name.
 */
export function deriveReasons(
  declarations: readonly Declaration[],
  methods: readonly Method[],
): { declarations: Declaration[]; methods: Method[] } {
  const owners = methodsByType(methods);
  const byId = new Map(declarations.map((declaration) => [declaration.id, declaration]));
  const withReasons = declarations.map((declaration) => withDerivedReasons(declaration, fieldPrefix(declaration, owners), byId));
  return { declarations: withReasons, methods: methods.map(withDerivedReason) };
}

/** A method with its reason derived (its wire name), kept by method object like declarations are. */
function withDerivedReason(method: Method): Method {
  if (method.experimental?.reason !== "") return method;
  let derived = derivedMethods.get(method);
  if (!derived) derivedMethods.set(method, (derived = { ...method, experimental: { reason: method.name } }));
  return derived;
}

const derivedMethods = new WeakMap<Method, Method>();

/**
 * A declaration with its reasons derived, kept by declaration object with the
 * field prefix and the names of the declarations its member labels named: a
 * declaration met again (the next run of `watch`) gets the same object back.
 */
function withDerivedReasons(declaration: Declaration, prefix: string, byId: ReadonlyMap<string, Declaration>): Declaration {
  const kept = derivedKept.get(declaration);
  if (kept?.prefix === prefix && sameNames(kept.names, byId)) return kept.result;
  const names = new Map<string, string | undefined>();
  const naming = {
    get: (id: string) => {
      const found = byId.get(id);
      names.set(id, found?.name);
      return found;
    },
  };
  const result = deriveDeclarationReasons(declaration, prefix, naming);
  derivedKept.set(declaration, { prefix, names, result });
  return result;
}

function sameNames(names: ReadonlyMap<string, string | undefined>, byId: ReadonlyMap<string, Declaration>): boolean {
  for (const [id, name] of names) if (byId.get(id)?.name !== name) return false;
  return true;
}

const derivedKept = new WeakMap<Declaration, { readonly prefix: string; readonly names: ReadonlyMap<string, string | undefined>; readonly result: Declaration }>();

function deriveDeclarationReasons(declaration: Declaration, prefix: string, byId: DeclarationNames): Declaration {
  const experimental = orDerived(declaration.experimental, declaration.name);
  const base = experimental ? { ...declaration, experimental } : declaration;
  if (base.kind === "enum") {
    const members = mapShared(base.members, (member) => {
      const derived = orDerived(member.experimental, `${declaration.name}.${member.value}`);
      return derived === member.experimental ? member : { ...member, experimental: derived };
    });
    return members === base.members ? base : { ...base, members };
  }
  // Only experimental fields and members can lack a reason; the index is kept for the later stages.
  if (!indexType(base.type).experimentalParts) return base;
  const type = new TypeReasons(prefix, declaration.name, byId).type(base.type);
  return type === base.type ? base : { ...base, type };
}

/** Where member labels find the names of the declarations they name. */
interface DeclarationNames {
  get(id: string): Declaration | undefined;
}

/** The reason as written, or the derived one (computed only then) when the author left it out. */
function orDerived(experimental: Experimental | undefined, derived: string | (() => string)): Experimental | undefined {
  if (!experimental) return undefined;
  if (experimental.reason !== "") return experimental;
  return { reason: typeof derived === "string" ? derived : derived() };
}

/**
 * Rewrites one declaration's type with derived reasons; nodes with nothing to
 * derive are returned as they are. `path` holds the field names leading to the
 * node being rewritten: each field pushes its name while its type is rewritten.
 */
class TypeReasons implements ChildMapper {
  readonly #path: string[] = [];

  constructor(
    private readonly fieldPrefix: string,
    private readonly typeName: string,
    private readonly declarationsById: DeclarationNames,
  ) {}

  type(type: TypeNode): TypeNode {
    return mapChildren(type, this);
  }

  property(property: Property): Property {
    this.#path.push(property.name);
    const experimental = orDerived(property.experimental, () => `${this.fieldPrefix}.${this.#path.join(".")}`);
    const inner = this.type(property.type);
    this.#path.pop();
    return withReason(withChildType(property, inner), experimental);
  }

  member(member: UnionMember, index: number): UnionMember {
    const experimental = orDerived(member.experimental, () => `${this.typeName}.${memberLabel(member.type, index, this.declarationsById)}`);
    return withReason(withChildType(member, this.type(member.type)), experimental);
  }
}

/** `holder` marked with `experimental`: itself when it already is. */
function withReason<T extends Property | UnionMember>(holder: T, experimental: Experimental | undefined): T {
  return experimental === holder.experimental ? holder : { ...holder, experimental };
}
