import { fieldPrefix, memberLabel, methodsByType } from "./owners.js";
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
  const withReasons = declarations.map((declaration): Declaration => {
    const experimental = orDerived(declaration.experimental, declaration.name);
    const base = experimental ? { ...declaration, experimental } : declaration;
    if (base.kind === "enum") {
      const members = base.members.map((member) => {
        const derived = orDerived(member.experimental, `${declaration.name}.${member.value}`);
        return derived ? { ...member, experimental: derived } : member;
      });
      return { ...base, members };
    }
    // Only experimental fields and members can lack a reason; the index is kept for the later stages.
    if (!indexType(base.type).experimentalParts) return base;
    const rewrite = new TypeReasons(fieldPrefix(declaration, owners), declaration.name, byId);
    const type = rewrite.type(base.type);
    return type === base.type ? base : { ...base, type };
  });
  const methodsWithReasons = methods.map((method) => {
    const experimental = orDerived(method.experimental, method.name);
    return experimental ? { ...method, experimental } : method;
  });
  return { declarations: withReasons, methods: methodsWithReasons };
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
    private readonly declarationsById: ReadonlyMap<string, Declaration>,
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
