import { patternKey } from "../model/patterns.js";
import { assertNever, unevaluated, type PatternIndex, type Property, type TypeNode } from "../model/types.js";
import { compareConstraints } from "./constraints.js";
import { childPosition, type ChangeList, type Position } from "./report.js";
import { accepts, declaringId, describeType, memberLabel, memberReferences, primaryKey, resolveType, secondaryKey, unionMembers, type DiffSide, type FlatMember } from "./resolve.js";
import type { DataDirection } from "./rules.js";

/** Both versions, what was renamed, what was already compared, and where changes go. */
export interface Comparison {
  readonly base: DiffSide;
  readonly head: DiffSide;
  /** Base declaration id → head id, for declarations renamed with the same shape. */
  readonly renamed: ReadonlyMap<string, string>;
  /** `direction, base id, head id` of declaration pairs already compared: each is judged once per direction. */
  readonly seen: Set<string>;
  /** Object and union nodes already compared, per direction: a union that refers to itself inside a member is expanded again and again otherwise. */
  readonly seenNodes: WeakMap<TypeNode, WeakMap<TypeNode, Set<DataDirection>>>;
  readonly changes: ChangeList;
}

/**
 * Compares what `base` and `head` accept as data sent in `direction`. Only
 * stable parts count: experimental fields and members on both sides are
 * skipped, one that became stable is a promotion, one that became
 * experimental is gone from stable.
 */
export function compareTypes(comparison: Comparison, base: TypeNode, head: TypeNode, direction: DataDirection, position: Position): void {
  let at = position;
  if (!firstVisit(comparison, base, head, direction)) return;
  if (base.kind === "ref" && head.kind === "ref") {
    const key = `${direction}\0${base.target}\0${head.target}`;
    if (comparison.seen.has(key)) return;
    comparison.seen.add(key);
    const baseDeclaration = comparison.base.byId.get(base.target);
    const headDeclaration = comparison.head.byId.get(head.target);
    if (baseDeclaration && headDeclaration) {
      at = { path: position.path, target: headDeclaration.id, base: baseDeclaration.location, head: headDeclaration.location };
      compareConstraints(comparison.changes, baseDeclaration.docs.tags, headDeclaration.docs.tags, direction, at);
    }
  }
  const resolvedBase = resolveType(comparison.base, base);
  const resolvedHead = resolveType(comparison.head, head);
  if (resolvedBase.kind === "union" || resolvedHead.kind === "union") return compareUnions(comparison, base, head, direction, at);
  compareSingle(comparison, resolvedBase, resolvedHead, direction, at);
}

/** False when this pair of object or union nodes was already compared in this direction. */
function firstVisit(comparison: Comparison, base: TypeNode, head: TypeNode, direction: DataDirection): boolean {
  if (base.kind !== "object" && base.kind !== "union" && head.kind !== "object" && head.kind !== "union") return true;
  let byHead = comparison.seenNodes.get(base);
  if (!byHead) comparison.seenNodes.set(base, (byHead = new WeakMap()));
  let directions = byHead.get(head);
  if (!directions) byHead.set(head, (directions = new Set()));
  if (directions.has(direction)) return false;
  directions.add(direction);
  return true;
}

function compareSingle(comparison: Comparison, base: TypeNode, head: TypeNode, direction: DataDirection, at: Position): void {
  const { changes } = comparison;
  if (base.kind === head.kind) {
    switch (base.kind) {
      case "primitive":
        if (head.kind === "primitive" && base.name === head.name && base.format === head.format && base.pattern === head.pattern) return;
        break;
      case "literal":
        if (head.kind === "literal" && base.value !== head.value) {
          changes.add("literal-changed", direction, at, "head", `literal ${JSON.stringify(base.value)} became ${JSON.stringify(head.value)}`);
        }
        return;
      case "array":
        if (head.kind === "array") compareTypes(comparison, base.element, head.element, direction, childPosition(at, "[]"));
        return;
      case "map":
        if (head.kind === "map") compareTypes(comparison, base.value, head.value, direction, childPosition(at, "{}"));
        return;
      case "tuple":
        if (head.kind !== "tuple") return;
        if (tupleShape(base) !== tupleShape(head)) {
          changes.add("tuple-length-changed", direction, at, "head", `tuple of ${tupleShape(base)} now has ${tupleShape(head)}`);
          return;
        }
        base.elements.forEach((element, index) => compareTypes(comparison, element, head.elements[index]!, direction, childPosition(at, `[${index}]`)));
        if (base.rest && head.rest) compareTypes(comparison, base.rest, head.rest, direction, childPosition(at, "[...]"));
        return;
      case "object":
        if (head.kind === "object") compareObjects(comparison, base, head, direction, at);
        return;
      case "ref":
        if (head.kind === "ref" && base.target === head.target) return;
        break;
      case "union":
      case "intersection":
        // Resolved away before this point.
        return;
      case "operator":
        return unevaluated(base);
      default:
        return assertNever(base);
    }
  }
  const was = describeType(base, comparison.base);
  const now = describeType(head, comparison.head);
  if (accepts(head, base)) changes.add("type-widened", direction, at, "head", `type widened from ${was} to ${now}`);
  else if (accepts(base, head)) changes.add("type-narrowed", direction, at, "head", `type narrowed from ${was} to ${now}`);
  else changes.add("type-changed", direction, at, "head", `type changed from ${was} to ${now}`);
}

