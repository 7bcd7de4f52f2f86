import type { GateField, GateMember, GatePattern, GateType } from "../model/inventory-types.js";
import { compilePatterns, type CompiledPattern } from "./patterns.js";
import { InvalidInventoryError } from "./errors.js";
import { copyWith, REMOVED } from "./copy.js";
import { compileMatch, type MatchTest } from "./match.js";
import { isPresence, PRESENCE_TESTS, type PresenceTest } from "./presence.js";
import { selectorFor } from "./select.js";
import { isJsonObject, needsOwnCheck, readProperty } from "./value.js";

/**
 * Returns the reason of the first experimental element used by `value`, or null.
 *
 * `hops` counts the ref steps taken since the walk last descended into a part of
 * the value. Refs and unions look at the same value again, so a cycle made only
 * of them (`A = B`, `B = A`, or unions whose matched members lead back) would
 * never end. Such a path is linear and deterministic: after more ref steps than
 * there are named types, some type is being revisited with the same value and
 * nothing was found on the first visit, so the answer is null. Descending into
 * a field, element or map value resets the count; that recursion is bounded by
 * the (finite) JSON value.
 */
export type Inspector = (value: unknown, hops: number) => string | null;

/**
 * Returns `value` without the experimental fields reached along the same paths
 * an `Inspector` walks, or `value` itself when there are none. Never mutates:
 * objects and arrays on the way to a removed field are shallow-copied, all else
 * is shared. `hops` as for `Inspector` (at the limit, nothing more can change).
 */
export type Stripper = (value: unknown, hops: number) => unknown;

/** One gate type, compiled once into both walks so they cannot disagree on what they visit. */
export interface CompiledType {
  readonly inspect: Inspector;
  readonly strip: Stripper;
}

const NOTHING: Inspector = () => null;
const UNCHANGED: Stripper = (value) => value;

/** Compiles every named type once; refs point at cells so recursive types need no lookups per call. */
export class InspectorCompiler {
  private readonly cells = new Map<string, { inspect: Inspector; strip: Stripper }>();
  private readonly hopLimit: number;

  constructor(types: Readonly<Record<string, GateType>>) {
    if (!isJsonObject(types)) throw new InvalidInventoryError("gate.types", "expected an object keyed by type id");
    const entries = Object.entries(types);
    this.hopLimit = entries.length;
    for (const [id] of entries) this.cells.set(id, { inspect: NOTHING, strip: UNCHANGED });
    for (const [id, type] of entries) {
      const compiled = this.compile(type, `gate.types[${JSON.stringify(id)}]`);
      const cell = this.cells.get(id)!;
      cell.inspect = compiled.inspect;
      cell.strip = compiled.strip;
    }
  }

