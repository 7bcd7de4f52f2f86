import { describe, expect, it } from "vitest";
import { MAX_NESTING } from "../../src/scan/nesting.js";
import { emitMemoryModel, loadMemoryModel } from "../support/in-memory.js";
import { fileValidator, treeAjv } from "../support/json-schema.js";
import { checkVirtualProgram } from "../support/virtual-program.js";

/**
 * Types nest at most MAX_NESTING levels in one declaration. At the limit every
 * kind of nesting emits TypeScript that tsc compiles and schemas Ajv compiles
 * and validates with; one level more is SG017 at the place that crosses it; far
 * beyond (where the parser or the converter would run out of stack) it is
 * still SG017, never an internal error.
 */
interface Kind {
  /** Wraps a type in `levels` levels of this kind of nesting (`steps` of `perStep` levels each). */
  readonly wrap: (inner: string) => string;
  readonly perStep: number;
  /** A value of the wrapped type, around `inner`. */
  readonly sample: (inner: unknown) => unknown;
}

const KINDS: Record<string, Kind> = {
  array: { wrap: (inner) => `${inner}[]`, perStep: 1, sample: (inner) => [inner] },
  object: { wrap: (inner) => `{ a: ${inner} }`, perStep: 1, sample: (inner) => ({ a: inner }) },
  tuple: { wrap: (inner) => `[${inner}]`, perStep: 1, sample: (inner) => [inner] },
  map: { wrap: (inner) => `Record<string, ${inner}>`, perStep: 1, sample: (inner) => ({ key: inner }) },
  "union of objects": { wrap: (inner) => `{ a: ${inner} } | null`, perStep: 2, sample: (inner) => ({ a: inner }) },
  intersection: { wrap: (inner) => `{ a: ${inner} } & { b?: number }`, perStep: 2, sample: (inner) => ({ a: inner }) },
};

function nested(kind: Kind, levels: number): { source: string; sample: unknown } {
  let type = "string";
  let sample: unknown = "leaf";
  for (let step = 0; step < levels / kind.perStep; step++) {
    type = kind.wrap(type);
    sample = kind.sample(sample);
  }
  return { source: `export type Deep = ${type};\n`, sample };
}

const errorsOf = (source: string) =>
  loadMemoryModel([{ path: "schema.ts", text: source }]).diagnostics.map(
    (diagnostic) => `${diagnostic.location.line}:${diagnostic.location.column} ${diagnostic.code} ${diagnostic.message}`,
  );

describe(`types nest at most ${MAX_NESTING} levels`, () => {
  // Every kind at the limit, emitted and compiled in one program: programs are slow to make.
  const atLimit = Object.entries(KINDS).map(([name, kind]) => {
    const { source, sample } = nested(kind, MAX_NESTING);
    const { model, diagnostics } = loadMemoryModel([{ path: "schema.ts", text: source }]);
    return { name, sample, diagnostics, files: model ? emitMemoryModel(model) : new Map<string, string>() };
  });
  const program = new Map<string, string>();
  for (const { name, files } of atLimit) {
    for (const [file, text] of files) if (file.startsWith("stable/typescript/")) program.set(`${name.replace(/ /g, "-")}/${file}`, text);
  }
  const compiled = checkVirtualProgram(program, "bundler");

  it.each(atLimit)("$name: at the limit, the output compiles and validates", ({ name, sample, diagnostics, files }) => {
    expect(diagnostics).toEqual([]);
    expect(files.has("stable/typescript/Deep.ts")).toBe(true);
    expect(compiled.filter((diagnostic) => diagnostic.file.startsWith(`${name.replace(/ /g, "-")}/`))).toEqual([]);
    const json = new Map([...files].filter(([file]) => file.startsWith("stable/json/")).map(([file, text]) => [file.slice("stable/json/".length), text]));
    const validate = fileValidator(treeAjv(json), "Deep.json");
    expect(validate(sample)).toBe(true);
    expect(validate(JSON.parse(JSON.stringify(sample).replace('"leaf"', "1")))).toBe(false);
  });

  it.each(Object.entries(KINDS))("%s: one level more is SG017", (_name, kind) => {
    const errors = errorsOf(nested(kind, MAX_NESTING + kind.perStep).source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/ SG017 "Deep" nests more than 64 levels deep here/);
  });

  it("locates the level that crosses the limit at the field written there", () => {
    const { source } = nested(KINDS.object!, MAX_NESTING + 10);
    // `export type Deep = ` then 64 times `{ a: `: the 65th object is the type of the 64th field `a`.
    const column = "export type Deep = ".length + 5 * (MAX_NESTING - 1) + 3;
    expect(errorsOf(source)[0]).toMatch(new RegExp(`^1:${column} SG017`));
  });

  it("reports what the parser or the converter cannot read at all as SG017, not as an internal error", () => {
    const objects = nested(KINDS.object!, 2_000).source;
    const unions = `export type U = ${"number | (".repeat(1_000)}string${")".repeat(1_000)};\n`;
    const arrays = `export type A = string${"[]".repeat(5_000)};\n`;
    for (const source of [objects, unions, arrays]) {
      const errors = errorsOf(source);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^1:\d+ SG017 /);
    }
    // A parser that ran out of stack is located where the brackets cross the limit.
    expect(errorsOf(objects)[0]).toMatch(new RegExp(`^1:${"export type Deep = ".length + 5 * MAX_NESTING + 1} SG017`));
  });

  it("counts the levels a generic instance adds where it is used", () => {
    const doubling = ["export type D0<T> = { v: T };"];
    for (let level = 1; level <= 7; level++) doubling.push(`export type D${level}<T> = D${level - 1}<D${level - 1}<T>>;`);
    // D6 nests 64 objects, D7 128; the level that crosses the limit is written in D0's field.
    expect(errorsOf(`${doubling.slice(0, 7).join("\n")}\nexport type X = D6<string>;\n`)).toEqual([]);
    expect(errorsOf(`${doubling.join("\n")}\nexport type X = D7<string>;\n`)).toEqual([
      expect.stringMatching(/^1:23 SG017 "X" nests more than 64 levels deep here/),
    ]);
  });
});
