import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Property, TypeNode, UnionMember } from "../../src/model/types.js";
import { forEachChild, mapChildren, visitType, withChildType, type TypeVisitor } from "../../src/model/visit.js";
import { walkType } from "../../src/model/walk.js";
import { array, at, intersection, lit, map, number, object, prop, ref, string, union } from "../emit/builders.js";
import { checkVirtualProgram, formatProgramDiagnostic } from "../support/virtual-program.js";

const experimental = { reason: "r" };
const hidden: Property = { ...prop("hidden", lit("h")), experimental };
const shown = prop("shown", array(string));
const marked: UnionMember = { type: lit("m"), experimental, docs: { description: "", tags: {} }, location: at };

/** One node of every kind that has children. */
const withTuple = { kind: "tuple", elements: [string, number], required: 1, rest: lit(true) } as const satisfies TypeNode;
const operator: TypeNode = {
  kind: "operator",
  operator: { op: "indexed", object: ref("Thread"), index: lit("id") },
  location: at,
};
const everything = object([shown, hidden, prop("pair", withTuple), prop("both", intersection(ref("A"), map(number)))], union(lit("x"), marked, operator));

const same = (child: TypeNode) => child;

function childTypes(type: TypeNode): TypeNode[] {
  const children: TypeNode[] = [];
  forEachChild(type, { type: (child) => children.push(child) });
  return children;
}

describe("forEachChild", () => {
  it("hands each direct child over in source order, fields and members through their holders", () => {
    const seen: string[] = [];
    forEachChild(everything, {
      type: (child) => seen.push(`type ${child.kind}`),
      property: (property) => seen.push(`property ${property.name}`),
    });
    expect(seen).toEqual(["property shown", "property hidden", "property pair", "property both", "type union"]);
    const members: [unknown, number][] = [];
    forEachChild(union(lit("x"), marked), { type: () => {}, member: (member, index) => members.push([member.type, index]) });
    expect(members).toEqual([[lit("x"), 0], [lit("m"), 1]]);
  });

  it("visits a holder's type when no holder handler is given", () => {
    expect(childTypes(everything).map((child) => child.kind)).toEqual(["array", "literal", "tuple", "intersection", "union"]);
    expect(childTypes(withTuple)).toEqual([string, number, lit(true)]);
    expect(childTypes(operator)).toEqual([ref("Thread"), lit("id")]);
    expect(childTypes(ref("A"))).toEqual([]);
  });
});

describe("walkType", () => {
  it("visits every node depth first, the node before its children, operator operands included", () => {
    const kinds: string[] = [];
    walkType(everything, (node) => kinds.push(node.kind === "literal" ? `literal ${String(node.value)}` : node.kind));
    expect(kinds).toEqual([
      "object",
      "array",
      "primitive",
      "literal h",
      "tuple",
      "primitive",
      "primitive",
      "literal true",
      "intersection",
      "ref",
      "map",
      "primitive",
      "union",
      "literal x",
      "literal m",
      "operator",
      "ref",
      "literal id",
    ]);
  });
});

