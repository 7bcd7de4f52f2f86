import { describe, expect, it } from "vitest";
import { internModel } from "../../src/model/intern.js";
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
