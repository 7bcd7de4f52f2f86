import { describe, expect, it } from "vitest";
import { internModel } from "../../src/model/intern.js";
import { buildInventory } from "../../src/model/inventory.js";
import type { Model } from "../../src/model/types.js";
import { validateModel } from "../../src/model/validate.js";
import { serializeInventory } from "../../src/output/inventory-json.js";
import { modelFrom } from "../support/memory.js";

/**
 * `watch` hands the whole-model stages a model whose unchanged declarations
 * are the objects of the run before (`internModel`), and the stages keep
 * per-declaration results by object. Each case runs a stage on a first model,
 * then on a second one sharing most declarations with it, and expects what a
 * cold run over the second model's source gives.
 */
function twoRuns(before: Record<string, string>, after: Record<string, string>): { first: Model; second: Model; cold: Model } {
  const first = modelFrom(before).model;
  const second = internModel(modelFrom(after).model, first);
  return { first, second, cold: modelFrom(after).model };
}

const ROOT = { file: "input", line: 1, column: 1 };

function declaration(model: Model, id: string) {
  return model.declarations.find((candidate) => candidate.id === id);
}

/** The entries' text as it was made before texts were kept per entry: the layout the kept texts must reproduce. */
function entriesAsOneText(model: Model): string {
  return JSON.stringify(buildInventory(model).entries, null, 2).replaceAll("\n", "\n  ");
}

describe("inventory kept across runs", () => {
  const protocol = (method: string) => ({
    "p.ts": `
      export interface Settings { /** @experimental settings.depth */ depth?: number; label: string }
      /** @methods clientRequest */
      export interface Requests { "${method}": Request<Settings, Settings> }`,
  });

  it("names the new owner method of a field when only the method was renamed", () => {
    const { first, second, cold } = twoRuns(protocol("a/start"), protocol("b/start"));
    expect(declaration(second, "Settings")).toBe(declaration(first, "Settings"));

    expect(buildInventory(first).entries.map((entry) => entry.method)).toEqual(["a/start"]);
    const inventory = buildInventory(second);
    expect(inventory.entries.map((entry) => entry.method)).toEqual(["b/start"]);
    expect(serializeInventory(inventory)).toBe(serializeInventory(buildInventory(cold)));
  });

  it("gives a referring declaration's gate the new shape when what it refers to gains an experimental field", () => {
    const before = { "p.ts": "export interface Inner { x: string }\nexport interface Outer { inner: Inner }" };
    const after = { "p.ts": "export interface Inner { /** @experimental */ x: string }\nexport interface Outer { inner: Inner }" };
    const { first, second, cold } = twoRuns(before, after);
    expect(declaration(second, "Outer")).toBe(declaration(first, "Outer"));

    expect(buildInventory(first).gate.types).toEqual({});
    const inventory = buildInventory(second);
    expect(inventory.gate.types["Outer"]).toEqual({ kind: "object", fields: [{ name: "inner", type: { kind: "ref", target: "Inner" } }] });
    expect(serializeInventory(inventory)).toBe(serializeInventory(buildInventory(cold)));
  });

  it("lays the entries out as JSON.stringify does, and gives the same text when run again", () => {
    const { first, second } = twoRuns(protocol("a/start"), protocol("a/start"));
    const text = serializeInventory(buildInventory(first));
    expect(text).toContain(`"entries": ${entriesAsOneText(first)},`);
    expect(serializeInventory(buildInventory(second))).toBe(text);
  });
});

describe("validation kept across runs", () => {
  it("reports a leak when a type reached from stable becomes experimental, the referring types unchanged", () => {
    const before = { "p.ts": "export interface Secret { s: string }\nexport type Alias = Secret[];\nexport interface Holder { a: Alias }" };
    const after = { "p.ts": "/** @experimental */ export interface Secret { s: string }\nexport type Alias = Secret[];\nexport interface Holder { a: Alias }" };
    const { first, second, cold } = twoRuns(before, after);
    expect(declaration(second, "Alias")).toBe(declaration(first, "Alias"));

    expect(validateModel(first, ROOT)).toEqual([]);
    const diagnostics = validateModel(second, ROOT);
    expect(diagnostics.map((d) => `${d.name} ${d.location.line}:${d.location.column}`)).toEqual(["experimental-leak 2:21"]);
    expect(diagnostics).toEqual(validateModel(cold, ROOT));
  });

  it("rejects an intersection once a member it names stops being an object, the intersection unchanged", () => {
    const first = modelFrom({ "p.ts": "export interface A { x: string }\nexport type B = { y: number };\nexport type Both = A & B;" }).model;
    // By hand: evaluation would fold the intersection itself; here only B changes, Both stays the same object.
    const second: Model = {
      declarations: first.declarations.map((d) => (d.id === "B" && d.kind === "alias" ? { ...d, type: { kind: "primitive", name: "string" } } : d)),
      methods: first.methods,
    };
    expect(declaration(second, "Both")).toBe(declaration(first, "Both"));

    expect(validateModel(first, ROOT)).toEqual([]);
    const diagnostics = validateModel(second, ROOT);
    expect(diagnostics.map((d) => d.name)).toEqual(["unsupported-construct"]);
    expect(diagnostics).toEqual(validateModel(structuredClone(second), ROOT));
  });

  it("finds an alias cycle once an enum a union names becomes an alias back to it, the union unchanged", () => {
    const before = { "p.ts": 'export type A = B | string;\nexport enum B { X = "x" }' };
    const after = { "p.ts": "export type A = B | string;\nexport type B = A | number;" };
    const { first, second, cold } = twoRuns(before, after);
    expect(declaration(second, "A")).toBe(declaration(first, "A"));

    expect(validateModel(first, ROOT)).toEqual([]);
    const diagnostics = validateModel(second, ROOT);
    expect(diagnostics.map((d) => d.name)).toEqual(["circular-alias", "circular-alias"]);
    expect(diagnostics).toEqual(validateModel(cold, ROOT));
  });
});
