import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { preimagesOf } from "../support/json-image.js";
import { wireEnums } from "../support/operator-enums.js";
import { definitionValidators, emitBundle, typeScriptVerdicts, type Sample, type SampleFile } from "../support/operator-oracles.js";
import { renderScenario, scenarioBlueprint, type RenderedScenario } from "../support/operator-scenario.js";
import { baseValue, mutate, randomSource, sampleSchema, type Json } from "../support/operator-values.js";

/**
 * The design's judge of meaning, applied to type operators: for a type and a
 * JSON value, the emitted JSON Schema accepts the value exactly when
 * TypeScript accepts it as that type. First a table of examples per construct
 * (each expected verdict is checked against both judges), then random
 * declaration files composing the operators, with values guessed from the
 * base interfaces and from the emitted schemas and then mutated; every file's
 * values go through one TypeScript program. SG_PROPERTY_RUNS sets the number
 * of runs (default 40). The runs are drawn from a seed made from the commit
 * checked out, so a commit's runs are the same on every machine and a failure
 * can be repeated; SG_PROPERTY_SEED draws others.
 */

const NUM_RUNS = Number(process.env.SG_PROPERTY_RUNS ?? 40);
const SEED = process.env.SG_PROPERTY_SEED === undefined ? commitSeed() : Number(process.env.SG_PROPERTY_SEED);

/** The first 32 bits of the commit checked out; undefined (a random seed) outside a git checkout. */
function commitSeed(): number | undefined {
  try {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: import.meta.dirname, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    return Number.parseInt(commit.slice(0, 8), 16) | 0;
  } catch {
    return undefined;
  }
}

interface OperatorExample {
  readonly name: string;
  /** Ends with the alias under test on the last line. */
  readonly declarations: string;
  readonly alias: string;
  readonly accepted: readonly unknown[];
  readonly rejected: readonly unknown[];
  /** A limit of JSON Schema, documented: the schema means something else than the type. */
  readonly knownDifference?: "meaning";
}

const THREAD = "export interface Thread { id: string; count?: number; mode: \"a\" | \"b\"; tags: string[]; parent: string | null }\n";
const COLOR = 'export enum Color { Red = "red", Green = "green" }\n';
type Known = OperatorExample["knownDifference"];
const example = (name: string, declarations: string, accepted: unknown[], rejected: unknown[], knownDifference?: Known): OperatorExample => ({
  name,
  declarations,
  alias: /export type (\w+)[^\n]*\n$/.exec(declarations)![1]!,
  accepted,
  rejected,
  ...(knownDifference ? { knownDifference } : {}),
});
const thread = { id: "t", mode: "a", tags: [], parent: null };
const TREE = "export interface Tree<T> { value: T; children: Tree<T>[] }\n";
const tree = (value: unknown, ...children: unknown[]) => ({ value, children });
const leaf = (value: unknown) => tree(value);

