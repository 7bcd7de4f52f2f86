import type { GateField, GateMember, GatePattern, GateType } from "../model/inventory-types.js";
import { compilePatterns, type CompiledPattern } from "./patterns.js";
import { copyWith, REMOVED } from "./copy.js";
import { InvalidInventoryError } from "./errors.js";
import { compileMatch, type MatchTest } from "./match.js";
import { selectorFor } from "./select.js";
import { isJsonObject, needsOwnCheck, readProperty } from "./value.js";

/**
 * The outgoing side of the gate: brings a value the server is about to send to
 * the stable audience, for a connection that did not opt in.
 *
 * - An experimental field is removed, whatever its value.
 * - A value that is an experimental union or enum member cannot be expressed
 *   in the stable schema. The smallest enclosing part that can be left out
 *   goes instead: the value of an optional field (the field is removed), an
 *   array item (the item is removed), a map entry (the entry is removed).
 *   Without one up to the message itself, the message cannot be sent
 *   (`UNEXPRESSIBLE`), and the caller replaces or drops it.
 *
 * Walks exactly what `reason` walks (refs, object fields, array elements, map
 * values, tuple elements, the union member the same first-match rules pick).
 */
export type Projector = (value: unknown, hops: number, failure: Failure) => unknown;

/** Returned by a projector for a value that has no stable form. */
export const UNEXPRESSIBLE: unique symbol = Symbol("unexpressible");

/** Filled in by the projectors on the way back up from an unexpressible value. */
export interface Failure {
  /** The experimental member's reason. */
  reason: string;
  /** JSON Pointer segments from the message down to it, innermost first. */
  readonly path: (string | number)[];
}

const UNCHANGED: Projector = (value) => value;

/** Compiles every named gate type once into a projector; refs point at cells, so recursive types need no lookups. */
export class ProjectorCompiler {
  private readonly cells = new Map<string, { project: Projector }>();
  private readonly hopLimit: number;

  constructor(types: Readonly<Record<string, GateType>>) {
    if (!isJsonObject(types)) throw new InvalidInventoryError("gate.types", "expected an object keyed by type id");
    const entries = Object.entries(types);
    this.hopLimit = entries.length;
    for (const [id] of entries) this.cells.set(id, { project: UNCHANGED });
    for (const [id, type] of entries) this.cells.get(id)!.project = this.compile(type, `gate.types[${JSON.stringify(id)}]`);
  }

  compile(type: GateType, path: string): Projector {
    if (!isJsonObject(type)) throw new InvalidInventoryError(path, "expected a gate type object");
    switch (type.kind) {
      case "ref":
        return this.compileRef(type.target, path);
      case "object":
        return this.compileObject(type.fields, type.patterns, path);
      case "array":
        return projectArray(this.compile(type.element, `${path}.element`));
      case "map":
        return projectMap(this.compile(type.value, `${path}.value`));
      case "tuple":
        return this.compileTuple(type.elements, path);
      case "union":
        return this.compileUnion(type.members, path);
      default: {
        const unknown: never = type;
        throw new InvalidInventoryError(`${path}.kind`, `unknown type kind ${JSON.stringify((unknown as GateType).kind)}`);
      }
    }
  }

  private compileRef(target: string, path: string): Projector {
    const cell = this.cells.get(target);
    if (cell === undefined) throw new InvalidInventoryError(`${path}.target`, `no type ${JSON.stringify(target)} in gate.types`);
    const limit = this.hopLimit;
    // As in the inspector: past the limit, a cycle of refs and unions revisits a value it has already seen.
    return (value, hops, failure) => (hops < limit ? cell.project(value, hops + 1, failure) : value);
  }

  private compileObject(fields: readonly GateField[], patterns: readonly GatePattern[] | undefined, path: string): Projector {
    if (!Array.isArray(fields)) throw new InvalidInventoryError(`${path}.fields`, "expected an array");
    const compiled = fields.map((field, i) => this.compileField(field, `${path}.fields[${i}]`));
    const count = compiled.length;
    const keyed = compilePatterns(patterns, path, (type, at) => this.compile(type, at));
    return (value, _hops, failure) => {
      if (!isJsonObject(value)) return value;
      let changes: Map<string, unknown> | null = null;
      // Same fields in the same order as the inspector. A name listed twice sees the earlier field's outcome.
      for (let i = 0; i < count; i++) {
        const field = compiled[i]!;
        const name = field.name;
        const fieldValue = changes !== null && changes.has(name) ? changes.get(name) : readProperty(value, name, field.ownOnly);
        if (fieldValue === REMOVED) continue;
        if (field.experimental) {
          if (fieldValue !== undefined || Object.hasOwn(value, name)) (changes ??= new Map()).set(name, REMOVED);
          continue;
        }
        if (fieldValue === undefined || field.project === null) continue;
        const depth = failure.path.length;
        const projected = field.project(fieldValue, 0, failure);
        if (projected === UNEXPRESSIBLE) {
          if (!field.optional) {
            failure.path.push(name);
            return UNEXPRESSIBLE;
          }
          failure.path.length = depth;
          (changes ??= new Map()).set(name, REMOVED);
        } else if (projected !== fieldValue) {
          (changes ??= new Map()).set(name, projected);
        }
      }
      if (keyed.length > 0) changes = projectKeyed(value, keyed, changes, failure);
      return changes === null ? value : copyWith(value, changes);
    };
  }

