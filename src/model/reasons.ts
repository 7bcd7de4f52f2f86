import { mapShared } from "../immutable.js";
import { fieldPrefix, memberLabel, methodsByType } from "./owners.js";
import { indexType } from "./type-index.js";
import { assertNever, unevaluated, type Declaration, type Experimental, type Method, type TypeNode } from "./types.js";

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
    const type = rewrite.type(base.type, []);
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

class TypeReasons {
  constructor(
    private readonly fieldPrefix: string,
    private readonly typeName: string,
    private readonly declarationsById: ReadonlyMap<string, Declaration>,
  ) {}

  /**
   * `type` with derived reasons; nodes with nothing to derive are returned as they are.
   * `path` holds the field names leading here; each object level pushes and pops its own.
   */
  type(type: TypeNode, path: string[]): TypeNode {
    switch (type.kind) {
      case "primitive":
      case "literal":
      case "ref":
        return type;
      case "array": {
        const element = this.type(type.element, path);
        return element === type.element ? type : { ...type, element };
      }
      case "map": {
        const value = this.type(type.value, path);
        return value === type.value ? type : { ...type, value };
      }
      case "tuple": {
        const elements = mapShared(type.elements, (element) => this.type(element, path));
        const rest = type.rest && this.type(type.rest, path);
        return elements === type.elements && rest === type.rest ? type : { ...type, elements, ...(rest ? { rest } : {}) };
      }
      case "intersection": {
        const members = mapShared(type.members, (member) => this.type(member, path));
        return members === type.members ? type : { ...type, members };
      }
      case "object": {
        const properties = mapShared(type.properties, (property) => {
          path.push(property.name);
          const experimental = orDerived(property.experimental, () => `${this.fieldPrefix}.${path.join(".")}`);
          const inner = this.type(property.type, path);
          path.pop();
          if (inner === property.type && experimental === property.experimental) return property;
          return experimental ? { ...property, type: inner, experimental } : { ...property, type: inner };
        });
        const additional = type.additional && this.type(type.additional, path);
        if (properties === type.properties && additional === type.additional) return type;
        return additional ? { ...type, properties, additional } : { ...type, properties };
      }
      case "union": {
        const members = mapShared(type.members, (member, index) => {
          const experimental = orDerived(member.experimental, () => `${this.typeName}.${memberLabel(member.type, index, this.declarationsById)}`);
          const inner = this.type(member.type, path);
          if (inner === member.type && experimental === member.experimental) return member;
          return experimental ? { ...member, type: inner, experimental } : { ...member, type: inner };
        });
        return members === type.members ? type : { ...type, members };
      }
      case "operator":
        return unevaluated(type);
      default:
        return assertNever(type);
    }
  }
}