const OPERATOR_EXAMPLES: readonly OperatorExample[] = [
  example("typeof literal const", 'export const NAME = "thread";\nexport type T = typeof NAME;\n', ["thread"], ["turn", 1]),
  example("typeof as const object", 'export const C = { a: 1, b: ["x", "y"] } as const;\nexport type T = typeof C;\n',
    [{ a: 1, b: ["x", "y"] }], [{ a: 2, b: ["x", "y"] }, { a: 1, b: ["y", "x"] }, { a: 1, b: ["x", "y"], c: 1 }, { a: 1 }]),
  example("typeof as const array", 'export const M = ["x", 2] as const;\nexport type T = typeof M;\n', [["x", 2]], [["x"], ["x", 2, 2], [2, "x"]]),
  example("typeof enum", `${COLOR}export type T = typeof Color;\n`, [{ Red: "red", Green: "green" }], [{ Red: "red" }, { Red: "green", Green: "green" }]),
  example("keyof", `${THREAD}export type T = keyof Thread;\n`, ["id", "count", "parent"], ["x", 1]),
  example("keyof an index signature", "export type T = keyof { [key: string]: number };\n", ["a", 2], [true]),
  example("keyof Record<string, V> is string only", "export type T = keyof Record<string, number>;\n", ["a"], [2]),
  example("keyof typeof", 'export const C = { a: 1, b: 2 } as const;\nexport type T = keyof typeof C;\n', ["a", "b"], ["c"]),
  example("indexed access", `${THREAD}export type T = Thread["mode"];\n`, ["a", "b"], ["c"]),
  example("indexed access, optional", `${THREAD}export type T = Thread["count"];\n`, [1], ["1", null]),
  example("indexed access, literal union", `${THREAD}export type T = Thread["id" | "parent"];\n`, ["x", null], [1]),
  example("indexed access, number", `${THREAD}export type T = Thread["tags"][number];\n`, ["x"], [1, ["x"]]),
  example("(typeof C)[number]", 'export const M = ["x", "y"] as const;\nexport type T = (typeof M)[number];\n', ["x", "y"], ["z"]),
  example("Partial", `${THREAD}export type T = Partial<Thread>;\n`, [{}, { id: "x" }], [{ id: 1 }, { other: 1 }]),
  example("Required", `${THREAD}export type T = Required<Thread>;\n`, [{ ...thread, count: 1 }], [thread]),
  example("Readonly", `${THREAD}export type T = Readonly<Thread>;\n`, [thread], [{ ...thread, id: 1 }]),
  example("Pick", `${THREAD}export type T = Pick<Thread, "id" | "count">;\n`, [{ id: "x" }, { id: "x", count: 2 }], [{}, { id: "x", mode: "a" }]),
  example("Omit", `${THREAD}export type T = Omit<Thread, "tags" | "parent">;\n`, [{ id: "x", mode: "b" }], [{ id: "x", mode: "b", tags: [] }, { id: "x" }]),
  example("Record of literal keys", 'export type T = Record<"a" | "b", number>;\n', [{ a: 1, b: 2 }], [{ a: 1 }, { a: 1, b: 2, c: 3 }, { a: 1, b: "2" }]),
  example("Record of string", "export type T = Record<string, number>;\n", [{}, { x: 1 }], [{ x: "1" }, [1]]),
  example("Exclude", `${THREAD}export type T = Exclude<keyof Thread, "id" | "tags">;\n`, ["count", "mode"], ["id", "tags"]),
  example("Extract", `${THREAD}export type T = Extract<keyof Thread, "id" | "nope">;\n`, ["id"], ["nope", "mode"]),
  example("Extract leaving never", 'export type T = Extract<string, "a">;\n', [], ["a"]),
  example("Exclude leaving never", 'export type T = Exclude<"a" | "b", "a" | "b">;\n', [], ["a"]),
  example("NonNullable", `${THREAD}export type T = NonNullable<Thread["parent"]>;\n`, ["x"], [null]),
  example("Uppercase", 'export type T = Uppercase<"ab" | "c">;\n', ["AB", "C"], ["ab"]),
  example("Capitalize of keyof", `${THREAD}export type T = Capitalize<keyof Thread>;\n`, ["Id", "Tags"], ["id"]),
  example("Uncapitalize and Lowercase", 'export type T = Uncapitalize<"AB"> | Lowercase<"CD">;\n', ["aB", "cd"], ["AB", "ab"]),
  example("mapped ?", `${THREAD}export type T = { [K in "a" | "b"]?: number };\n`, [{}, { a: 1 }], [{ c: 1 }, { a: "1" }]),
  example("mapped -? homomorphic", `${THREAD}export type T = { [K in keyof Thread]-?: Thread[K] };\n`, [{ ...thread, count: 1 }], [thread]),
  example("mapped readonly homomorphic", `${THREAD}export type T = { readonly [K in keyof Thread]: Thread[K] };\n`, [thread, { ...thread, count: 3 }], [{ id: "x" }]),
  example("mapped as remapping", `${THREAD}export type T = { [K in keyof Thread as \`get\${Capitalize<K>}\`]: Thread[K] };\n`,
    [{ getId: "x", getMode: "a", getTags: [], getParent: null }], [{ id: "x", mode: "a", tags: [], parent: null }]),
  example("mapped as filtering", `${THREAD}export type T = { [K in keyof Thread as Exclude<K, "tags">]: Thread[K] };\n`,
    [{ id: "x", mode: "a", parent: "p" }], [thread]),
  example("conditional, distributive", 'export type Wrap<T> = T extends string ? { s: T } : { n: T };\nexport type T = Wrap<"a" | 1>;\n',
    [{ s: "a" }, { n: 1 }], [{ s: "b" }, { n: 2 }]),
  example("conditional, distributive: each branch sees its member",
    'export type Wrap<T> = T extends string ? { s: T } : { n: T };\nexport type T = Wrap<"a" | 1>;\n', [], [{ s: 1 }, { n: "a" }]),
  example("conditional, infer", 'export type Elem<T> = T extends (infer U)[] ? U : never;\nexport type T = Elem<string[]>;\n', ["x"], [1]),
  example("conditional, not distributive", 'export type Is<T> = [T] extends [string] ? "yes" : "no";\nexport type T = Is<"a" | 1>;\n', ["no"], ["yes"]),
  example("template, finite", 'export type T = `${"a" | "b"}-${1 | 2}`;\n', ["a-1", "b-2"], ["a-3", "c-1"]),
  example("template, string", "export type T = `item-${string}`;\n", ["item-", "item-x"], ["items", "x"]),
  example("template, number", "export type T = `v${number}`;\n", ["v1", "v-1.5", "v1e3", "v0x1F"], ["v", "vx", "v1x"]),
  example("template, number: blank", "export type T = `v${number}`;\n", ["v ", "v \t"], []),
  example("template, number: what Number() reads", "export type T = `v${number}`;\n",
    ["v1e3", "v-1", "v.5", "v0x10", "v 1", "v1.", "v+.5", "v0b1", "v0o7", "v1E-3"], ["v", "v-0x10", "vInfinity", "v1_0", "v1 2", "v0x", "v.", "vNaN"]),
  example("Uppercase<string>", "export type T = Uppercase<string>;\n", ["ABC", "A-1", ""], ["aBC", "Ab"]),
  example("Lowercase<string>", "export type T = Lowercase<string>;\n", ["abc", "a-1", ""], ["aBC"]),
  example("Capitalize<string>", "export type T = Capitalize<string>;\n", ["Abc", "", "1a", "ABC"], ["abc"]),
  example("Uncapitalize<string>", "export type T = Uncapitalize<string>;\n", ["abc", "", "aBC"], ["Abc"]),
  example("intrinsic of a template", "export type T = Lowercase<`v${number}`>;\n", ["v1e3", "v0x1f", "v1"], ["V1", "v1E3", "v0X1F"]),
  example("intrinsic in a template", "export type T = `x-${Uppercase<string>}`;\n", ["x-AB", "x-"], ["x-ab", "X-AB"]),
  example("template, number: overflow", "export type T = `v${number}`;\n", [], ["v1e999"], "meaning"),
  example("tuple, optional", "export type T = [string, number?];\n", [["a"], ["a", 1]], [[], ["a", "b"], ["a", 1, 2]]),
  example("tuple, rest", "export type T = [string, ...number[]];\n", [["a"], ["a", 1, 2]], [[], ["a", "b"]]),
  example("tuple, optional and rest", "export type T = [string, number?, ...boolean[]];\n", [["a"], ["a", 1, true]], [["a", true], [1]]),
  example("tuples intersected, optional and rest", "export type T = [string, number?] & [string, ...number[]];\n", [["a"], ["a", 1]], [[], ["a", 1, 2], ["a", "b"]]),
  example("tuple and array intersected", "export type T = [string, ...number[]] & string[];\n", [["a"]], [[], ["a", 1], [1]]),
  example("tuples intersected, an optional element with no value left", "export type T = [string, number?] & [string, string?];\n", [["a"]], [["a", 1], ["a", "b"], []]),
  example("tuples of different lengths intersected", "export type T = [string] & [string, number];\n", [], [["a"], ["a", 1], []]),
  example("intersection, an optional property with no value left stays optional",
    "export interface A { mode?: string; name: string }\nexport interface B { mode?: 1 | 2 }\nexport type T = A & B;\n",
    [{ name: "x" }], [{}, { name: "x", mode: "a" }, { name: "x", mode: 1 }]),
  example("Omit of an intersection keeps required properties required",
    "export interface A { mode?: string; name: string | null }\nexport interface B { mode?: 1 | 2 }\nexport type T = Omit<A & Omit<B, \"zz\">, \"mode\">;\n",
    [{ name: null }, { name: "x" }], [{}, { name: 1 }]),
  example("keyof a homomorphic mapping of Record<string, V>", "export type T = keyof Partial<Record<string, number>>;\n", ["a"], [1, true]),
  example("keyof Omit of an index signature", 'export type T = keyof Omit<{ [key: string]: number }, "zz">;\n', ["a", 1], [true, null]),
  example("keyof Omit of Record<string, V>", 'export type T = keyof Omit<Record<string, number>, "zz">;\n', ["a"], [1]),
  example("Omit of an intersection whose literal property meets an object (a brand, not never)",
    'export interface B { count: number }\nexport type T = Omit<{ id: string } & { extra: "on" | "off" } & { extra: B }, "extra">;\n',
    [{ id: "x" }], [{}, { id: 1 }]),
  example("keyof an intersection with Record<string, V>", "export interface A { alpha: 1 }\nexport type T = keyof (A & Record<string, number>);\n", ["alpha", "b"], [1]),
  example("keyof an intersection with an index signature", "export interface A { alpha: 1 }\nexport type T = keyof (A & { [key: string]: number });\n", ["b", 1], [true]),
  example("a primitive with an object of optional properties", "export interface W { meta?: number[]; mode?: string }\nexport type T = string & W;\n", ["green", ""], [1, {}, null]),
  example("a literal with an object of optional properties", "export interface W { meta?: number[] }\nexport type T = (\"a\" | 1) & W;\n", ["a", 1], ["b", 2, {}]),
  example("an index signature whose type admits undefined constrains properties by its JSON values",
    "export interface B { flag: { a: 1 }; name?: string }\nexport type T = (B & { [key: string]: B[\"name\"] }) & B;\n", [], [{ flag: { a: 1 } }, {}, { name: "x" }]),
  example("an index signature whose type admits undefined, properties within it", "export interface B { name?: string }\nexport type T = B & { [key: string]: B[\"name\"] };\n", [{}, { name: "x", y: "z" }], [{ name: 1 }, { y: 2 }]),
  example("a property of a weak object type under a literal index signature",
    'export interface W { meta?: "a" | "b" }\nexport type T = Record<string, "On" | "Off"> & { extra?: W };\n', [{}, { x: "On" }], [{ extra: "Off" }, { extra: {} }]),
  example("a literal beside its primitive under a literal index signature (`string | \"x\"` is `string`, so the literal widens)",
    'export type T = { a?: string | "x"; b?: number | 1 } & { [key: string]: "x" | 1 };\n', [{}, { c: "x" }, { c: 1 }], [{ a: "x" }, { b: 1 }, { a: "z" }]),
  example("a property intersected with a literal loses the `undefined` of its other declaration, so `-?` leaves it required",
    'export interface B { a?: { x: string } }\nexport type M = B & { e: B["a"] } & { e: "k" };\nexport type T = { [K in keyof M as `get${Capitalize<K & string>}`]-?: M[K] };\n',
    [], [{ getA: { x: "1" } }, {}, { getA: { x: "1" }, getE: "k" }]),
  example("an enum property under an index signature whose union names the enum beside a literal",
    `${COLOR}export type T = { id: Color } & { [key: string]: Color | "a" | number[] };\n`, [{ id: "green" }, { id: "red", x: "a" }, { id: "red", y: [1] }], [{ id: "a" }, { id: "green", x: "z" }]),
  example("a property of a nullable primitive type under a literal index signature (the literal widens)",
    'export interface B { id?: string | null }\nexport type T = B & { [key: string]: "Fast" | "Slow" };\n', [{}, { x: "Fast" }], [{ id: "Fast" }, { id: null }]),
  example("a property of a literal union under a primitive index signature",
    'export interface B { id?: "a" | 1 }\nexport type T = B & { [key: string]: string };\n', [{}, { id: "a" }], [{ id: 1 }]),
  example("a string mapping over a template maps its texts and holes", "export type T = Uppercase<`x-${string}`>;\n", ["X-AB", "X-"], ["x-AB", "X-ab"]),
  example("string mappings stacked: the outermost acting at each position decides", "export type T = Uncapitalize<Capitalize<string>>;\n", ["v", "vX", ""], ["V", "Vx"]),
  example("string mappings stacked, first character and the rest", "export type T = Capitalize<Lowercase<string>>;\n", ["Ab", "1b", ""], ["AB", "ab"]),
  example("a string mapping over a number placeholder", "export type T = Uppercase<`${number}-${string}`>;\n", ["1-AB", "1E5-X", "0XFF-"], ["1e5-X", "1-a", "0xff-"]),
  example("Capitalize of a template that starts with a placeholder", "export type T = Capitalize<`${string}-x`>;\n", ["A-x", "-x"], ["a-x", "A-X"]),
  example("Lowercase of a template within a template", "export type T = `k:${Lowercase<`${string}_${number}`>}`;\n", ["k:ab_1", "k:_1e3"], ["k:Ab_1", "k:a_1E3", "ab_1"]),
  example("object", "export type T = object;\n", [{}, { a: 1 }, []], [1, "x", null]),
  example("intersection distributing over a union", 'export type T = ({ a: string } | { b: number }) & { c: boolean };\n',
    [{ a: "x", c: true }, { b: 1, c: false }], [{ a: "x" }, { c: true }, { a: "x", c: true, d: 1 }]),
  example("intersection with an index signature", 'export type T = { id: string } & { [key: string]: string };\n',
    [{ id: "x" }, { id: "x", other: "y" }], [{}, { id: "x", other: 1 }]),
  example("intersection: an index signature constrains the declared properties", 'export type T = { id: string } & { [key: string]: number };\n',
    [], [{ id: "x" }, { id: 1 }]),
  example("intersection: Record<string, V> constrains the other side's properties", "export type T = Record<string, number> & { extra: string };\n",
    [], [{ extra: "x" }]),
  example("intersection: a literal property widens to the declared type", "export type T = { n: number } & Record<string, 1 | 2>;\n",
    [], [{ n: 1 }, { n: 3 }]),
  example("intersection: plain, shared property", 'export type T = { a: string } & { a: "x" };\n', [{ a: "x" }], [{ a: "y" }]),
  example("intersection: Partial sees both sides of a shared property", 'export type T = Partial<{ a: string } & { a: "x" }>;\n',
    [{ a: "x" }, {}], [{ a: "y" }]),
  example("intersection: Pick sees both sides of a shared property", 'export type T = Pick<{ a: string } & { a: "x" }, "a">;\n',
    [{ a: "x" }], [{ a: "y" }]),
  example("intersection: indexed access sees both sides", 'export type T = ({ a: string } & { a: "x" })["a"];\n', ["x"], ["y"]),
  example("intersection: disjoint literal properties make never", 'export type T = Partial<{ a: "x" } & { a: "y" }>;\n', [], [{}, { a: "x" }]),
  example("index signature keyed by a template literal", "export type T = { id: string; [key: `x-${string}`]: number };\n",
    [{ id: "a" }, { id: "a", "x-b": 1, "x-": 2 }], [{}, { id: "a", "x-b": "1" }, { id: "a", other: 1 }]),
  example("template literal key matching a named property", "export type T = { \"x-a\": 1 | 2; [key: `x-${string}`]: number };\n",
    [{ "x-a": 1 }, { "x-a": 2, "x-b": 3 }], [{ "x-a": 3 }, {}, { "x-a": 1, "x-b": "3" }]),
  example("template literal keys beside a string index", "export type T = { [key: string]: string | number; [key: `n${number}`]: number };\n",
    [{}, { a: "x", n1: 1, n: "y" }], [{ n1: "x" }, { a: true }]),
  example("two template literal keys matching one name", "export type T = { [key: `a${string}`]: string | number; [key: `${string}z`]: string | boolean };\n",
    [{ az: "x", ab: 1, bz: true }], [{ az: 1 }, { az: true }, { b: "x" }]),
  example("Record of a template literal", "export type T = Record<`on${Capitalize<string>}`, boolean>;\n",
    [{}, { onClick: true, on: false }], [{ onclick: true }, { onClick: 1 }]),
  example("intersection: a template literal key constrains the other side", "export type T = { env: \"dev\" | \"test\" } & { [key: `e${string}`]: \"dev\" | \"prod\" };\n",
    [{ env: "dev" }, { env: "dev", ex: "prod" }], [{ env: "test" }, { env: "dev", ex: "test" }, { env: "dev", other: "dev" }]),
  example("intersection: a template literal key and a string index", "export type T = { [key: string]: string | number } & { [key: `x-${string}`]: number | boolean };\n",
    [{ "x-a": 1, b: "s" }], [{ "x-a": "s" }, { "x-a": true }, { b: true }]),
  example("intersection: a template literal key and a widened property", "export type T = { a: string } & { [key: `a${string}`]: \"a\" | \"b\" };\n",
    [], [{ a: "a" }, { a: "x" }]),
  example("keyof keeps a template literal key", "export type T = keyof { id: string; [key: `x-${string}`]: number };\n",
    ["id", "x-", "x-b"], ["y", 1]),
  example("keyof: a template literal key takes in the names it matches", "export interface H { \"x-id\": string; [key: `x-${string}`]: string }\nexport type T = Omit<H, \"none\">;\n",
    [{}, { "x-b": "c" }], [{ "x-id": 1 }, { y: "c" }]),
  example("indexed access by a name a template literal key matches", "export type T = { id: string; [key: `x-${string}`]: number }[\"x-y\"];\n", [1], ["1"]),
  example("mapped as remapping a template literal key", "export interface H { id: string; [key: `x-${string}`]: number }\n" +
    "export type T = { [K in keyof H as `get${Capitalize<K & string>}`]: H[K] };\n",
    [{ getId: "a" }, { getId: "a", "getX-b": 1 }], [{ getId: "a", "getx-b": 1 }, { getId: "a", "getX-b": "1" }, {}]),
  example("mapped as remapping a string index to a pattern", "export interface H { id: string; [key: string]: string }\n" +
    "export type T = { [K in keyof H as `get${Capitalize<K & string>}`]: H[K] };\n",
    [{ getId: "a" }, { getId: "a", getOther: "b", get: "c" }], [{ getId: "a", other: "b" }, { getId: "a", getother: "b" }, { getId: "a", getB: 1 }]),
  example("Capitalize of a template with a head", "export type T = Capitalize<`n-${number}`>;\n", ["N-1", "N-0x1f"], ["n-1", "N-x"]),
  example("Uppercase of a template with texts", "export type T = Uppercase<`a${string}-b`>;\n", ["A-B", "AXY-B"], ["a-b", "Ax-B", "A-b"]),
  example("enum with constant expressions", "export enum Flags { None = 0, Read = 1 << 0, Write = 1 << 1, Both = Read | Write }\nexport type T = Flags;\n",
    [0, 1, 2, 3], [4, "1"]),
  example("enum member", `${COLOR}export type T = Color.Green;\n`, ["green"], ["red"]),
  example("recursive generic, through an array", `${TREE}export type T = Tree<string>;\n`,
    [leaf("a"), tree("a", tree("b", tree("c", leaf("d"), leaf("e"))))],
    [tree("a", tree("b", tree("c", leaf(1)))), tree("a", tree("b", { value: "c" })), tree("a", tree("b", { ...leaf("c"), other: 1 }))]),
  example("recursive generic at two argument lists", `${TREE}export type T = { s: Tree<string>; n: Tree<number> };\n`,
    [{ s: tree("a", leaf("b")), n: tree(1, tree(2, leaf(3))) }], [{ s: tree("a", leaf(1)), n: leaf(1) }, { s: leaf("a"), n: tree(1, tree(2, leaf("3"))) }]),
  example("recursive generics, mutually through a union",
    "export type A<T> = { b?: B<T> };\nexport type B<T> = { a: A<T> | null };\nexport type T = A<number>;\n",
    [{}, { b: { a: null } }, { b: { a: { b: { a: { b: { a: null } } } } } }], [{ b: {} }, { b: { a: { b: { a: 1 } } } }, { b: { a: { b: { a: { c: 1 } } } } }]),
  example("recursive generic, through a tuple", "export type List<T> = [T, List<T>] | null;\nexport type T = List<string>;\n",
    [null, ["a", ["b", ["c", null]]]], [["a", ["b"]], ["a", ["b", [1, null]]], ["a", null, null]]),
  example("recursive generic, through an index signature", "export type Dict<T> = { [key: string]: T | Dict<T> };\nexport type T = Dict<number>;\n",
    [{}, { a: 1, b: { c: 2, d: { e: {} } } }], [{ a: { b: { c: "x" } } }, { a: [1] }]),
  example("recursive generic, through an intersection", "export type Chain<T> = { value: T } & { next?: Chain<T> };\nexport type T = Chain<boolean>;\n",
    [{ value: true }, { value: true, next: { value: false, next: { value: true } } }],
    [{ value: true, next: { value: true, next: { value: 1 } } }, { value: true, next: { next: { value: true } } }, { value: true, next: { value: true, extra: 1 } }]),
  example("recursive generic, through another generic", `${TREE}export interface Page<T> { items: T[]; next: string | null }\nexport interface Paged<T> { value: T; page: Page<Paged<T>> }\nexport type T = Paged<string>;\n`,
    [{ value: "a", page: { items: [{ value: "b", page: { items: [], next: null } }], next: "n" } }],
    [{ value: "a", page: { items: [{ value: "b", page: { items: [{ value: 1, page: { items: [], next: null } }], next: null } }], next: null } }]),
  example("Partial of a recursive generic instance", `${TREE}export type T = Partial<Tree<string>>;\n`,
    [{}, { children: [tree("a", leaf("b"))] }], [{ children: [{ value: "a" }] }, { value: 1 }]),
  example("Omit of a recursive generic instance", "export type Node<T> = { id: T; next: Node<T> | null; extra: string };\nexport type T = Omit<Node<number>, \"extra\">;\n",
    [{ id: 1, next: { id: 2, next: { id: 3, next: null, extra: "y" }, extra: "x" } }], [{ id: 1, next: null, extra: "x" }, { id: 1, next: { id: 2, next: null } }]),
  example("conditional and indexed access over a recursive generic instance",
    `${TREE}export type Kids<X> = X extends { children: unknown[] } ? X["children"] : never;\nexport type T = Kids<Tree<string>>;\n`,
    [[], [tree("a", leaf("b"))]], [[tree("a", leaf(2))], leaf("a")]),
  example("indexed access into a recursive generic instance", `${TREE}export type T = Tree<string>["children"][number];\n`,
    [tree("a", leaf("b"))], [tree("a", leaf(2)), "a"]),
  example("recursive generic, through Partial of itself", "export interface Node<T> { value: T; patch?: Partial<Node<T>> }\nexport type T = Node<string>;\n",
    [{ value: "a" }, { value: "a", patch: { patch: { value: "b", patch: { patch: {} } } } }],
    [{ value: "a", patch: { patch: { value: 1 } } }, { value: "a", patch: { patch: { other: 1 } } }, { patch: {} }]),
  example("recursive generic, through Omit of itself", "export type Node<T> = { id: T; extra: string; next?: Omit<Node<T>, \"extra\"> };\nexport type T = Node<number>;\n",
    [{ id: 1, extra: "x", next: { id: 2, next: { id: 3 } } }], [{ id: 1, extra: "x", next: { id: 2, extra: "y" } }, { id: 1, extra: "x", next: { id: 2, next: {} } }]),
  example("recursive generic, through indexed access and keyof of itself",
    "export interface Idx<T> { value: T; first?: Idx<T>[\"value\"]; key?: keyof Idx<T>; kids: Idx<T>[] }\nexport type T = Idx<number>;\n",
    [{ value: 1, first: 2, key: "kids", kids: [{ value: 3, key: "first", kids: [] }] }], [{ value: 1, first: "2", kids: [] }, { value: 1, kids: [{ value: 2, key: "other", kids: [] }] }]),
  example("recursive generic, through a conditional over itself",
    "export type Cond<T> = { value: T; next?: Cond<T> extends { value: string } ? Cond<T>[] : never };\nexport type T = Cond<string>;\n",
    [{ value: "a", next: [{ value: "b", next: [{ value: "c" }] }] }], [{ value: "a", next: [{ value: "b", next: [{ value: 1 }] }] }, { value: "a", next: {} }]),
  example("recursion through Partial of itself, not generic", "export interface Plain { value: string; patch?: Partial<Plain> }\nexport type T = Plain;\n",
    [{ value: "a", patch: { patch: { value: "b" } } }], [{ value: "a", patch: { patch: { value: 2 } } }]),
  example("a property checked against its index signature on its own, each object closed",
    "export interface Inner { count?: \"a\" | \"b\"; mode: number }\nexport interface Outer { id?: Inner }\nexport type T = Required<Outer & { [key: string]: Outer & { extra: \"x\" } }>;\n",
    [], [{ id: { mode: 1, extra: "x" } }, { id: { mode: 1 } }, { id: { extra: "x" } }]),
  example("a template key checked against the string index on its own",
    "export interface Opt { id?: \"a\" | \"b\" }\nexport type T = { [key: string]: string } & { [key: `on:${string}`]: Opt };\n",
    [{ x: "" }, {}], [{ "on:x": "" }, { "on:x": {} }, { x: 1 }]),
  example("a literal under a property declared `string` is read as `string`, at any depth, against the index",
    "export interface Meta { meta?: { x: string; y?: number }; list?: [string, number] }\nexport type T = Meta & { [key: string]: { x: \"A\" } | [\"A\", number] };\n",
    [{}], [{ meta: { x: "A" } }, { list: ["A", 1] }, { meta: { x: "B" } }]),
  example("a union of template literal types", "export type T = `on:${string}` | `v${number}`;\n", ["on:x", "v2"], ["", "x", "vx"]),
  example("a numeric enum member is not the number it stands for in an intersection",
    "export enum Flags { None = 0, Read = 1, Write = 2 }\nexport type T = { a?: Flags & (1 | 2); b?: Flags & Flags.Read; c?: Flags & number };\n",
    [{}, { b: 1 }, { c: 1 }, { c: 2 }], [{ a: 1 }, { b: 2 }, { c: 5 }]),
  example("two index signatures, a numeric enum and numbers",
    "export enum Flags { None = 0, Read = 1, Write = 2 }\nexport type T = Record<string, Flags> & { [key: string]: 1 | 2 };\n", [{}], [{ x: 1 }]),
  example("a mapping over a written type that is never is `{}`, any value but null",
    "export interface A { count: 1 | 2 }\nexport interface B { count: 3 }\nexport type T = { [K in keyof (A & B)]?: (A & B)[K] };\n",
    [{}, { a: 1 }, "x", 0, [1]], [null]),
  example("`{}` made by a mapping, intersected: the other side without null",
    "export interface A { count: 1 | 2 }\nexport interface B { count: 3 }\nexport type T = { [K in keyof (A & B)]?: (A & B)[K] } & ({ [key: string]: number } | null);\n",
    [{}, { a: 1 }], [null, "x", { a: "x" }]),
  example("a mapping over a type parameter given never is never",
    "export interface A { count: 1 | 2 }\nexport interface B { count: 3 }\nexport type P<T> = { [K in keyof T]?: T[K] };\nexport type T = P<A & B> | Partial<A & B> | 1;\n",
    [1], [{}, "x"]),
  example("a required `T | undefined` property: left out, it is `undefined`, which its object's index signature checks",
    "export interface Opt { meta?: string }\nexport type T = Record<string, string> & { extra: Opt[\"meta\"] };\n",
    [{ extra: "x" }, { extra: "x", a: "b" }], [{}, { a: "b" }, { extra: 1 }]),
  example("a number under a numeric enum's index signature is checked on its own: a member when it has a member's value",
    "export enum Flags { None = 0, Read = 1, Write = 2 }\nexport interface Base { name: 1 | 5 }\nexport type T = Base & { [key: string]: Flags };\n",
    [{ name: 1 }, { name: 1, x: 2 }], [{ name: 5 }, { name: 1, x: 5 }]),
  example("keyof a mapping over a written type that is never: its constraint, every key, or with `as`, none",
    "export interface A { count: 1 | 2 }\nexport interface B { count: 3 }\nexport type T = [keyof { [K in keyof (A & B)]: (A & B)[K] }, keyof { [K in keyof (A & B) as `get${K & string}`]: (A & B)[K] } | 1];\n",
    [["x", 1], [2, 1]], [["x", "getCount"], [true, 1]]),
  example("a property under an index signature whose objects have only template keys: both closed",
    "export interface Base { id?: 1 | 2; tags?: { x: string } }\nexport type T = Base & { [key: string]: Record<`on:${string}`, \"A\"> };\n",
    [{}, { a: { "on:x": "A" } }], [{ id: 1 }, { tags: { x: "a" } }, { a: { x: "A" } }]),
  example("Partial and Required of a required `T | undefined` property beside an index signature",
    "export interface Opt { meta?: string }\nexport type T = [Partial<{ extra: Opt[\"meta\"] } & { [key: string]: \"a\" }>, Required<{ extra: Opt[\"meta\"] }>];\n",
    [[{}, { extra: "y" }], [{ x: "a" }, { extra: "y" }]], [[{ extra: "a" }, { extra: "y" }], [{ x: "b" }, { extra: "x" }], [{}, { extra: 1 }]]),
  example("Omit of a type that is never keeps every key, each with no value",
    "export interface A { count: 1 | 2 }\nexport interface B { count: 3 }\nexport type T = [Omit<A & B, \"zz\">, keyof Omit<A & B, \"zz\">];\n",
    [[{}, "x"], [{}, 1]], [[{ a: 1 }, "x"], [{ count: 1 }, 1]]),
  example("an array literal under a property declared as an array is an array to the index signature, not a tuple",
    "export type T = [{ tags?: string[] } & { [key: string]: [string, ...string[]] }, { tags?: string[] } & { [key: string]: [string?, ...string[]] }, { tags?: string[] } & { [key: string]: [string?] }];\n",
    [[{}, { tags: ["x", "y"] }, {}], [{ x: ["a"] }, { tags: [] }, { x: [] }]], [[{ tags: ["x"] }, {}, {}], [{}, {}, { tags: [] }]]),
  example("Partial of a mapping over a written type that is never is `{}`",
    "export interface A { count: 1 | 2 }\nexport interface B { count: 3 }\nexport type T = Partial<Readonly<{ [K in keyof (A & B) as `get${K & string}`]?: (A & B)[K] }>>;\n",
    [{}, "x", [1]], [null]),
  example("an intersection whose scalar declarations of a required property conflict is never, an object declaration beside them or not",
    "export enum Flags { None = 0, Read = 1 }\nexport interface Base { id?: number }\nexport type T = (Base & { extra: \"text\" } & { extra: Flags } & { extra: [number] })[\"id\"] | 1;\n",
    [1], [2, "text", [1]]),
  example("a primitive meets an object whose property is required but may be `undefined`: no value",
    "export interface Opt { meta?: string }\nexport type T = Partial<{ extra: \"a\" } & { extra: { o: Opt[\"meta\"] } | { s: string } }>;\n",
    [{}], [{ extra: "a" }]),
  example("computed property names", `${COLOR}export const KEY = "dyn";\nexport type T = { [KEY]: string; [Color.Red]?: number };\n`,
    [{ dyn: "x" }, { dyn: "x", red: 1 }], [{ KEY: "x" }, { dyn: "x", Red: 1 }]),
];

