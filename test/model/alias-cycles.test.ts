import { describe, expect, it } from "vitest";
import { emitMemoryModel, loadMemoryModel } from "../support/in-memory.js";
import { fileValidator, treeAjv } from "../support/json-schema.js";
import { checkVirtualProgram } from "../support/virtual-program.js";

/**
 * TypeScript's checker is the judge of which aliases are circular (TS2456):
 * schemagate reports SG016 for exactly those, and what it accepts compiles
 * under tsc and in Ajv, with a value of each type validated (a circular alias
 * would make Ajv recurse without end).
 */
const CASES: readonly { readonly source: string; readonly sample: unknown }[] = [
  { source: "export type L1 = L2 | string;\nexport type L2 = L1 | number;", sample: "x" },
  { source: "export type K = K;", sample: "x" },
  { source: "export type Z = Z | string;", sample: "x" },
  { source: "export type P = (P);", sample: "x" },
  { source: "export type X = Y & { a: string };\nexport type Y = X & { b: string };", sample: { a: "", b: "" } },
  { source: "export type A = B | null;\nexport type B = C | string;\nexport type C = A | number;", sample: 1 },
  { source: "export type Maybe<T> = T | null;\nexport type M = Maybe<M>;", sample: null },
  { source: "export type J = string | J[];", sample: ["a", ["b"]] },
  { source: "export type O = { next: O } | string;", sample: { next: "end" } },
  { source: "export type T = [string, T] | null;", sample: ["a", ["b", null]] },
  { source: "export type E = E[];", sample: [[], [[]]] },
  { source: "export type U = { [key: string]: U };", sample: { a: { b: {} } } },
  { source: "export type I1 = I2 | string;\nexport interface I2 { a: I1 }", sample: { a: { a: "x" } } },
  { source: "export type S = T2 | string;\nexport type T2 = { s: S }[];", sample: [{ s: "x" }] },
];

/**
 * Two forms TypeScript rejects only because it resolves a generic alias's
 * arguments eagerly. schemagate expands the generic, so the recursion passes
 * through an object, and its output compiles and validates (docs/diagnostics.md, SG016).
 */
const EXPANDED: readonly { readonly source: string; readonly sample: unknown }[] = [
  { source: "export type Box<T> = { value: T };\nexport type Boxed = Box<Boxed> | null;", sample: { value: null } },
  { source: "export type Dict = Record<string, Dict>;", sample: { a: { b: {} } } },
];

const CIRCULAR = "circularly references itself";

describe("circular aliases (SG016) are the ones TypeScript rejects", () => {
  // One program for all inputs and emitted trees (each in a folder of its own): programs are slow to make.
  const all = [...CASES, ...EXPANDED];
  const loads = all.map(({ source }) => loadMemoryModel([{ path: "schema.ts", text: source }]));
  const program = new Map<string, string>();
  const trees = loads.map((load, index) => {
    program.set(`case${index}/schema.ts`, all[index]!.source);
    if (!load.model) return undefined;
    const files = emitMemoryModel(load.model);
    for (const [file, text] of files) if (file.startsWith("stable/typescript/")) program.set(`emitted${index}/${file}`, text);
    return files;
  });
  const verdicts = checkVirtualProgram(program, "bundler");

  it.each(CASES.map((testCase, index) => ({ ...testCase, index })))("$source", ({ source, sample, index }) => {
    const typescript = messagesOf(`case${index}/`);
    const rejected = typescript.filter((message) => message.includes(CIRCULAR));
    const { diagnostics } = loads[index]!;
    const reported = diagnostics.filter((diagnostic) => diagnostic.code === "SG016");
    // One diagnostic per alias TypeScript names, none where it names none.
    expect(reported.length, diagnostics.map((diagnostic) => diagnostic.message).join("\n")).toBe(rejected.length);
    if (rejected.length > 0) return;
    expect(typescript).toEqual([]);
    expectUsableOutput(source, sample, index);
  });

  it.each(EXPANDED.map((testCase, index) => ({ ...testCase, index: CASES.length + index })))(
    "accepts $source, which TypeScript rejects, with output that compiles",
    ({ source, sample, index }) => {
      expect(messagesOf(`case${index}/`).some((message) => message.includes(CIRCULAR))).toBe(true);
      expect(loads[index]!.diagnostics).toEqual([]);
      expectUsableOutput(source, sample, index);
    },
  );

  function messagesOf(folder: string): string[] {
    return verdicts.filter((diagnostic) => diagnostic.file.startsWith(folder)).map((diagnostic) => diagnostic.message);
  }

  /** The emitted TypeScript compiles, and the first non-generic type's schema compiles in Ajv and accepts `sample`. */
  function expectUsableOutput(source: string, sample: unknown, index: number): void {
    expect(messagesOf(`emitted${index}/`)).toEqual([]);
    const files = trees[index]!;
    const json = new Map([...files].filter(([file]) => file.startsWith("stable/json/")).map(([file, text]) => [file.slice("stable/json/".length), text]));
    const first = /export (?:type|interface) (\w+)\b(?!<)/.exec(source)![1]!; // the first non-generic declaration
    expect(fileValidator(treeAjv(json), `${first}.json`)(sample)).toBe(true);
  }
});