type ObjectNode = Extract<TypeNode, { kind: "object" }>;

/** How many elements a tuple takes: `2 elements`, `1 to 2 elements`, `at least 1 element`. */
function tupleShape(tuple: Extract<TypeNode, { kind: "tuple" }>): string {
  const required = tuple.required ?? tuple.elements.length;
  const count = (n: number) => `${n} element${n === 1 ? "" : "s"}`;
  if (tuple.rest) return `at least ${count(required)}`;
  return required === tuple.elements.length ? count(required) : `${required} to ${count(tuple.elements.length)}`;
}

function compareObjects(comparison: Comparison, base: ObjectNode, head: ObjectNode, direction: DataDirection, at: Position): void {
  const { changes } = comparison;
  const headFields = new Map(head.properties.map((property) => [property.name, property]));
  const baseNames = new Set<string>();
  for (const before of base.properties) {
    baseNames.add(before.name);
    const after = headFields.get(before.name);
    const field = fieldPosition(at, declaringId(base, before), before, before.location, after?.location ?? at.head);
    if (before.experimental) {
      if (after && !after.experimental) reportPromotedField(changes, after, direction, field);
      continue;
    }
    if (!after || after.experimental) {
      const rule = direction === "server-sent" && before.optional ? "field-optional-removed" : "field-removed";
      const now = after ? " (it is now experimental)" : "";
      changes.add(rule, direction, field, "base", `${before.optional ? "optional" : "required"} field "${before.name}" removed${now}`);
      continue;
    }
    if (before.optional && !after.optional) changes.add("field-made-required", direction, field, "head", `field "${after.name}" became required`);
    if (!before.optional && after.optional) changes.add("field-made-optional", direction, field, "head", `field "${after.name}" became optional`);
    compareConstraints(changes, before.docs.tags, after.docs.tags, direction, field);
    compareTypes(comparison, before.type, after.type, direction, field);
  }
  for (const after of head.properties) {
    if (baseNames.has(after.name) || after.experimental) continue;
    const field = fieldPosition(at, declaringId(head, after), after, at.base, after.location);
    const kind = after.optional ? "optional" : "required";
    if (direction === "server-sent") changes.add("field-added", direction, field, "head", `${kind} field "${after.name}" added`);
    else changes.add(after.optional ? "field-optional-added" : "field-required-added", direction, field, "head", `${kind} field "${after.name}" added`);
  }
  if (base.additional && head.additional) compareTypes(comparison, base.additional, head.additional, direction, childPosition(at, "{}"));
  else if (base.additional) changes.add("type-narrowed", direction, at, "head", "the index signature was removed: other keys are no longer accepted");
  else if (head.additional) changes.add("type-widened", direction, at, "head", "an index signature was added: any other key is now accepted");
  comparePatterns(comparison, base.patterns ?? [], head.patterns ?? [], direction, at);
}

/** Index signatures keyed by template literal types, matched by their patterns. */
function comparePatterns(comparison: Comparison, base: readonly PatternIndex[], head: readonly PatternIndex[], direction: DataDirection, at: Position): void {
  const headByPattern = new Map(head.map((index) => [patternKey(index).pattern, index]));
  const basePatterns = new Set<string>();
  for (const before of base) {
    const key = patternKey(before);
    basePatterns.add(key.pattern);
    const after = headByPattern.get(key.pattern);
    if (after) compareTypes(comparison, before.value, after.value, direction, childPosition(at, `{${key.template}}`));
    else comparison.changes.add("type-narrowed", direction, at, "head", `the index signature [key: ${key.template}] was removed: the keys it matched are no longer accepted`);
  }
  for (const after of head) {
    const key = patternKey(after);
    if (!basePatterns.has(key.pattern)) comparison.changes.add("type-widened", direction, at, "head", `an index signature [key: ${key.template}] was added: the keys it matches are now accepted`);
  }
}

/** A field's position; one merged from an intersection is named after the declaration it was declared in. */
function fieldPosition(at: Position, owner: string | undefined, property: Property, base: Position["base"], head: Position["head"]): Position {
  const position = childPosition(at, `.${property.name}`, base, head);
  return owner === undefined ? position : { ...position, target: `${owner}.${property.name}` };
}

/** Promotion never breaks by itself; a required field clients must now send does (stable clients never sent it). */
function reportPromotedField(changes: ChangeList, after: Property, direction: DataDirection, field: Position): void {
  changes.add("field-promoted", direction, field, "head", `experimental field "${after.name}" became stable`);
  if (direction === "client-sent" && !after.optional) {
    changes.add("field-required-added", direction, field, "head", `promoted field "${after.name}" is required: stable clients never sent it`);
  }
}