describe("operator examples: the emitted schema accepts a value exactly when TypeScript does", () => {
  const files: SampleFile[] = OPERATOR_EXAMPLES.map((example) => ({
    declarations: wireEnums(example.declarations),
    samples: [...example.accepted, ...example.rejected].map((value) => ({ alias: example.alias, value })),
  }));
  const typeScript = typeScriptVerdicts(files);
  const verdicts = (example: OperatorExample, judge: (value: unknown, at: number) => boolean) =>
    [...example.accepted, ...example.rejected].map((value, at) => `${JSON.stringify(value)} ${judge(value, at) ? "accepted" : "rejected"}`);
  const expected = (example: OperatorExample) => verdicts(example, (_value, at) => at < example.accepted.length);

  it("TypeScript gives every example its expected verdict", () => {
    expect(typeScript.declarationErrors).toEqual([]);
    const actual = OPERATOR_EXAMPLES.map((example, index) => [example.name, ...verdicts(example, (_value, at) => typeScript.accepted[index]![at]!)]);
    expect(actual).toEqual(OPERATOR_EXAMPLES.map((example) => [example.name, ...expected(example)]));
  });

  for (const example of OPERATOR_EXAMPLES) {
    const title = `${example.name}: ${example.declarations.split("\n").at(-2)?.replace(/^export type /, "") ?? ""}`;
    const validator = () => {
      const { errors, bundle } = emitBundle(example.declarations);
      expect(errors).toEqual([]);
      const found = definitionValidators(bundle!)(example.alias);
      expect(found, `${example.alias} has a definition`).toBeDefined();
      return found!;
    };
    (example.knownDifference === "meaning" ? it.fails : it)(`schema meaning of ${title}`, () => {
      const { validate } = validator();
      expect(verdicts(example, (value) => validate(value))).toEqual(expected(example));
    });
    it(`strict Ajv compiles ${title}`, () => {
      expect(validator().strictError).toBeUndefined();
    });
  }
});

