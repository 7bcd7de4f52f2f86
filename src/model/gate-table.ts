import type { Mutable } from "../immutable.js";
import type { GateField, GateMatch, GateMember, GatePattern, GateType, Inventory, Presence } from "./inventory-types.js";
import { jsonText } from "./json-text.js";
import { recordingFind, stillFound, type KeptLookups } from "./lookups.js";
import { patternKey } from "./patterns.js";
import { enumAsUnion, followAliases, mergedProperties, objectParts, type FindDeclaration, type ObjectPart } from "./resolve.js";
import { unevaluated, type Declaration, type Method, type Model, type Property, type TypeNode } from "./types.js";
import { visitType, type TypeVisitor } from "./visit.js";
import { declarationsById, walkType } from "./walk.js";

type Lookup = ReadonlyMap<string, Declaration>;

/**
 * What the runtime gate needs: for every method, whether it is experimental
 * and how to find experimental elements in its params and result; for every declaration
 * through which such an element is reachable, its pruned shape.
 *
 * Shapes are kept by declaration and method object with what building them
 * looked up (`keptGates`), so a model whose unchanged parts are the same
 * objects as before (`watch`, see `internModel`) rebuilds only what changed,
 * and gets the same tables back when nothing the gate needs changed.
 */
export function buildGateTable(model: Model): Inventory["gate"] {
  const byId: Lookup = declarationsById(model);
  const hot = keptHotDeclarations(model, byId);
  const types: TableRow<GateType>[] = [];
  for (const declaration of model.declarations) {
    if (!hot.has(declaration.id)) continue;
    const gate = keptGate(declaration, byId, hot, (context) => gateOf(declarationType(declaration), context));
    if (gate) types.push({ owner: declaration, key: declaration.id, gate });
  }
  const methods: TableRow<MethodGate>[] = [];
  for (const method of model.methods) {
    methods.push({ owner: method, key: method.name, gate: keptGate(method, byId, hot, (context) => methodGate(method, context)) });
  }
  return { methods: methodTable.share(methods), types: typeTable.share(types) };
}

/** One key of a gate table, with the declaration or method its shape was built for. */
interface TableRow<T> {
  readonly owner: Declaration | Method;
  readonly key: string;
  readonly gate: T;
}

/**
 * The table built last time, handed out again while every row is the same
 * object: the serializer keeps the text of a table by object (see
 * `serializeInventory`). A shape rebuilt for a changed declaration that has
 * the same text as the one it replaces is swapped for it, so a change that
 * does not touch the gate leaves the table as it was.
 */
class KeptTable<T extends object> {
  private last: { readonly rows: readonly TableRow<T>[]; readonly byKey: ReadonlyMap<string, T>; readonly record: Readonly<Record<string, T>> } | undefined;

  share(built: readonly TableRow<T>[]): Readonly<Record<string, T>> {
    const last = this.last;
    if (last && sameRows(built, last.rows)) return last.record;
    const rows = last ? built.map((row) => sameTextAsBefore(row, last.byKey.get(row.key))) : built;
    if (last && sameRows(rows, last.rows)) return last.record;
    // Keys come from the protocol: fromEntries defines them, so a method or type named `__proto__` stays a key.
    const record = Object.fromEntries(rows.map((row) => [row.key, row.gate]));
    this.last = { rows, byKey: new Map(rows.map((row) => [row.key, row.gate])), record };
    return record;
  }
}

const methodTable = new KeptTable<MethodGate>();
const typeTable = new KeptTable<GateType>();

function sameRows<T>(rows: readonly TableRow<T>[], before: readonly TableRow<T>[]): boolean {
  return rows.length === before.length && rows.every((row, index) => row.key === before[index]!.key && row.gate === before[index]!.gate);
}