function compareUnions(comparison: Comparison, base: TypeNode, head: TypeNode, direction: DataDirection, at: Position): void {
  const { changes } = comparison;
  // A declaration both versions name as a member is compared as one member, not flattened.
  const named = new Set(memberReferences(comparison.head, head));
  const rename = (id: string) => comparison.renamed.get(id) ?? id;
  const inBoth = new Set(memberReferences(comparison.base, base).filter((id) => named.has(rename(id))).map(rename));
  const before = unionMembers(comparison.base, base, at.base, (id) => inBoth.has(rename(id)));
  const after = unionMembers(comparison.head, head, at.head, (id) => inBoth.has(id));
  const composite = (members: readonly FlatMember[]) => members.filter((member) => member.resolved.kind !== "literal" && member.resolved.kind !== "primitive").length;
  const labelled = composite(after) > 1 || composite(before) > 1;
  const removed: FlatMember[] = [];
  const paired = new Set<FlatMember>();
  for (const [was, now] of matchMembers(comparison, before, after)) {
    paired.add(was).add(now);
    if (was.experimental && now.experimental) continue;
    const label = memberLabel(now, comparison.head);
    const member = labelled ? childPosition(at, `(${label})`, was.location, now.location) : { ...at, base: was.location, head: now.location };
    if (was.experimental) changes.add("member-promoted", direction, member, "head", `experimental member ${label} became stable`);
    else if (now.experimental) removed.push(was);
    else compareTypes(comparison, was.type, now.type, direction, member);
  }
  for (const was of before) if (!paired.has(was) && !was.experimental) removed.push(was);
  const added = after.filter((now) => !paired.has(now) && !now.experimental);
  const stableBefore = before.filter((was) => !was.experimental);
  const stableAfter = after.filter((now) => !now.experimental);
  let widened = false;
  let narrowed = false;
  for (const was of removed) {
    if (stableAfter.some((now) => accepts(now.resolved, was.resolved))) widened = true;
    else if (added.some((now) => accepts(was.resolved, now.resolved))) narrowed = true;
    else reportMember(comparison, was, "removed", direction, { ...at, base: was.location });
  }
  for (const now of added) {
    if (stableBefore.some((was) => accepts(was.resolved, now.resolved))) continue;
    if (removed.some((was) => accepts(now.resolved, was.resolved))) continue;
    reportMember(comparison, now, "added", direction, { ...at, head: now.location });
  }
  const was = describeType(base, comparison.base);
  const now = describeType(head, comparison.head);
  if (widened) changes.add("type-widened", direction, at, "head", `type widened from ${was} to ${now}`);
  if (narrowed) changes.add("type-narrowed", direction, at, "head", `type narrowed from ${was} to ${now}`);
}

function reportMember(comparison: Comparison, member: FlatMember, change: "added" | "removed", direction: DataDirection, at: Position): void {
  const side = change === "added" ? comparison.head : comparison.base;
  const where = change === "added" ? "head" : "base";
  const label = memberLabel(member, side);
  if (member.resolved.kind === "primitive" && member.resolved.name === "null") {
    const rule = change === "added" ? "nullable-added" : "nullable-removed";
    comparison.changes.add(rule, direction, at, where, change === "added" ? "null is now allowed" : "null is no longer allowed");
  } else if (member.resolved.kind === "literal") {
    comparison.changes.add(change === "added" ? "enum-member-added" : "enum-member-removed", direction, at, where, `value ${label} ${change}`);
  } else {
    comparison.changes.add(change === "added" ? "union-variant-added" : "union-variant-removed", direction, at, where, `variant ${label} ${change}`);
  }
}

/** Pairs members by value, primitive or declaration first, then by an object's tag or key, or by kind. */
function matchMembers(comparison: Comparison, before: readonly FlatMember[], after: readonly FlatMember[]): [FlatMember, FlatMember][] {
  const pairs: [FlatMember, FlatMember][] = [];
  const taken = new Set<FlatMember>();
  const unpaired: FlatMember[] = [];
  const rename = (id: string) => comparison.renamed.get(id) ?? id;
  const same = (id: string) => id;
  for (const was of before) {
    const key = primaryKey(was, rename);
    const now = key === undefined ? undefined : after.find((candidate) => !taken.has(candidate) && primaryKey(candidate, same) === key);
    if (now) {
      taken.add(now);
      pairs.push([was, now]);
    } else unpaired.push(was);
  }
  for (const was of unpaired) {
    if (was.resolved.kind === "literal" || was.resolved.kind === "primitive") continue;
    const key = secondaryKey(was);
    const now = after.find((candidate) => !taken.has(candidate) && candidate.resolved.kind !== "literal" && candidate.resolved.kind !== "primitive" && secondaryKey(candidate) === key);
    if (now) {
      taken.add(now);
      pairs.push([was, now]);
    }
  }
  return pairs;
}
