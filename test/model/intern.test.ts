import { describe, expect, it } from "vitest";
import { internModel, sameData } from "../../src/model/intern.js";
import { modelFrom } from "../support/memory.js";

const PROTOCOL = {
  "protocol.ts": `
import type { Request } from "schemagate/markers";
export interface Point { x: number; y: number }
export interface Label { text: string }
export interface ClientRequests { "point/get": Request<Label, Point> }
`,
};

describe("internModel", () => {
  it("hands back the earlier objects for what did not change, and the new ones for what did", () => {
    const before = modelFrom(PROTOCOL).model;
    const after = modelFrom({ "protocol.ts": PROTOCOL["protocol.ts"].replace("text: string", "text: string; size?: number") }).model;

    const interned = internModel(after, before);

    const byId = (model: typeof before, id: string) => model.declarations.find((declaration) => declaration.id === id);
    expect(byId(interned, "Point")).toBe(byId(before, "Point"));
    expect(byId(interned, "Label")).toBe(byId(after, "Label"));
    expect(byId(interned, "Label")).not.toEqual(byId(before, "Label"));
    expect(interned.methods).toBe(before.methods);
  });

  it("hands back the earlier model itself when nothing changed", () => {
    const before = modelFrom(PROTOCOL).model;
    expect(internModel(modelFrom(PROTOCOL).model, before)).toBe(before);
  });
});

describe("sameData", () => {
  const cases: [string, unknown, unknown][] = [
    ["equal nested data, keys in another order", { a: [1, { b: "x", c: null }], d: true }, { d: true, a: [1, { c: null, b: "x" }] }],
    ["a key missing on one side", { a: 1, b: undefined }, { a: 1 }],
    ["an array against an object with index keys", [1, 2], { 0: 1, 1: 2 }],
    ["arrays of another length", [1, 2], [1, 2, 3]],
    ["0 and -0", { value: 0 }, { value: -0 }],
    ["NaN and NaN", { value: Number.NaN }, { value: Number.NaN }],
    ["a null against an object", { a: null }, { a: {} }],
    ["a string against a number", { a: "1" }, { a: 1 }],
    ["objects of another prototype", { a: 1 }, Object.assign(Object.create(null), { a: 1 })],
  ];

  it.each(cases)("answers as util.isDeepStrictEqual for %s", async (_, a, b) => {
    const { isDeepStrictEqual } = await import("node:util");
    expect(sameData(a, b)).toBe(isDeepStrictEqual(a, b));
    expect(sameData(b, a)).toBe(isDeepStrictEqual(b, a));
  });

  it("answers as util.isDeepStrictEqual for every declaration of a model against each of another's", async () => {
    const { isDeepStrictEqual } = await import("node:util");
    const before = modelFrom(PROTOCOL).model;
    const after = modelFrom({ "protocol.ts": PROTOCOL["protocol.ts"].replace("text: string", "text: string; size?: number") }).model;
    for (const a of [...before.declarations, ...before.methods]) {
      for (const b of [...after.declarations, ...after.methods]) expect(sameData(a, b)).toBe(isDeepStrictEqual(a, b));
    }
  });
});