/** `row` with the earlier shape when both have the same text; the owner keeps that one from now on. */
function sameTextAsBefore<T extends object>(row: TableRow<T>, before: T | undefined): TableRow<T> {
  if (before === undefined || before === row.gate || jsonText(before) !== jsonText(row.gate)) return row;
  const kept = keptGates.get(row.owner);
  if (kept) keptGates.set(row.owner, { ...kept, gate: before });
  return { ...row, gate: before };
}

type MethodGate = Inventory["gate"]["methods"][string];

function methodGate(method: Method, context: GateContext): MethodGate {
  const params = method.params && gateOf(method.params, context);
  const result = method.result && gateOf(method.result, context);
  return {
    direction: method.direction,
    ...(method.experimental ? { experimental: method.experimental.reason } : {}),
    ...(params ? { params } : {}),
    ...(result ? { result } : {}),
  };
}

/**
 * A shape built for an object before, with the declarations it found and
 * which of them it asked were hot, and the hot set those answers were last
 * confirmed in (often the very set of the next run: see `keptHotDeclarations`).
 */
interface KeptGate extends KeptLookups {
  readonly gate: unknown;
  readonly hot: ReadonlyMap<string, boolean>;
  hotCheckedIn: ReadonlySet<string>;
}

const keptGates = new WeakMap<Declaration | Method, KeptGate>();

/** `build`'s shape for `owner`, reused while everything it looked up is as it was. */
function keptGate<T>(owner: Declaration | Method, byId: Lookup, hot: ReadonlySet<string>, build: (context: GateContext) => T): T {
  const kept = keptGates.get(owner);
  if (kept && stillFound(kept, byId) && stillHot(kept, hot)) return kept.gate as T;
  const found = new Map<string, Declaration | undefined>();
  const asked = new Map<string, boolean>();
  const context: GateContext = {
    find: recordingFind(byId, found),
    hot: {
      has: (id) => {
        const is = hot.has(id);
        asked.set(id, is);
        return is;
      },
    },
  };
  const gate = build(context);
  keptGates.set(owner, { gate, found, checkedIn: byId, hot: asked, hotCheckedIn: hot });
  return gate;
}

function stillHot(kept: KeptGate, hot: ReadonlySet<string>): boolean {
  if (kept.hotCheckedIn === hot) return true;
  for (const [id, was] of kept.hot) if (hot.has(id) !== was) return false;
  kept.hotCheckedIn = hot;
  return true;
}

/** An enum is the union of its literal members. */
function declarationType(declaration: Declaration): TypeNode {
  return declaration.kind === "alias" ? declaration.type : enumAsUnion(declaration);
}

/** The hot set last found, with the declarations it was found for. */
let lastHot: { readonly declarations: readonly Declaration[]; readonly hot: ReadonlySet<string> } | undefined;

/**
 * `hotDeclarations`, reused when, position by position, each declaration is
 * the one it was found for or has its id and `referenceFacts`: those alone decide it.
 */
function keptHotDeclarations(model: Model, byId: Lookup): ReadonlySet<string> {
  const hot = lastHot && sameHotFacts(lastHot.declarations, model.declarations) ? lastHot.hot : hotDeclarations(model, byId);
  lastHot = { declarations: model.declarations, hot };
  return hot;
}

function sameHotFacts(before: readonly Declaration[], now: readonly Declaration[]): boolean {
  if (before === now) return true;
  if (before.length !== now.length) return false;
  return now.every((declaration, index) => {
    const earlier = before[index]!;
    return earlier === declaration || (earlier.id === declaration.id && sameFacts(referenceFacts(earlier), referenceFacts(declaration)));
  });
}

function sameFacts(a: ReferenceFacts, b: ReferenceFacts): boolean {
  return a.marked === b.marked && a.targets.length === b.targets.length && a.targets.every((target, index) => target === b.targets[index]);
}