  compile(type: GateType, path: string): CompiledType {
    if (!isJsonObject(type)) throw new InvalidInventoryError(path, "expected a gate type object");
    switch (type.kind) {
      case "ref":
        return this.compileRef(type.target, path);
      case "object":
        return this.compileObject(type.fields, type.patterns, path);
      case "array":
        return compileArray(this.compile(type.element, `${path}.element`));
      case "map":
        return compileMap(this.compile(type.value, `${path}.value`));
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

  private compileRef(target: string, path: string): CompiledType {
    const cell = this.cells.get(target);
    if (cell === undefined) throw new InvalidInventoryError(`${path}.target`, `no type ${JSON.stringify(target)} in gate.types`);
    const limit = this.hopLimit;
    return {
      inspect: (value, hops) => (hops < limit ? cell.inspect(value, hops + 1) : null),
      strip: (value, hops) => (hops < limit ? cell.strip(value, hops + 1) : value),
    };
  }

  private compileObject(fields: readonly GateField[], patterns: readonly GatePattern[] | undefined, path: string): CompiledType {
    if (!Array.isArray(fields)) throw new InvalidInventoryError(`${path}.fields`, "expected an array");
    const compiled = fields.map((field, i) => this.compileField(field, `${path}.fields[${i}]`));
    const count = compiled.length;
    const keyed = compilePatterns(patterns, path, (type, at) => this.compile(type, at));
    const inspect: Inspector = (value) => {
      if (!isJsonObject(value)) return null;
      for (let i = 0; i < count; i++) {
        const field = compiled[i]!;
        const fieldValue = readProperty(value, field.name, field.ownOnly);
        if (fieldValue === undefined || fieldValue === null) continue;
        if (field.reason !== null && field.isPresent(fieldValue)) return field.reason;
        if (field.inspect !== null) {
          const reason = field.inspect(fieldValue, 0);
          if (reason !== null) return reason;
        }
      }
      return keyed.length === 0 ? null : inspectKeyed(value, keyed);
    };
    const strip: Stripper = (value) => {
      if (!isJsonObject(value)) return value;
      let changes: Map<string, unknown> | null = null;
      // Same fields in the same order as `inspect`. A name listed twice sees the earlier field's outcome.
      for (let i = 0; i < count; i++) {
        const field = compiled[i]!;
        const name = field.name;
        const fieldValue = changes !== null && changes.has(name) ? changes.get(name) : readProperty(value, name, field.ownOnly);
        if (fieldValue === REMOVED) continue;
        if (field.reason !== null) {
          // Whatever its value (null included): the stable schema has no such field.
          if (fieldValue !== undefined || Object.hasOwn(value, name)) (changes ??= new Map()).set(name, REMOVED);
          continue;
        }
        if (fieldValue === undefined || fieldValue === null || field.strip === null) continue;
        const stripped = field.strip(fieldValue, 0);
        if (stripped !== fieldValue) (changes ??= new Map()).set(name, stripped);
      }
      if (keyed.length > 0) changes = stripKeyed(value, keyed, changes);
      return changes === null ? value : copyWith(value, changes);
    };
    return { inspect, strip };
  }

  private compileField(field: GateField, path: string): CompiledField {
    if (!isJsonObject(field) || typeof field.name !== "string") {
      throw new InvalidInventoryError(path, "expected a field object with a string name");
    }
    const reason = optionalReason(field.experimental, `${path}.experimental`);
    // `presence` accompanies `experimental`; when missing, "present" is the strictest reading.
    const presence = field.presence ?? "present";
    if (!isPresence(presence)) throw new InvalidInventoryError(`${path}.presence`, `unknown presence ${JSON.stringify(presence)}`);
    const type = field.type === undefined ? null : this.compile(field.type, `${path}.type`);
    return {
      name: field.name,
      ownOnly: needsOwnCheck(field.name),
      reason,
      isPresent: PRESENCE_TESTS[presence],
      inspect: type?.inspect ?? null,
      strip: type?.strip ?? null,
    };
  }

  private compileTuple(elements: readonly (GateType | null)[], path: string): CompiledType {
    if (!Array.isArray(elements)) throw new InvalidInventoryError(`${path}.elements`, "expected an array");
    const indexes: number[] = [];
    const inspectors: Inspector[] = [];
    const strippers: Stripper[] = [];
    elements.forEach((element, i) => {
      if (element === null) return;
      const compiled = this.compile(element, `${path}.elements[${i}]`);
      indexes.push(i);
      inspectors.push(compiled.inspect);
      strippers.push(compiled.strip);
    });
    const count = indexes.length;
    const inspect: Inspector = (value) => {
      if (!Array.isArray(value)) return null;
      for (let i = 0; i < count; i++) {
        const index = indexes[i]!;
        if (index >= value.length) break;
        const reason = inspectors[i]!(value[index], 0);
        if (reason !== null) return reason;
      }
      return null;
    };
    const strip: Stripper = (value) => {
      if (!Array.isArray(value)) return value;
      let copy: unknown[] | null = null;
      for (let i = 0; i < count; i++) {
        const index = indexes[i]!;
        if (index >= value.length) break;
        const element: unknown = value[index];
        const stripped = strippers[i]!(element, 0);
        if (stripped !== element) (copy ??= value.slice())[index] = stripped;
      }
      return copy ?? value;
    };
    return { inspect, strip };
  }

  private compileUnion(members: readonly GateMember[], path: string): CompiledType {
    if (!Array.isArray(members)) throw new InvalidInventoryError(`${path}.members`, "expected an array");
    const compiled = members.map((member, i) => this.compileMember(member, `${path}.members[${i}]`));
    const select = selectorFor(members, compiled);
    return {
      inspect: (value, hops) => {
        const member = select(value);
        if (member === undefined) return null;
        if (member.reason !== null) return member.reason;
        return member.type === null ? null : member.type.inspect(value, hops);
      },
      // An experimental member has nothing to strip: `check` rejects a value that matches it.
      strip: (value, hops) => {
        const member = select(value);
        if (member === undefined || member.reason !== null || member.type === null) return value;
        return member.type.strip(value, hops);
      },
    };
  }

  private compileMember(member: GateMember, path: string): CompiledMember {
    if (!isJsonObject(member)) throw new InvalidInventoryError(path, "expected a member object");
    return {
      matches: compileMatch(member.match, `${path}.match`),
      reason: optionalReason(member.experimental, `${path}.experimental`),
      // A member's type is the same value seen through that member, so hops carry over.
      type: member.type === undefined ? null : this.compile(member.type, `${path}.type`),
    };
  }
}

interface CompiledField {
  readonly name: string;
  readonly ownOnly: boolean;
  readonly reason: string | null;
  readonly isPresent: PresenceTest;
  readonly inspect: Inspector | null;
  readonly strip: Stripper | null;
}

interface CompiledMember {
  readonly matches: MatchTest;
  readonly reason: string | null;
  readonly type: CompiledType | null;
}

function compileArray(element: CompiledType): CompiledType {
  const inspectElement = element.inspect;
  const stripElement = element.strip;
  return {
    inspect: (value) => {
      if (!Array.isArray(value)) return null;
      for (let i = 0; i < value.length; i++) {
        const reason = inspectElement(value[i], 0);
        if (reason !== null) return reason;
      }
      return null;
    },
    strip: (value) => {
      if (!Array.isArray(value)) return value;
      let copy: unknown[] | null = null;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        const stripped = stripElement(item, 0);
        if (copy !== null) copy.push(stripped);
        else if (stripped !== item) (copy = value.slice(0, i)).push(stripped);
      }
      return copy ?? value;
    },
  };
}

/** The first reason among the values of keys the patterns match, in key order. */
function inspectKeyed(value: Record<string, unknown>, keyed: readonly CompiledPattern<CompiledType>[]): string | null {
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    for (const entry of keyed) {
      if (!entry.regex.test(key)) continue;
      const reason = entry.type.inspect(value[key], 0);
      if (reason !== null) return reason;
    }
  }
  return null;
}

