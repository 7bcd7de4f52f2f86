import type { Mutable } from "../immutable.js";
import type { GateField, GateMatch, GateMember, GateType, Inventory, Presence } from "./inventory-types.js";
import { assertNever, unevaluated, type Declaration, type Model, type Property, type TypeNode } from "./types.js";
import { declarationsById, walkType } from "./walk.js";

type Lookup = ReadonlyMap<string, Declaration>;

/**
 * What the runtime gate needs: for every method, whether it is experimental
 * and how to find experimental elements in its params and result; for every declaration
 * through which such an element is reachable, its pruned shape.
 */
export function buildGateTable(model: Model): Inventory["gate"] {
  const byId: Lookup = declarationsById(model);
  const hot = hotDeclarations(model, byId);
  const types: [string, GateType][] = [];
  for (const declaration of model.declarations) {
    if (!hot.has(declaration.id)) continue;
    const gate = gateOf(declarationType(declaration), byId, hot);
    if (gate) types.push([declaration.id, gate]);
  }
  const methods: [string, Inventory["gate"]["methods"][string]][] = [];
  for (const method of model.methods) {
    const params = method.params && gateOf(method.params, byId, hot);
    const result = method.result && gateOf(method.result, byId, hot);
    methods.push([
      method.name,
      {
        direction: method.direction,
        ...(method.experimental ? { experimental: method.experimental.reason } : {}),
        ...(params ? { params } : {}),
        ...(result ? { result } : {}),
      },
    ]);
  }
  // Keys come from the protocol: fromEntries defines them, so a method or type named `__proto__` stays a key.
  return { methods: Object.fromEntries(methods), types: Object.fromEntries(types) };
}

/** An enum is the union of its literal members. */
function declarationType(declaration: Declaration): TypeNode {
  if (declaration.kind === "alias") return declaration.type;
  return {
    kind: "union",
    members: declaration.members.map((member) => ({
      type: { kind: "literal", value: member.value },
      docs: member.docs,
      location: member.location,
      ...(member.experimental ? { experimental: member.experimental } : {}),
    })),
  };
}

