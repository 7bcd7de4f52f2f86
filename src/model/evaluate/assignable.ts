import type { SourceLocation, TypeNode } from "../types.js";
import type { Evaluator } from "./evaluator.js";
import { patternKey, patternMatches } from "../patterns.js";
import { objectView } from "./keys.js";
import { isNever, isUndefined } from "./members.js";

/** What `infer X` matched, by name: each candidate, later joined into a union. */
export type Inferences = Map<string, TypeNode[]>;

/** Past this depth of nested checks (recursive types), a relation is assumed to hold, as TypeScript assumes it. */
const MAX_DEPTH = 64;

/**
 * Whether every value of `source` is a value of `target`: TypeScript's
 * assignability, for the data types evaluation meets (primitives, literals,
 * objects, maps, arrays, tuples, unions, intersections, references). An
 * `infer X` in `target` matches anything and records what it matched.
 */
export function isAssignable(evaluator: Evaluator, source: TypeNode, target: TypeNode, at: SourceLocation, inferences?: Inferences): boolean {
  return new Relation(evaluator, at, inferences).assignable(source, target, 0);
}

class Relation {
  constructor(
    private readonly evaluator: Evaluator,
    private readonly at: SourceLocation,
    private readonly inferences: Inferences | undefined,
  ) {}

  assignable(sourceType: TypeNode, targetType: TypeNode, depth: number): boolean {
    if (depth > MAX_DEPTH) return true;
    if (targetType.kind === "operator" && targetType.operator.op === "infer") {
      const name = targetType.operator.name;
      const found = this.inferences?.get(name);
      if (found) found.push(sourceType);
      else this.inferences?.set(name, [sourceType]);
      return true;
    }
    const target = this.evaluator.resolve(targetType, this.at);
    const source = this.evaluator.resolve(sourceType, this.at);
    if (target.kind === "primitive" && target.name === "unknown") return true;
    if (source.kind === "primitive" && source.name === "unknown") return false;
    if (isNever(source)) return true;
    if (source.kind === "union") return source.members.every((member) => this.assignable(member.type, target, depth + 1));
    if (source.kind === "primitive" && source.name === "boolean" && !(target.kind === "primitive" && target.name === "boolean")) {
      return this.assignable({ kind: "literal", value: true }, target, depth + 1) && this.assignable({ kind: "literal", value: false }, target, depth + 1);
    }
    if (target.kind === "union") return target.members.some((member) => this.assignable(source, member.type, depth + 1));
    if (target.kind === "intersection") return target.members.every((member) => this.assignable(source, member, depth + 1));
    if (isUndefined(target)) return isUndefined(source);
    switch (target.kind) {
      case "primitive":
        return this.toPrimitive(source, target);
      case "literal":
        return source.kind === "literal" && source.value === target.value;
      case "array":
        if (source.kind === "array") return this.assignable(source.element, target.element, depth + 1);
        if (source.kind === "tuple") return [...source.elements, ...(source.rest ? [source.rest] : [])].every((element) => this.assignable(element, target.element, depth + 1));
        return false;
      case "tuple":
        return source.kind === "tuple" && this.tupleToTuple(source, target, depth);
      case "map":
      case "object":
        return this.toObject(source, target, depth);
      default:
        return false;
    }
  }

  private toPrimitive(source: TypeNode, target: Extract<TypeNode, { kind: "primitive" }>): boolean {
    switch (target.name) {
      case "string":
        if (target.pattern !== undefined) {
          if (source.kind === "literal") return typeof source.value === "string" && new RegExp(target.pattern, "u").test(source.value);
          return source.kind === "primitive" && source.pattern === target.pattern;
        }
        return (source.kind === "literal" && typeof source.value === "string") || (source.kind === "primitive" && source.name === "string");
      case "number":
      case "boolean":
        return (source.kind === "literal" && typeof source.value === target.name) || (source.kind === "primitive" && source.name === target.name);
      case "null":
        return source.kind === "primitive" && source.name === "null";
      case "object":
        return ["object", "map", "array", "tuple", "intersection"].includes(source.kind) || (source.kind === "primitive" && source.name === "object");
      case "unknown":
        return true;
    }
  }

  private tupleToTuple(source: Extract<TypeNode, { kind: "tuple" }>, target: Extract<TypeNode, { kind: "tuple" }>, depth: number): boolean {
    const sourceRequired = source.required ?? source.elements.length;
    const targetRequired = target.required ?? target.elements.length;
    if (sourceRequired < targetRequired) return false;
    if (source.rest && !target.rest) return false;
    if (!target.rest && source.elements.length > target.elements.length) return false;
    for (let index = 0; index < source.elements.length; index++) {
      const element = target.elements[index] ?? target.rest!;
      if (!this.assignable(source.elements[index]!, element, depth + 1)) return false;
    }
    if (source.rest) {
      for (const element of target.elements.slice(source.elements.length)) if (!this.assignable(source.rest, element, depth + 1)) return false;
      if (!this.assignable(source.rest, target.rest!, depth + 1)) return false;
    }
    return true;
  }

  /** Structural: every property the target requires is there, every property both have fits, extra keys fit an index signature. */
  private toObject(source: TypeNode, target: TypeNode, depth: number): boolean {
    const targetView = objectView(this.evaluator, target, this.at);
    const sourceView = objectView(this.evaluator, source, this.at);
    if (!targetView || !sourceView) return false;
    for (const property of targetView.properties) {
      const found = sourceView.properties.find((candidate) => candidate.name === property.name);
      if (!found) {
        if (!property.optional) return false;
        continue;
      }
      if (found.optional && !property.optional) return false;
      if (!this.assignable(found.type, property.type, depth + 1)) return false;
    }
    if (targetView.additional) {
      for (const property of sourceView.properties) {
        if (targetView.properties.some((candidate) => candidate.name === property.name)) continue;
        if (!this.assignable(property.type, targetView.additional, depth + 1)) return false;
      }
      if (sourceView.additional && !this.assignable(sourceView.additional, targetView.additional, depth + 1)) return false;
      for (const index of sourceView.patterns ?? []) if (!this.assignable(index.value, targetView.additional, depth + 1)) return false;
    }
    // A template literal key's signature holds every source property its pattern matches, and the source's signature with the same key.
    for (const index of targetView.patterns ?? []) {
      const pattern = patternKey(index).pattern;
      for (const property of sourceView.properties) {
        if (patternMatches(pattern, property.name) && !this.assignable(property.type, index.value, depth + 1)) return false;
      }
      const same = sourceView.patterns?.find((candidate) => patternKey(candidate).pattern === pattern);
      if (same && !this.assignable(same.value, index.value, depth + 1)) return false;
    }
    return true;
  }
}
