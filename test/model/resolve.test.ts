import { describe, expect, it } from "vitest";
import { enumAsUnion, followAliases, mergedProperties, objectParts, type FindDeclaration } from "../../src/model/resolve.js";
import type { Declaration, TypeNode } from "../../src/model/types.js";
import { alias, enumeration, intersection, lit, map, number, object, prop, ref, string, union } from "../emit/builders.js";

function finder(...declarations: Declaration[]): FindDeclaration {
  const byId = new Map(declarations.map((declaration) => [declaration.id, declaration]));
  return (id) => byId.get(id);
}

const pointFields = [prop("x", number), prop("y", number)];
const point = object(pointFields);
const nameFields = [prop("name", string)];
const named = object(nameFields);

describe("followAliases", () => {
  const find = finder(
    alias("Point", point),
    alias("Where", ref("Point")),
    enumeration("Color", [["Red", "red"]]),
    alias("Paint", ref("Color")),
    alias("Loop", ref("Again")),
    alias("Again", ref("Loop")),
  );

  it("follows a chain of aliases to the type it names", () => {
    expect(followAliases(ref("Where"), find)).toBe(point);
    expect(followAliases(point, find)).toBe(point);
  });

  it("stops at a reference to an enum, to a missing declaration, or that closes a cycle", () => {
    expect(followAliases(ref("Paint"), find)).toEqual(ref("Color"));
    expect(followAliases(ref("Nowhere"), find)).toEqual(ref("Nowhere"));
    expect(followAliases(ref("Loop"), find)).toEqual(ref("Loop"));
  });

  it("records the aliases it follows in a shared set and stops at those already there", () => {
    const followed = new Set<string>();
    expect(followAliases(ref("Where"), find, followed)).toBe(point);
    expect([...followed]).toEqual(["Where", "Point"]);
    expect(followAliases(ref("Point"), find, followed)).toEqual(ref("Point"));
  });
});

describe("enumAsUnion", () => {
  it("is the union of the enum's values, marks kept, made once per declaration", () => {
    const color = enumeration("Color", [["Red", "red"], ["Blue", 2]]);
    if (color.kind !== "enum") throw new Error("not an enum");
    const marked = { ...color, members: [color.members[0]!, { ...color.members[1]!, experimental: { reason: "blue" } }] };
    const made = enumAsUnion(marked);
    expect(made.members.map((member) => [member.type, member.experimental])).toEqual([
      [lit("red"), undefined],
      [lit(2), { reason: "blue" }],
    ]);
    expect(enumAsUnion(marked)).toBe(made);
  });
});

describe("objectParts", () => {
  const find = finder(
    alias("Point", point),
    alias("Named", named),
    alias("Via", ref("Point")),
    alias("Both", intersection(ref("Named"), object([prop("z", number)]))),
    alias("Words", map(string)),
    alias("Choice", union(lit("a"), lit("b"))),
    alias("Wrapped", ref("Choice")),
    enumeration("Color", [["Red", "red"]]),
    alias("Self", intersection(ref("Self"), named)),
  );

  it("flattens nested intersections and inlines aliases, naming the innermost alias each part is written in", () => {
    const inline = object([prop("id", string)]);
    const { parts, problems } = objectParts(intersection(inline, intersection(ref("Via"), ref("Both")), ref("Words")), find);
    expect(problems).toEqual([]);
    expect(parts).toEqual([
      inline,
      { properties: pointFields, additional: undefined, declaredIn: "Point" },
      { properties: nameFields, additional: undefined, declaredIn: "Named" },
      { properties: [prop("z", number)], additional: undefined, declaredIn: "Both" },
      { properties: [], additional: string, declaredIn: "Words" },
    ]);
    // An object written in place is its own part, not a copy.
    expect(parts[0]).toBe(inline);
  });

  it("is the object itself, or a map's values as the other keys", () => {
    expect(objectParts(point, find)).toEqual({ parts: [point], problems: [] });
    expect(objectParts(map(number), find).parts).toEqual([{ properties: [], additional: number }]);
  });

  it("inlines an alias each time it is named, and a reference closing a cycle adds nothing", () => {
    expect(objectParts(intersection(ref("Point"), ref("Point")), find).parts).toHaveLength(2);
    expect(objectParts(ref("Self"), find)).toEqual({ parts: [{ properties: nameFields, additional: undefined, declaredIn: "Self" }], problems: [] });
    expect(objectParts(ref("Missing"), find)).toEqual({ parts: [], problems: [] });
  });

  it("names what is not an object, with the aliases followed to it", () => {
    const { parts, problems } = objectParts(intersection(string, ref("Wrapped"), ref("Color"), ref("Named")), find);
    expect(parts).toHaveLength(1);
    expect(problems.map((problem) => [problem.aliases.map((declaration) => declaration.name), problem.found.kind])).toEqual([
      [[], "type"],
      [["Wrapped", "Choice"], "type"],
      [[], "enum"],
    ]);
    const [primitive, choice, color] = problems;
    expect(primitive!.found).toEqual({ kind: "type", type: string });
    expect(choice!.found.kind === "type" && choice!.found.type.kind).toBe("union");
    expect(color!.found.kind === "enum" && color!.found.declaration.name).toBe("Color");
  });
});

describe("mergedProperties", () => {
  it("lets a later part's property replace an earlier one of the same name, in the earlier one's place", () => {
    const first = object([prop("a", string), prop("b", string)]);
    const second = object([prop("c", number), prop("a", number)]);
    const { parts } = objectParts(intersection(first, second), finder());
    expect(mergedProperties(parts).map((property) => [property.name, (property.type as Extract<TypeNode, { kind: "primitive" }>).name])).toEqual([
      ["a", "number"],
      ["b", "string"],
      ["c", "number"],
    ]);
  });

  it("hands a single part's properties back as they are", () => {
    const { parts } = objectParts(point, finder());
    expect(mergedProperties(parts)).toBe(parts[0]!.properties);
    expect(mergedProperties([])).toEqual([]);
  });
});
