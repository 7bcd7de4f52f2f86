import { fieldPrefix, memberLabel, methodsByType } from "./owners.js";
import { assertNever, type Declaration, type Experimental, type Method, type TypeNode } from "./types.js";

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
    const rewrite = new TypeReasons(fieldPrefix(declaration, owners), declaration.name, byId);
    return { ...base, type: rewrite.type(base.type, []) };
  });
  const methodsWithReasons = methods.map((method) => {
    const experimental = orDerived(method.experimental, method.name);
    return experimental ? { ...method, experimental } : method;
  });
  return { declarations: withReasons, methods: methodsWithReasons };
}

function orDerived(experimental: Experimental | undefined, derived: string): Experimental | undefined {
  if (!experimental) return undefined;
  return experimental.reason === "" ? { reason: derived } : experimental;
}

class TypeReasons {
  constructor(
    private readonly fieldPrefix: string,
    private readonly typeName: string,
    private readonly declarationsById: ReadonlyMap<string, Declaration>,
  ) {}

  type(type: TypeNode, path: readonly string[]): TypeNode {
    switch (type.kind) {
      case "primitive":
      case "literal":
      case "ref":
        return type;
      case "array":
        return { ...type, element: this.type(type.element, path) };
      case "map":
        return { ...type, value: this.type(type.value, path) };
      case "tuple":
        return { ...type, elements: type.elements.map((element) => this.type(element, path)) };
      case "intersection":
        return { ...type, members: type.members.map((member) => this.type(member, path)) };
      case "object": {
        const properties = type.properties.map((property) => {
          const fieldPath = [...path, property.name];
          const experimental = orDerived(property.experimental, `${this.fieldPrefix}.${fieldPath.join(".")}`);
          const inner = this.type(property.type, fieldPath);
          return experimental ? { ...property, type: inner, experimental } : { ...property, type: inner };
        });
        return type.additional
          ? { ...type, properties, additional: this.type(type.additional, path) }
          : { ...type, properties };
      }
      case "union": {
        const members = type.members.map((member, index) => {
          const label = memberLabel(member.type, index, this.declarationsById);
          const experimental = orDerived(member.experimental, `${this.typeName}.${label}`);
          const inner = this.type(member.type, path);
          return experimental ? { ...member, type: inner, experimental } : { ...member, type: inner };
        });
        return { ...type, members };
      }
      default:
        return assertNever(type);
    }
  }
}