/** Declarations from which an experimental field or member can be reached. */
function hotDeclarations(model: Model, byId: Lookup): Set<string> {
  const hot = new Set<string>();
  const referencedBy = new Map<string, string[]>();
  for (const declaration of model.declarations) {
    const { marked, targets } = referenceFacts(declaration);
    if (marked) hot.add(declaration.id);
    for (const target of targets) {
      const parents = referencedBy.get(target);
      if (parents) parents.push(declaration.id);
      else referencedBy.set(target, [declaration.id]);
    }
  }
  const queue = [...hot];
  while (queue.length > 0) {
    for (const parent of referencedBy.get(queue.pop()!) ?? []) {
      if (!hot.has(parent) && byId.has(parent)) {
        hot.add(parent);
        queue.push(parent);
      }
    }
  }
  return hot;
}

/** Whether a declaration holds an experimental field or member itself, and what it refers to (once per reference). */
interface ReferenceFacts {
  readonly marked: boolean;
  readonly targets: readonly string[];
}

const referenceFactsKept = new WeakMap<Declaration, ReferenceFacts>();

function referenceFacts(declaration: Declaration): ReferenceFacts {
  let facts = referenceFactsKept.get(declaration);
  if (facts) return facts;
  let marked = false;
  const targets: string[] = [];
  walkType(declarationType(declaration), (node) => {
    if (node.kind === "object" && node.properties.some((property) => property.experimental)) marked = true;
    if (node.kind === "union" && node.members.some((member) => member.experimental)) marked = true;
    if (node.kind === "ref") targets.push(node.target);
  });
  referenceFactsKept.set(declaration, (facts = { marked, targets }));
  return facts;
}

/** What building a gate shape looks up: declarations, and those through which something experimental is reachable. */
interface GateContext {
  readonly find: FindDeclaration;
  readonly hot: { has(id: string): boolean };
}

/** The pruned gate shape of `type`, or undefined when nothing experimental is reachable through it. */
function gateOf(type: TypeNode, context: GateContext): GateType | undefined {
  return visitType(type, GATE_SHAPES, context);
}

const GATE_SHAPES: TypeVisitor<GateType | undefined, [GateContext]> = {
  primitive: () => undefined,
  literal: () => undefined,
  ref: (type, context) => (context.hot.has(type.target) ? { kind: "ref", target: type.target } : undefined),
  array(type, context) {
    const element = gateOf(type.element, context);
    return element && { kind: "array", element };
  },
  map(type, context) {
    const value = gateOf(type.value, context);
    return value && { kind: "map", value };
  },
  tuple(type, context) {
    // Past the fixed elements, any index may hold any element type: the gate looks at each item alike.
    if (type.rest) return gateOf({ kind: "array", element: tupleItems(type) }, context);
    const elements = type.elements.map((element) => gateOf(element, context) ?? null);
    return elements.some(Boolean) ? { kind: "tuple", elements } : undefined;
  },
  object: (type, context) => objectGate(objectParts(type, context.find).parts, context),
  intersection: (type, context) => objectGate(objectParts(type, context.find).parts, context),
  union(type, context) {
    const inner = type.members.map((member) => gateOf(member.type, context));
    // Most unions hold nothing experimental: only then is it worth saying how to recognise each member.
    if (!type.members.some((member, index) => member.experimental || inner[index])) return undefined;
    const members = type.members.map((member, index) => {
      // Built field by field, in the order they are serialized.
      const gateMember: Mutable<GateMember> = { match: matchOf(member.type, context.find) };
      if (member.experimental) gateMember.experimental = member.experimental.reason;
      if (inner[index]) gateMember.type = inner[index];
      return gateMember;
    });
    return { kind: "union", members };
  },
  operator: unevaluated,
};