describe("Date, by the JSON convention rather than TypeScript's checker", () => {
  it("travels as a date-time string", () => {
    const { errors, bundle } = emitBundle("export type T = { when: Date };\n");
    expect(errors).toEqual([]);
    const validator = definitionValidators(bundle!)("T")!;
    expect(validator.strictError).toBeUndefined();
    const verdicts = [{ when: "2026-12-05T09:00:00Z" }, { when: "yesterday" }, { when: 0 }, {}].map((value) => validator.validate(value));
    expect(verdicts).toEqual([true, false, false, false]);
  });
});

interface Disagreement {
  readonly declarations: string;
  readonly alias: string;
  readonly aliasText: string;
  readonly value: unknown;
  readonly typeScript: boolean;
  readonly schema: boolean;
}

interface Run {
  readonly scenario: RenderedScenario;
  readonly bundle: Record<string, unknown>;
  readonly samples: readonly Sample[];
  readonly schemaVerdicts: readonly boolean[];
}

const SAMPLES_PER_ALIAS = 4;

/** The sample written with `undefined` for what its schema names and it leaves out, one per choice of union branch (see json-image.ts). */
function preimagesOfSample(run: Run, sample: Sample): Sample[] {
  return preimagesOf(run.bundle, { $ref: `#/definitions/${encodeURIComponent(sample.alias)}` }, sample.value).map((value) => ({ ...sample, value }));
}