/** Declarations from which an experimental field or member can be reached. */
function hotDeclarations(model: Model, byId: Lookup): Set<string> {
  const hot = new Set<string>();
  const referencedBy = new Map<string, string[]>();
  for (const declaration of model.declarations) {
    const type = declarationType(declaration);
    walkType(type, (node) => {
      if (node.kind === "object" && node.properties.some((property) => property.experimental)) hot.add(declaration.id);
      if (node.kind === "union" && node.members.some((member) => member.experimental)) hot.add(declaration.id);
      if (node.kind === "ref") {
        const parents = referencedBy.get(node.target);
        if (parents) parents.push(declaration.id);
        else referencedBy.set(node.target, [declaration.id]);
      }
    });
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

/** The pruned gate shape of `type`, or undefined when nothing experimental is reachable through it. */
function gateOf(type: TypeNode, byId: Lookup, hot: ReadonlySet<string>): GateType | undefined {
  switch (type.kind) {
    case "primitive":
    case "literal":
      return undefined;
    case "ref":
      return hot.has(type.target) ? { kind: "ref", target: type.target } : undefined;
    case "array": {
      const element = gateOf(type.element, byId, hot);
      return element && { kind: "array", element };
    }
    case "map": {
      const value = gateOf(type.value, byId, hot);
      return value && { kind: "map", value };
    }
    case "tuple": {
      // Past the fixed elements, any index may hold any element type: the gate looks at each item alike.
      if (type.rest) return gateOf({ kind: "array", element: tupleItems(type) }, byId, hot);
      const elements = type.elements.map((element) => gateOf(element, byId, hot) ?? null);
      return elements.some(Boolean) ? { kind: "tuple", elements } : undefined;
    }
    case "object":
    case "intersection":
      return objectGate(objectProperties(type, byId, new Set()), byId, hot);
    case "union": {
      const inner = type.members.map((member) => gateOf(member.type, byId, hot));
      // Most unions hold nothing experimental: only then is it worth saying how to recognise each member.
      if (!type.members.some((member, index) => member.experimental || inner[index])) return undefined;
      const members = type.members.map((member, index) => {
        // Built field by field, in the order they are serialized.
        const gateMember: Mutable<GateMember> = { match: matchOf(member.type, byId, new Set()) };
        if (member.experimental) gateMember.experimental = member.experimental.reason;
        if (inner[index]) gateMember.type = inner[index];
        return gateMember;
      });
      return { kind: "union", members };
    }
    case "operator":
      return unevaluated(type);
    default:
      return assertNever(type);
  }
}

function objectGate(properties: readonly Property[], byId: Lookup, hot: ReadonlySet<string>): GateType | undefined {
  const fields: GateField[] = [];
  for (const property of properties) {
    const inner = gateOf(property.type, byId, hot);
    if (!property.experimental && !inner) continue;
    const field: Mutable<GateField> = { name: property.name };
    if (property.experimental) {
      field.experimental = property.experimental.reason;
      field.presence = presenceOf(property.type, byId, new Set());
    }
    if (inner) {
      field.type = inner;
      if (property.optional && !property.experimental) field.optional = true;
    }
    fields.push(field);
  }
  return fields.length > 0 ? { kind: "object", fields } : undefined;
}

/** Properties of an object, intersection or alias of one, later members overriding earlier ones. */
export function objectProperties(type: TypeNode, byId: Lookup, seen: Set<string>): readonly Property[] {
  if (type.kind === "object") return type.properties;
  if (type.kind === "intersection") {
    const merged = new Map<string, Property>();
    for (const member of type.members) {
      for (const property of objectProperties(member, byId, seen)) merged.set(property.name, property);
    }
    return [...merged.values()];
  }
  if (type.kind === "ref" && !seen.has(type.target)) {
    seen.add(type.target);
    const target = byId.get(type.target);
    if (target?.kind === "alias") return objectProperties(target.type, byId, seen);
  }
  return [];
}

/** The design's presence rule for a declared type: null/undefined never count; then by kind. */
function presenceOf(type: TypeNode, byId: Lookup, seen: Set<string>): Presence {
  switch (type.kind) {
    case "array":
    case "tuple":
      return "nonEmptyArray";
    case "map":
      return "nonEmptyMap";
    case "primitive":
      return type.name === "boolean" ? "boolean" : "present";
    case "union": {
      const nonNull = type.members.filter((member) => !(member.type.kind === "primitive" && member.type.name === "null"));
      return nonNull.length === 1 ? presenceOf(nonNull[0]!.type, byId, seen) : "present";
    }
    case "ref": {
      const target = byId.get(type.target);
      if (target?.kind !== "alias" || seen.has(type.target)) return "present";
      seen.add(type.target);
      return presenceOf(target.type, byId, seen);
    }
    case "object":
      return type.properties.length === 0 && type.additional ? "nonEmptyMap" : "present";
    default:
      return "present";
  }
}

/** How the gate recognises a value as this union member: literal, discriminant fields, or JSON kind. */
function matchOf(type: TypeNode, byId: Lookup, seen: Set<string>): GateMatch {
  switch (type.kind) {
    case "literal":
      return { kind: "literal", value: type.value };
    case "primitive":
      if (type.name === "null") return { kind: "literal", value: null };
      return { kind: "typeof", type: type.name === "unknown" ? "object" : type.name };
    case "array":
    case "tuple":
      return { kind: "typeof", type: "array" };
    case "map":
      return { kind: "typeof", type: "object" };
    case "object":
    case "intersection": {
      const discriminant: [string, string | number | boolean][] = [];
      for (const property of objectProperties(type, byId, new Set())) {
        if (!property.optional && property.type.kind === "literal") discriminant.push([property.name, property.type.value]);
      }
      return discriminant.length > 0 ? { kind: "object", discriminant: Object.fromEntries(discriminant) } : { kind: "typeof", type: "object" };
    }
    case "ref": {
      const target = byId.get(type.target);
      if (!target || seen.has(type.target)) return { kind: "typeof", type: "object" };
      seen.add(type.target);
      if (target.kind === "enum") return { kind: "typeof", type: typeof target.members[0]?.value === "number" ? "number" : "string" };
      return matchOf(target.type, byId, seen);
    }
    case "union":
      return type.members.every((member) => member.type.kind === "literal" && typeof member.type.value === "string")
        ? { kind: "typeof", type: "string" }
        : { kind: "typeof", type: "object" };
    case "operator":
      return unevaluated(type);
    default:
      return assertNever(type);
  }
}

/** Every type a tuple's items may have, as one unmarked union. */
function tupleItems(type: Extract<TypeNode, { kind: "tuple" }>): TypeNode {
  const types = type.rest ? [...type.elements, type.rest] : type.elements;
  return { kind: "union", members: types.map((element) => ({ type: element, docs: { description: "", tags: {} }, location: { file: "", line: 0, column: 0 } })) };
}