function objectGate(parts: readonly ObjectPart[], context: GateContext): GateType | undefined {
  const fields: GateField[] = [];
  for (const property of mergedProperties(parts)) {
    const inner = gateOf(property.type, context);
    if (!property.experimental && !inner) continue;
    const field: Mutable<GateField> = { name: property.name };
    if (property.experimental) {
      field.experimental = property.experimental.reason;
      field.presence = presenceOf(property.type, context.find, new Set());
    }
    if (inner) {
      field.type = inner;
      if (property.optional && !property.experimental) field.optional = true;
    }
    fields.push(field);
  }
  const patterns: GatePattern[] = [];
  for (const index of parts.flatMap((part) => part.patterns ?? [])) {
    const type = gateOf(index.value, context);
    if (type) patterns.push({ pattern: patternKey(index).pattern, type });
  }
  if (patterns.length > 0) return { kind: "object", fields, patterns };
  return fields.length > 0 ? { kind: "object", fields } : undefined;
}

/** Properties of an object, intersection or alias of one, later members overriding earlier ones. */
function objectProperties(type: TypeNode, find: FindDeclaration): readonly Property[] {
  return mergedProperties(objectParts(type, find).parts);
}

/** The design's presence rule for a declared type: null/undefined never count; then by kind. `followed` ends alias cycles through unions. */
function presenceOf(type: TypeNode, find: FindDeclaration, followed: Set<string>): Presence {
  const resolved = followAliases(type, find, followed);
  switch (resolved.kind) {
    case "array":
    case "tuple":
      return "nonEmptyArray";
    case "map":
      return "nonEmptyMap";
    case "primitive":
      return resolved.name === "boolean" ? "boolean" : "present";
    case "union": {
      const nonNull = resolved.members.filter((member) => !(member.type.kind === "primitive" && member.type.name === "null"));
      return nonNull.length === 1 ? presenceOf(nonNull[0]!.type, find, followed) : "present";
    }
    case "object":
      return resolved.properties.length === 0 && (resolved.additional || resolved.patterns) ? "nonEmptyMap" : "present";
    default:
      return "present";
  }
}

/** How the gate recognises a value as this union member: literal, discriminant fields, or JSON kind. */
function matchOf(type: TypeNode, find: FindDeclaration): GateMatch {
  return visitType(followAliases(type, find), MATCHES, find);
}

const anyObject = (): GateMatch => ({ kind: "typeof", type: "object" });

/** Per kind of an alias-free type; a reference left is to an enum, or one that dangles or closes a cycle (reported before the gate is built). */
const MATCHES: TypeVisitor<GateMatch, [FindDeclaration]> = {
  literal: (type) => ({ kind: "literal", value: type.value }),
  primitive: (type) => (type.name === "null" ? { kind: "literal", value: null } : { kind: "typeof", type: type.name === "unknown" ? "object" : type.name }),
  array: () => ({ kind: "typeof", type: "array" }),
  tuple: () => ({ kind: "typeof", type: "array" }),
  map: () => anyObject(),
  object: discriminantMatch,
  intersection: discriminantMatch,
  ref(type, find) {
    const target = find(type.target);
    return target?.kind === "enum" ? { kind: "typeof", type: typeof target.members[0]?.value === "number" ? "number" : "string" } : anyObject();
  },
  union: (type) =>
    type.members.every((member) => member.type.kind === "literal" && typeof member.type.value === "string") ? { kind: "typeof", type: "string" } : anyObject(),
  operator: unevaluated,
};

/** An object recognised by its required literal fields, when it has any. */
function discriminantMatch(type: TypeNode, find: FindDeclaration): GateMatch {
  const discriminant: [string, string | number | boolean][] = [];
  for (const property of objectProperties(type, find)) {
    if (!property.optional && property.type.kind === "literal") discriminant.push([property.name, property.type.value]);
  }
  return discriminant.length > 0 ? { kind: "object", discriminant: Object.fromEntries(discriminant) } : anyObject();
}

/** Every type a tuple's items may have, as one unmarked union. */
function tupleItems(type: Extract<TypeNode, { kind: "tuple" }>): TypeNode {
  const types = type.rest ? [...type.elements, type.rest] : type.elements;
  return { kind: "union", members: types.map((element) => ({ type: element, docs: { description: "", tags: {} }, location: { file: "", line: 0, column: 0 } })) };
}
