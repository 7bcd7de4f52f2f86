import { createDiagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { DiagnosticName } from "../../diagnostics/codes.js";
import { mapShared } from "../../immutable.js";
import { assertNever, enumMemberLiteral, type Declaration, type Operator, type Property, type SourceLocation, type TypeNode, type UnionMember } from "../types.js";
import { conditionalType } from "./conditional.js";
import { indexedAccess, keysOf, type ObjectView } from "./keys.js";
import { mappedType, utilityType } from "./mapped.js";
import { isNever, marked, NEVER, plainMember, unionOf, UNKNOWN, withoutUndefined, withType } from "./members.js";
import { indexSignatures } from "./index-signatures.js";
import { templateType, type TemplateParts } from "./template.js";
import { intersectionType } from "./intersection.js";
import { SelfReferentOperators } from "./self-reference.js";

/** Type variables in scope: a mapped type's key, a conditional's `infer` names. */
export type Env = ReadonlyMap<string, TypeNode>;
export const EMPTY_ENV: Env = new Map();

/**
 * Turns every operator node into the plain type it means in TypeScript.
 * Declarations are evaluated on demand and once (an operator may need another
 * declaration's evaluated body: `keyof Thread`); references otherwise stay
 * references. Unchanged nodes are returned as they are.
 */
export class Evaluator {
  readonly diagnostics: Diagnostic[] = [];
  readonly #byId: ReadonlyMap<string, Declaration>;
  readonly #evaluated = new Map<string, TypeNode>();
  readonly #inProgress = new Set<string>();
  /**
   * An object whose named properties an index signature constrains (`objectOf`)
   * keeps its declared properties here for property lookup (`T[K]`, `Pick`,
   * mapped types), which TypeScript does on the declared types.
   */
  readonly declaredViews = new WeakMap<TypeNode, ObjectView>();
  /** The texts and holes of a template string type (see `TemplateParts`), for string mappings over it. */
  readonly templateParts = new WeakMap<TypeNode, TemplateParts>();

  constructor(declarations: readonly Declaration[]) {
    this.#byId = new Map(declarations.map((declaration) => [declaration.id, declaration]));
    this.selfReferences = new SelfReferentOperators(this.#byId.keys());
  }

  /** Operators met again while evaluating themselves (`patch?: Partial<Node>` in `Node`): declarations of their own. */
  readonly selfReferences: SelfReferentOperators;

  readonly #reported = new Set<string>();

  /** Reports a problem once per place (a distributed operator meets it once per member), standing in `unknown`. */
  report(name: DiagnosticName, message: string, location: SourceLocation): TypeNode {
    const key = `${location.file}:${location.line}:${location.column}:${message}`;
    if (!this.#reported.has(key)) {
      this.#reported.add(key);
      this.diagnostics.push(createDiagnostic(name, message, location));
    }
    return UNKNOWN;
  }

  declaration(id: string): Declaration | undefined {
    return this.#byId.get(id) ?? this.selfReferences.declaration(id);
  }

  /** A declaration's evaluated type: an alias's body, an enum's members as a union of literals. */
  body(id: string, at: SourceLocation): TypeNode {
    const known = this.#evaluated.get(id);
    if (known) return known;
    const made = this.selfReferences.declaration(id);
    if (made) return made.type;
    const declaration = this.#byId.get(id);
    if (!declaration) {
      if (this.selfReferences.isPending(id)) return this.report("unsupported-construct", "this type operator needs its own result, which never ends", at);
      return UNKNOWN; // an unresolved reference, already reported by the scanner
    }
    if (declaration.kind === "enum") {
      const members = declaration.members.map((member) => ({
        type: enumMemberLiteral(member.value, id),
        docs: member.docs,
        location: member.location,
        ...(member.experimental ? { experimental: member.experimental } : {}),
      }));
      const type: TypeNode = { kind: "union", members };
      this.#evaluated.set(id, type);
      return type;
    }
    if (this.#inProgress.has(id)) return this.#reentered(declaration, at);
    const outermost = this.#inProgress.size === 0;
    if (outermost) this.#work = this.#reentries = 0;
    this.#inProgress.add(id);
    this.selfReferences.enter(declaration);
    try {
      const type = this.evaluate(declaration.type, EMPTY_ENV);
      this.#evaluated.set(id, type);
      return type;
    } catch (error) {
      // A chain of intersections through thousands of declarations (a compiler's own AST typings) runs out of stack.
      const tooDeep = error instanceof RangeError;
      if (!(error instanceof WorkExceeded || tooDeep) || !outermost) throw error;
      this.#evaluated.set(id, UNKNOWN);
      const why = !tooDeep
        ? `it needs more than ${MAX_WORK.toLocaleString("en-US")} steps (intersections of large unions multiply)`
        : this.#reentries > 0
          ? `${this.#reentries} type operators in it need the types they are in, each evaluated inside the last`
          : "its intersections reach through too long a chain of other declarations";
      return this.report("unsupported-construct", `"${declaration.name}" cannot be evaluated: ${why}; name the object types it needs`, declaration.location);
    } finally {
      this.#inProgress.delete(id);
      this.selfReferences.leave();
    }
  }

  /** How many evaluations inside their own evaluation the outermost declaration being evaluated has needed. */
  #reentries = 0;

  /** Declarations evaluated again inside their own evaluation (see `#reentered`), with how many operators were in progress then. */
  readonly #reevaluating = new Map<string, number>();

  /**
   * The body of a declaration an operator inside it needs (`Partial<Node>` in
   * `Node`), as TypeScript reads it lazily: evaluated once more, where the
   * operators still in progress stand as references to what they will
   * declare. Each evaluation inside another needs one more operator in
   * progress, and an operator met again is a reference, so this ends; needed
   * again with no new operator in progress, it is a recursion that never ends.
   */
  #reentered(declaration: Extract<Declaration, { kind: "alias" }>, at: SourceLocation): TypeNode {
    const before = this.#reevaluating.get(declaration.id);
    const operators = this.selfReferences.inProgress;
    if (operators === 0 || (before !== undefined && operators <= before)) {
      return this.report("unsupported-construct", `"${declaration.name}" refers to itself through a type operator, which never ends`, at);
    }
    this.#reevaluating.set(declaration.id, operators);
    this.#reentries++;
    try {
      return this.evaluate(declaration.type, EMPTY_ENV);
    } finally {
      if (before === undefined) this.#reevaluating.delete(declaration.id);
      else this.#reevaluating.set(declaration.id, before);
    }
  }

  #work = 0;

  /** Counts one step of combining types (a distributed intersection member); too many for one declaration stop its evaluation. */
  spend(): void {
    if (++this.#work > MAX_WORK) throw new WorkExceeded();
  }

  /** Follows references until a type that is not one. */
  resolve(type: TypeNode, at: SourceLocation): TypeNode {
    let current = type;
    for (let steps = 0; current.kind === "ref"; steps++) {
      if (steps > 64) return this.report("unsupported-construct", "these type aliases only name each other", at);
      current = this.body(current.target, at);
    }
    return current;
  }

  /**
   * Follows references as `resolve` does, but stops at a declaration being
   * evaluated: an alias cycle through unions and intersections alone is
   * reported by validation (SG016), not here.
   */
  resolveSettled(type: TypeNode, at: SourceLocation): TypeNode {
    let current = type;
    for (let steps = 0; current.kind === "ref"; steps++) {
      if (this.#inProgress.has(current.target)) return current;
      if (steps > 64) return this.report("unsupported-construct", "these type aliases only name each other", at);
      current = this.body(current.target, at);
    }
    return current;
  }

  /**
   * Evaluated nodes outside any type variable's scope, by node, and every
   * evaluated node as itself: the scanner
   * shares a generic instance between the places that use it, so the model is
   * a graph, and evaluating each path through it again would grow
   * exponentially with nesting.
   */
  readonly #closed = new WeakMap<TypeNode, TypeNode>();

  evaluate(type: TypeNode, env: Env): TypeNode {
    const known = this.#closed.get(type);
    if (known) return known;
    const evaluated = env.size === 0 && type.kind === "operator" ? this.selfReferences.evaluate(type, () => this.#evaluateNode(type, env)) : this.#evaluateNode(type, env);
    if (env.size === 0) this.#closed.set(type, evaluated);
    // What evaluation made is evaluated: evaluating it again (an operator's result passed on) is the node itself.
    this.#closed.set(evaluated, evaluated);
    return evaluated;
  }

  #evaluateNode(type: TypeNode, env: Env): TypeNode {
    switch (type.kind) {
      case "primitive":
      case "literal":
      case "ref":
        return type;
      case "array": {
        const element = this.evaluate(type.element, env);
        return element === type.element ? type : { ...type, element };
      }
      case "map": {
        const value = this.evaluate(type.value, env);
        return value === type.value ? type : { ...type, value };
      }
      case "tuple": {
        const required = type.required ?? type.elements.length;
        // An optional element admits `undefined` as an optional property does: JSON has no such element value.
        const elements = mapShared(type.elements, (element, index) => {
          const evaluated = this.evaluate(element, env);
          if (index < required) return evaluated;
          const { type: defined, hadUndefined } = withoutUndefined(evaluated);
          return hadUndefined && !isNever(defined) ? defined : evaluated;
        });
        const rest = type.rest && this.evaluate(type.rest, env);
        return elements === type.elements && rest === type.rest ? type : { ...type, elements, ...(rest ? { rest } : {}) };
      }
      case "object": {
        const properties = mapShared(type.properties, (property) => this.property(property, env));
        const declared = type.additional && this.evaluate(type.additional, env);
        if (!type.patterns && properties === type.properties && declared === type.additional) return type;
        const indexes = type.patterns ? indexSignatures(this, type.patterns, env) : { additional: [], patterns: [] };
        const additionals = [...(declared ? [declared] : []), ...indexes.additional];
        // Two come only from a key evaluated to `string` beside a declared `[key: string]`.
        const additional = additionals.length > 1 ? this.intersect(additionals, type.patterns![0]!.location) : additionals[0];
        const kept = properties.filter((property) => property !== DROPPED);
        if (kept.length === 0 && indexes.patterns.length === 0 && additional) return { kind: "map", value: additional };
        return { kind: "object", properties: kept, ...(additional ? { additional } : {}), ...(indexes.patterns.length > 0 ? { patterns: indexes.patterns } : {}) };
      }
      case "union":
        return this.union(type, env);
      case "intersection":
        return intersectionType(this, type, env);
      case "operator":
        return this.operator(type.operator, env, type.location);
      default:
        return assertNever(type);
    }
  }

  /**
   * A property after evaluation: a type that admits `undefined` makes it
   * optional (`T[K]` of an optional field), and a required property written
   * as `never` is reported (no value can be sent).
   */
  property(property: Property, env: Env): Property {
    const evaluated = this.evaluate(property.type, env);
    if (evaluated === property.type) return property;
    const { type, hadUndefined } = withoutUndefined(evaluated);
    const optional = property.optional || hadUndefined;
    // Written as `never`, a required property is a mistake; computed (`T[K]` of disjoint types), it is the type's honest meaning: no value.
    const written = property.type.kind === "operator" && property.type.operator.op === "never";
    if (isNever(type) && !optional && written) {
      this.report("unsupported-construct", `property "${property.name}" has type \`never\`: no value can be sent; remove it or make it optional`, property.location);
      return DROPPED;
    }
    return { ...property, type, optional, ...(hadUndefined && !property.optional ? { absentIsUndefined: true } : {}) };
  }

  /**
   * Members evaluated; a member naming an experimental declaration (or an
   * intersection with one) is itself an experimental member, with the
   * declaration's reason, as generated protocol schemas list them.
   */
  union(type: Extract<TypeNode, { kind: "union" }>, env: Env): TypeNode {
    const members = mapShared(type.members, (member) => {
      const evaluated = withType(member, this.evaluate(member.type, env));
      return marked(evaluated, member.experimental ? undefined : this.experimentalTarget(evaluated.type));
    });
    return members === type.members ? type : unionOf(members);
  }

  experimentalTarget(type: TypeNode): Declaration["experimental"] {
    if (type.kind === "ref") {
      const target = this.#byId.get(type.target);
      return target?.experimental && { reason: target.experimental.reason || target.name };
    }
    if (type.kind === "intersection") {
      for (const member of type.members) {
        const found = this.experimentalTarget(member);
        if (found) return found;
      }
    }
    return undefined;
  }

  operator(operator: Operator, env: Env, at: SourceLocation): TypeNode {
    switch (operator.op) {
      case "param":
        return env.get(operator.name) ?? this.report("unresolved-reference", `type variable "${operator.name}" is not bound here`, at);
      case "infer":
      case "undefined":
        return { kind: "operator", operator, location: at };
      case "never":
        return NEVER;
      case "keyof":
        return keysOf(this, this.evaluate(operator.target, env), at);
      case "indexed":
        return indexedAccess(this, this.evaluate(operator.object, env), this.evaluate(operator.index, env), at);
      case "mapped":
        return mappedType(this, operator, env, at);
      case "conditional":
        return conditionalType(this, operator, env, at);
      case "template":
        return templateType(this, operator, env, at);
      case "utility":
        return utilityType(this, operator.name, operator.args.map((argument) => this.evaluate(argument, env)), at);
      default:
        return assertNever(operator);
    }
  }

  /**
   * `A & B & …` of evaluated types, for the types of a property two objects
   * share. Scalars and their unions are intersected now (a primitive with an
   * object is `never` here, not a branded type); object types stay an
   * intersection of the two, which the emitters flatten: merging them now
   * would follow their properties through recursive types without end.
   */
  intersect(types: readonly TypeNode[], at: SourceLocation): TypeNode {
    const resolved = types.map((type) => this.resolveSettled(type, at));
    if (resolved.every((type) => type === resolved[0])) return types[0]!;
    const scalar = (type: TypeNode): boolean =>
      type.kind === "primitive" || type.kind === "literal" || (type.kind === "union" && type.members.every((member) => scalar(this.resolveSettled(member.type, at))));
    const structured = (type: TypeNode): boolean => type.kind === "object" || type.kind === "map" || type.kind === "intersection" || type.kind === "ref";
    if (resolved.some(scalar) || !resolved.every(structured)) {
      return intersectionType(this, { kind: "intersection", members: types, location: at }, EMPTY_ENV, true);
    }
    const lazy: TypeNode = { kind: "intersection", members: types, location: at };
    this.#closed.set(lazy, lazy);
    return lazy;
  }

  /** The union of `members`, each evaluated by `map` (which may return `never` to drop it), keeping their marks. */
  mapMembers(members: readonly UnionMember[], map: (type: TypeNode) => TypeNode): TypeNode {
    return unionOf(members.map((member) => withType(member, map(member.type))));
  }

  plainUnion(types: readonly TypeNode[]): TypeNode {
    return types.length === 1 ? types[0]! : unionOf(types.map((type) => plainMember(type)));
  }
}

/** Steps of combining types one declaration may take (with what it reaches): real protocols take a few hundred. */
const MAX_WORK = 200_000;

class WorkExceeded extends Error {}

/** Stands for a property removed after a diagnostic. */
const DROPPED: Property = { name: "", type: NEVER, optional: true, docs: { description: "", tags: {} }, location: { file: "", line: 0, column: 0 } };