/** `changes` with the values of keys the patterns match stripped (seeing what the fields already changed). */
function stripKeyed(value: Record<string, unknown>, keyed: readonly CompiledPattern<CompiledType>[], changes: Map<string, unknown> | null): Map<string, unknown> | null {
  let result = changes;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    for (const entry of keyed) {
      if (!entry.regex.test(key)) continue;
      const item = result !== null && result.has(key) ? result.get(key) : value[key];
      if (item === REMOVED) break;
      const stripped = entry.type.strip(item, 0);
      if (stripped !== item) (result ??= new Map()).set(key, stripped);
    }
  }
  return result;
}

function compileMap(valueType: CompiledType): CompiledType {
  const inspectValue = valueType.inspect;
  const stripValue = valueType.strip;
  return {
    inspect: (value) => {
      if (!isJsonObject(value)) return null;
      // for-in visits own string keys in the same order as Object.keys, without allocating.
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        const reason = inspectValue(value[key], 0);
        if (reason !== null) return reason;
      }
      return null;
    },
    strip: (value) => {
      if (!isJsonObject(value)) return value;
      let changes: Map<string, unknown> | null = null;
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        const item = value[key];
        const stripped = stripValue(item, 0);
        if (stripped !== item) (changes ??= new Map()).set(key, stripped);
      }
      return changes === null ? value : copyWith(value, changes);
    },
  };
}

export function optionalReason(reason: unknown, path: string): string | null {
  if (reason === undefined) return null;
  if (typeof reason !== "string") throw new InvalidInventoryError(path, "expected a reason string");
  return reason;
}