  private compileField(field: GateField, path: string): CompiledField {
    if (!isJsonObject(field) || typeof field.name !== "string") {
      throw new InvalidInventoryError(path, "expected a field object with a string name");
    }
    if (field.experimental !== undefined && typeof field.experimental !== "string") {
      throw new InvalidInventoryError(`${path}.experimental`, "expected a reason string");
    }
    if (field.optional !== undefined && field.optional !== true) throw new InvalidInventoryError(`${path}.optional`, "expected true");
    return {
      name: field.name,
      ownOnly: needsOwnCheck(field.name),
      experimental: field.experimental !== undefined,
      optional: field.optional === true,
      project: field.type === undefined ? null : this.compile(field.type, `${path}.type`),
    };
  }

  private compileTuple(elements: readonly (GateType | null)[], path: string): Projector {
    if (!Array.isArray(elements)) throw new InvalidInventoryError(`${path}.elements`, "expected an array");
    const projectors = elements.map((element, i) => (element === null ? null : this.compile(element, `${path}.elements[${i}]`)));
    return (value, _hops, failure) => {
      if (!Array.isArray(value)) return value;
      let copy: unknown[] | null = null;
      const count = Math.min(projectors.length, value.length);
      for (let index = 0; index < count; index++) {
        const project = projectors[index];
        if (!project) continue;
        const element: unknown = value[index];
        const projected = project(element, 0, failure);
        // A tuple has no optional positions to give up: the tuple itself goes.
        if (projected === UNEXPRESSIBLE) {
          failure.path.push(index);
          return UNEXPRESSIBLE;
        }
        if (projected !== element) (copy ??= value.slice())[index] = projected;
      }
      return copy ?? value;
    };
  }

  private compileUnion(members: readonly GateMember[], path: string): Projector {
    if (!Array.isArray(members)) throw new InvalidInventoryError(`${path}.members`, "expected an array");
    const compiled = members.map((member, i) => this.compileMember(member, `${path}.members[${i}]`));
    const select = selectorFor(members, compiled);
    return (value, hops, failure) => {
      const member = select(value);
      if (member === undefined) return value;
      if (member.reason !== null) {
        failure.reason = member.reason;
        return UNEXPRESSIBLE;
      }
      return member.project === null ? value : member.project(value, hops, failure);
    };
  }

  private compileMember(member: GateMember, path: string): CompiledMember {
    if (!isJsonObject(member)) throw new InvalidInventoryError(path, "expected a member object");
    if (member.experimental !== undefined && typeof member.experimental !== "string") {
      throw new InvalidInventoryError(`${path}.experimental`, "expected a reason string");
    }
    return {
      matches: compileMatch(member.match, `${path}.match`),
      reason: member.experimental ?? null,
      project: member.type === undefined ? null : this.compile(member.type, `${path}.type`),
    };
  }
}

interface CompiledField {
  readonly name: string;
  readonly ownOnly: boolean;
  readonly experimental: boolean;
  readonly optional: boolean;
  readonly project: Projector | null;
}

interface CompiledMember {
  readonly matches: MatchTest;
  readonly reason: string | null;
  readonly project: Projector | null;
}

function projectArray(element: Projector): Projector {
  return (value, _hops, failure) => {
    if (!Array.isArray(value)) return value;
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const depth = failure.path.length;
      const projected = element(item, 0, failure);
      if (projected === item) {
        if (copy !== null) copy.push(item);
        continue;
      }
      copy ??= value.slice(0, i);
      // An item with no stable form is left out of the list.
      if (projected === UNEXPRESSIBLE) failure.path.length = depth;
      else copy.push(projected);
    }
    return copy ?? value;
  };
}

/**
 * `changes` with the values of keys the patterns match projected; as in a map,
 * an entry with no stable form is left out (an index signature's keys are optional).
 */
function projectKeyed(value: Record<string, unknown>, keyed: readonly CompiledPattern<Projector>[], changes: Map<string, unknown> | null, failure: Failure): Map<string, unknown> | null {
  let result = changes;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    for (const entry of keyed) {
      if (!entry.regex.test(key)) continue;
      const item = result !== null && result.has(key) ? result.get(key) : value[key];
      if (item === REMOVED) break;
      const depth = failure.path.length;
      const projected = entry.type(item, 0, failure);
      if (projected === UNEXPRESSIBLE) failure.path.length = depth;
      if (projected !== item) (result ??= new Map()).set(key, projected === UNEXPRESSIBLE ? REMOVED : projected);
    }
  }
  return result;
}

function projectMap(valueType: Projector): Projector {
  return (value, _hops, failure) => {
    if (!isJsonObject(value)) return value;
    let changes: Map<string, unknown> | null = null;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const item = value[key];
      const depth = failure.path.length;
      const projected = valueType(item, 0, failure);
      if (projected === UNEXPRESSIBLE) failure.path.length = depth;
      // An entry with no stable form is left out of the map.
      if (projected !== item) (changes ??= new Map()).set(key, projected === UNEXPRESSIBLE ? REMOVED : projected);
    }
    return changes === null ? value : copyWith(value, changes);
  };
}