describe("mapChildren", () => {
  it("returns every node itself when its children come back as they were", () => {
    const nodes: TypeNode[] = [];
    walkType(everything, (node) => nodes.push(node));
    for (const node of nodes) expect(mapChildren(node, { type: same })).toBe(node);
    expect(mapChildren(everything, { type: same, property: (property) => property, member: (member) => member })).toBe(everything);
  });

  it("copies only the nodes on the way to a change, sharing the rest", () => {
    const widen = (type: TypeNode): TypeNode =>
      type.kind === "literal" && type.value === "id" ? string : mapChildren(type, { type: widen });
    const result = widen(everything);
    expect(result).not.toBe(everything);
    if (result.kind !== "object" || everything.kind !== "object") throw new Error("not an object");
    expect(result.properties).toBe(everything.properties);
    const before = everything.additional;
    const after = result.additional;
    if (before?.kind !== "union" || after?.kind !== "union") throw new Error("not a union");
    expect(after.members[2]!.type).toEqual({ ...operator, operator: { op: "indexed", object: ref("Thread"), index: string } });
    expect(after.members[0]).toBe(before.members[0]);
    expect(after.members[1]).toBe(before.members[1]);
  });

  it("drops the fields and members a holder handler returns undefined for, and passes member indexes", () => {
    const indexes: number[] = [];
    const stripped = mapChildren(everything, {
      type: same,
      property: (property) => (property.experimental ? undefined : property),
    });
    expect(stripped.kind === "object" && stripped.properties.map((property) => property.name)).toEqual(["shown", "pair", "both"]);
    const members = mapChildren(union(lit("x"), marked, lit("y")), {
      type: same,
      member: (member, index) => {
        indexes.push(index);
        return member.experimental ? undefined : member;
      },
    });
    expect(members).toEqual(union(lit("x"), lit("y")));
    expect(indexes).toEqual([0, 1, 2]);
  });

  it("rewrites tuple elements and rest, map values, array elements and intersection members", () => {
    const toNumber = (type: TypeNode): TypeNode => (type.kind === "primitive" && type.name === "string" ? number : type);
    expect(mapChildren(withTuple, { type: toNumber })).toEqual({ ...withTuple, elements: [number, number] });
    expect(mapChildren(map(string), { type: toNumber })).toEqual(map(number));
    expect(mapChildren(array(string), { type: toNumber })).toEqual(array(number));
    expect(mapChildren(intersection(string, ref("A")), { type: toNumber })).toEqual(intersection(number, ref("A")));
  });
});

describe("withChildType", () => {
  it("keeps the holder when its type is unchanged and copies it otherwise", () => {
    expect(withChildType(shown, shown.type)).toBe(shown);
    expect(withChildType(shown, number)).toEqual({ ...shown, type: number });
  });
});

describe("visitType", () => {
  const describeKinds: TypeVisitor<string, [string]> = {
    primitive: (type, prefix) => `${prefix}${type.name}`,
    literal: (type, prefix) => `${prefix}${JSON.stringify(type.value)}`,
    ref: (type, prefix) => `${prefix}${type.target}`,
    array: (type, prefix) => `${prefix}${visitType(type.element, describeKinds, "")}[]`,
    tuple: (_type, prefix) => `${prefix}tuple`,
    map: (_type, prefix) => `${prefix}map`,
    object: (_type, prefix) => `${prefix}object`,
    union: (_type, prefix) => `${prefix}union`,
    intersection: (_type, prefix) => `${prefix}intersection`,
    operator: (type, prefix) => `${prefix}${type.operator.op}`,
  };

  it("calls the handler of the node's kind with the node and the arguments", () => {
    expect(visitType(array(ref("A")), describeKinds, "> ")).toBe("> A[]");
    expect(visitType(operator, describeKinds, "")).toBe("indexed");
    expect(visitType(union(string), describeKinds, "-")).toBe("-union");
  });

  it("is a compile error when a visitor leaves out a kind", () => {
    const source = (file: string) => readFileSync(new URL(`../../src/${file}`, import.meta.url), "utf8");
    const files = new Map([
      ["src/immutable.ts", source("immutable.ts")],
      ["src/model/types.ts", source("model/types.ts")],
      ["src/model/visit.ts", source("model/visit.ts")],
      [
        "src/check.ts",
        `import type { TypeVisitor } from "./model/visit.js";
export const partial: TypeVisitor<string> = {
  primitive: () => "", literal: () => "", ref: () => "", array: () => "", tuple: () => "",
  object: () => "", union: () => "", intersection: () => "", operator: () => "",
};
`,
      ],
    ]);
    const diagnostics = checkVirtualProgram(files, "bundler").map(formatProgramDiagnostic);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/^src\/check\.ts\(2,14\): .*Property 'map' is missing/);
  });
});
