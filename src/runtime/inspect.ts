import type { GateField, GateMember, GateType, LiteralValue } from "../model/inventory-types.js";
import { InvalidInventoryError } from "./errors.js";
import { compileMatch, literalValue, matchNeedsKind, type MatchTest } from "./match.js";
import { isPresence, PRESENCE_TESTS, type PresenceTest } from "./presence.js";
import { isJsonObject, needsOwnCheck, readProperty, valueKind } from "./value.js";

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

const NOTHING: Inspector = () => null;

/** Compiles every named type once; refs point at cells so recursive types need no lookups per call. */
export class InspectorCompiler {
  private readonly cells = new Map<string, { inspect: Inspector }>();
  private readonly hopLimit: number;

  constructor(types: Readonly<Record<string, GateType>>) {
    if (!isJsonObject(types)) throw new InvalidInventoryError("gate.types", "expected an object keyed by type id");
    const entries = Object.entries(types);
    this.hopLimit = entries.length;
    for (const [id] of entries) this.cells.set(id, { inspect: NOTHING });
    for (const [id, type] of entries) {
      this.cells.get(id)!.inspect = this.compile(type, `gate.types[${JSON.stringify(id)}]`);
    }
  }

  compile(type: GateType, path: string): Inspector {
    if (!isJsonObject(type)) throw new InvalidInventoryError(path, "expected a gate type object");
    switch (type.kind) {
      case "ref":
        return this.compileRef(type.target, path);
      case "object":
        return this.compileObject(type.fields, path);
      case "array":
        return this.compileArray(this.compile(type.element, `${path}.element`));
      case "map":
        return this.compileMap(this.compile(type.value, `${path}.value`));
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

  private compileRef(target: string, path: string): Inspector {
    const cell = this.cells.get(target);
    if (cell === undefined) throw new InvalidInventoryError(`${path}.target`, `no type ${JSON.stringify(target)} in gate.types`);
    const limit = this.hopLimit;
    return (value, hops) => (hops < limit ? cell.inspect(value, hops + 1) : null);
  }

  private compileObject(fields: readonly GateField[], path: string): Inspector {
    if (!Array.isArray(fields)) throw new InvalidInventoryError(`${path}.fields`, "expected an array");
    const compiled = fields.map((field, i) => this.compileField(field, `${path}.fields[${i}]`));
    const count = compiled.length;
    return (value) => {
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
      return null;
    };
  }

  private compileField(field: GateField, path: string): CompiledField {
    if (!isJsonObject(field) || typeof field.name !== "string") {
      throw new InvalidInventoryError(path, "expected a field object with a string name");
    }
    const reason = optionalReason(field.experimental, `${path}.experimental`);
    // `presence` accompanies `experimental`; when missing, "present" is the strictest reading.
    const presence = field.presence ?? "present";
    if (!isPresence(presence)) throw new InvalidInventoryError(`${path}.presence`, `unknown presence ${JSON.stringify(presence)}`);
    return {
      name: field.name,
      ownOnly: needsOwnCheck(field.name),
      reason,
      isPresent: PRESENCE_TESTS[presence],
      inspect: field.type === undefined ? null : this.compile(field.type, `${path}.type`),
    };
  }

  private compileArray(element: Inspector): Inspector {
    return (value) => {
      if (!Array.isArray(value)) return null;
      for (let i = 0; i < value.length; i++) {
        const reason = element(value[i], 0);
        if (reason !== null) return reason;
      }
      return null;
    };
  }

  private compileMap(valueInspector: Inspector): Inspector {
    return (value) => {
      if (!isJsonObject(value)) return null;
      // for-in visits own string keys in the same order as Object.keys, without allocating.
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        const reason = valueInspector(value[key], 0);
        if (reason !== null) return reason;
      }
      return null;
    };
  }

  private compileTuple(elements: readonly (GateType | null)[], path: string): Inspector {
    if (!Array.isArray(elements)) throw new InvalidInventoryError(`${path}.elements`, "expected an array");
    const indexes: number[] = [];
    const inspectors: Inspector[] = [];
    elements.forEach((element, i) => {
      if (element === null) return;
      indexes.push(i);
      inspectors.push(this.compile(element, `${path}.elements[${i}]`));
    });
    const count = indexes.length;
    return (value) => {
      if (!Array.isArray(value)) return null;
      for (let i = 0; i < count; i++) {
        const index = indexes[i]!;
        if (index >= value.length) break;
        const reason = inspectors[i]!(value[index], 0);
        if (reason !== null) return reason;
      }
      return null;
    };
  }

  private compileUnion(members: readonly GateMember[], path: string): Inspector {
    if (!Array.isArray(members)) throw new InvalidInventoryError(`${path}.members`, "expected an array");
    const compiled = members.map((member, i) => this.compileMember(member, `${path}.members[${i}]`));
    if (members.every((member) => member.match.kind === "literal")) return literalUnion(members, compiled);

    const needsKind = members.some((member) => matchNeedsKind(member.match));
    const count = compiled.length;
    return (value, hops) => {
      const kind = needsKind ? valueKind(value) : "";
      for (let i = 0; i < count; i++) {
        const member = compiled[i]!;
        if (member.matches(value, kind)) return resolveMember(member, value, hops);
      }
      return null;
    };
  }

  private compileMember(member: GateMember, path: string): CompiledMember {
    if (!isJsonObject(member)) throw new InvalidInventoryError(path, "expected a member object");
    return {
      matches: compileMatch(member.match, `${path}.match`),
      reason: optionalReason(member.experimental, `${path}.experimental`),
      // A member's type is the same value seen through that member, so hops carry over.
      inspect: member.type === undefined ? null : this.compile(member.type, `${path}.type`),
    };
  }
}

interface CompiledField {
  readonly name: string;
  readonly ownOnly: boolean;
  readonly reason: string | null;
  readonly isPresent: PresenceTest;
  readonly inspect: Inspector | null;
}

interface CompiledMember {
  readonly matches: MatchTest;
  readonly reason: string | null;
  readonly inspect: Inspector | null;
}

function resolveMember(member: CompiledMember, value: unknown, hops: number): string | null {
  if (member.reason !== null) return member.reason;
  return member.inspect === null ? null : member.inspect(value, hops);
}

/**
 * Enum-style unions (every member a literal) become one map lookup. Map keys
 * compare with SameValueZero, which agrees with `===` on JSON values (no NaN;
 * -0 and 0 are equal under both). The first member with a value wins.
 */
function literalUnion(members: readonly GateMember[], compiled: readonly CompiledMember[]): Inspector {
  const byValue = new Map<LiteralValue, CompiledMember>();
  members.forEach((member, i) => {
    const value = literalValue((member.match as { value: unknown }).value, "");
    if (!byValue.has(value)) byValue.set(value, compiled[i]!);
  });
  return (value, hops) => {
    const member = byValue.get(value as LiteralValue);
    return member === undefined ? null : resolveMember(member, value, hops);
  };
}

export function optionalReason(reason: unknown, path: string): string | null {
  if (reason === undefined) return null;
  if (typeof reason !== "string") throw new InvalidInventoryError(path, "expected a reason string");
  return reason;
}