/** Values for each alias: from the alias's schema, from the bases, from other aliases, each also mutated. */
function samplesOf(scenario: RenderedScenario, bundle: Record<string, unknown>, seed: number): Sample[] {
  const random = randomSource(seed);
  const definitions = (bundle.definitions ?? {}) as Record<string, unknown>;
  const aliases = [...scenario.aliases.keys()];
  const samples: Sample[] = [];
  for (const alias of aliases) {
    const guesses: Json[] = [];
    for (let i = 0; i < SAMPLES_PER_ALIAS; i++) guesses.push(sampleSchema(random, definitions[alias], definitions, scenario.strings));
    for (const base of scenario.bases) guesses.push(baseValue(random, scenario.bases, base, scenario.strings));
    const other = aliases[Math.floor(random() * aliases.length)]!;
    guesses.push(sampleSchema(random, definitions[other], definitions, scenario.strings));
    for (const guess of [...guesses]) guesses.push(mutate(random, guess, scenario.strings));
    const seen = new Set<string>();
    for (const value of guesses) {
      const key = JSON.stringify(value);
      if (seen.has(key)) continue;
      seen.add(key);
      samples.push({ alias, value });
    }
  }
  return samples;
}

/** The smallest disagreement per alias shape, smallest first: what a reader should look at. */
function smallest(disagreements: readonly Disagreement[]): Disagreement[] {
  const size = (item: Disagreement) => item.aliasText.length * 4 + JSON.stringify(item.value).length;
  const byShape = new Map<string, Disagreement>();
  for (const item of disagreements) {
    const shape = `${item.aliasText.replace(/Base\d/g, "Base").replace(/Derived\d/g, "Derived")} ${item.typeScript}`;
    const known = byShape.get(shape);
    if (!known || size(item) < size(known)) byShape.set(shape, item);
  }
  return [...byShape.values()].sort((a, b) => size(a) - size(b));
}

function describeDisagreement(item: Disagreement): string {
  const bases = item.declarations.split("\n").filter((line) => !line.startsWith("export type Derived")).join("\n");
  return [
    `type ${item.alias} = ${item.aliasText}`,
    `value ${JSON.stringify(item.value)}: TypeScript ${item.typeScript ? "accepts" : "rejects"}, schema ${item.schema ? "accepts" : "rejects"}`,
    bases.replace(/^[\s\S]*?export type Element.*\n/, "  (prelude)\n"),
  ].join("\n");
}

/** Of several failing inputs, the shortest: the one a reader should look at first. */
function shortest(items: readonly string[]): string[] {
  return [...items].sort((a, b) => a.length - b.length).slice(0, 2);
}

describe("random declarations with type operators", () => {
  const runs: Run[] = [];
  const refused: { readonly errors: readonly string[]; readonly declarations: string }[] = [];
  const crashed: string[] = [];
  const missing: string[] = [];
  const notStrict = new Map<string, string>();

  it("generate (every alias has a definition; failures are kept for the checks below)", () => {
    fc.assert(
      fc.property(scenarioBlueprint, fc.integer({ min: 1, max: 2 ** 30 }), (blueprint, seed) => {
        const scenario = renderScenario(blueprint);
        let emitted;
        try {
          emitted = emitBundle(scenario.declarations);
        } catch (error) {
          crashed.push(`${(error as Error).message}\n${scenario.declarations}`);
          return;
        }
        if (!emitted.bundle) {
          refused.push({ errors: emitted.errors, declarations: scenario.declarations });
          return;
        }
        const validators = definitionValidators(emitted.bundle);
        for (const [alias, text] of scenario.aliases) {
          const validator = validators(alias);
          if (!validator) missing.push(`${alias} = ${text}`);
          else if (validator.strictError) notStrict.set(`${alias} = ${text}`, validator.strictError);
        }
        const samples = samplesOf(scenario, emitted.bundle, seed).filter((sample) => validators(sample.alias));
        runs.push({ scenario, bundle: emitted.bundle, samples, schemaVerdicts: samples.map((sample) => validators(sample.alias)!.validate(sample.value)) });
      }),
      { numRuns: NUM_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    expect(runs.length).toBeGreaterThan(0);
  });

  it("are accepted by the pipeline without error diagnostics", () => {
    // A generated file that TypeScript rejects too (`X[keyof X]` where `X` is `{}`) is rightly refused.
    const checked = typeScriptVerdicts(refused.map((run) => ({ declarations: wireEnums(run.declarations), samples: [] })));
    const rejectedByTypeScript = new Set(checked.declarationErrors.map((error) => Number(/^case(\d+)\.ts:/.exec(error)![1])));
    const wronglyRefused = refused.filter((_, index) => !rejectedByTypeScript.has(index)).map((run) => `${run.errors.join("\n")}\n${run.declarations}`);
    expect(shortest(wronglyRefused), `${wronglyRefused.length} of ${NUM_RUNS} runs refused`).toEqual([]);
  });

  it("do not crash the pipeline", () => {
    expect(shortest(crashed), `${crashed.length} of ${NUM_RUNS} runs crashed`).toEqual([]);
  });

  it("emit a definition per alias, each compiled by strict Ajv", () => {
    expect(shortest(missing), "aliases without a definition").toEqual([]);
    const refusals = shortest([...notStrict].map(([alias, error]) => `${alias}\n  ${error}`));
    expect(refusals, `${notStrict.size} definitions refused by strict Ajv`).toEqual([]);
  });

  it("emit schemas that accept a value exactly when TypeScript does (every run in one program)", () => {
    expect(runs.length, "the generation property ran first").toBeGreaterThan(0);
    const typeScript = typeScriptVerdicts(runs.map((run) => ({ declarations: wireEnums(run.scenario.declarations), samples: run.samples })));
    expect(typeScript.declarationErrors.slice(0, 5)).toEqual([]);
    // Only the values the schema accepts and TypeScript rejects as written need a preimage.
    const preimageSets = runs.map((run, index) =>
      run.samples.map((sample, at) => (run.schemaVerdicts[at]! && !typeScript.accepted[index]![at]! ? preimagesOfSample(run, sample) : [])),
    );
    const preimages = typeScriptVerdicts(runs.map((run, index) => ({ declarations: wireEnums(run.scenario.declarations), samples: preimageSets[index]!.flat() })));
    const hasPreimage = preimageSets.map((sets, index) => {
      let offset = 0;
      return sets.map((set) => {
        const verdicts = preimages.accepted[index]!.slice(offset, (offset += set.length));
        return verdicts.some(Boolean);
      });
    });
    const disagreements: Disagreement[] = [];
    runs.forEach((run, index) => {
      run.samples.forEach((sample, at) => {
        // A value the schema accepts is the JSON image of a TypeScript value when TypeScript accepts it with its left-out properties `undefined`.
        const ts = typeScript.accepted[index]![at]! || hasPreimage[index]![at]!;
        const schema = run.schemaVerdicts[at]!;
        if (ts !== schema) {
          disagreements.push({
            declarations: run.scenario.declarations,
            alias: sample.alias,
            aliasText: run.scenario.aliases.get(sample.alias)!,
            value: sample.value,
            typeScript: ts,
            schema,
          });
        }
      });
    });
    const total = runs.reduce((sum, run) => sum + run.samples.length, 0);
    const accepted = typeScript.accepted.flat().filter(Boolean).length;
    const shown = smallest(disagreements).slice(0, Number(process.env.SG_SHOW ?? 8)).map(describeDisagreement);
    expect(shown, `${disagreements.length} of ${total} values (${accepted} accepted by TypeScript) disagree`).toEqual([]);
  });
});
