import { describe, expect, it } from "vitest";
import { addEnvelopes, envelopeIds } from "../../src/model/envelopes.js";
import { modelFrom } from "../support/memory.js";

const added = (files: Record<string, string>) => {
  const { model, diagnostics } = modelFrom(files);
  expect(diagnostics).toEqual([]);
  const declared = new Set(model.declarations.map((declaration) => declaration.id));
  return { model, ids: addEnvelopes(model).declarations.map((declaration) => declaration.id).filter((id) => !declared.has(id)) };
};

describe("envelopeIds", () => {
  it.each([
    ["requests and notifications", `
      export interface P { n: number }
      /** @methods clientRequest */ export interface A { "a/run": Request<P, P> }
      /** @methods serverNotification */ export interface B { "b/said": Notification<P> }`],
    ["notifications only: no RequestId", `
      export interface P { n: number }
      /** @methods clientNotification */ export interface A { "a/said": Notification<P> }`],
    ["a RequestId of the definitions' own", `
      export type RequestId = string;
      export interface P { n: number }
      /** @methods serverRequest */ export interface A { "a/ask": Request<P, P> }`],
  ])("names what addEnvelopes adds: %s", (_, text) => {
    const { model, ids } = added({ "p.ts": text });
    expect(envelopeIds(model).sort()).toEqual(ids.sort());
    expect(ids.length).toBeGreaterThan(0);
  });
});

describe("envelope styles", () => {
  const { model } = modelFrom({
    "p.ts": `
      export interface P { n: number }
      /** @methods clientRequest */ export interface A { "a/run": Request<P, P>; "a/ping": Request<undefined, P> }
      /** @methods serverNotification */ export interface B { "b/said": Notification<P> }`,
  });
  const members = (style: "jsonrpc2" | "lite", envelope: string) => {
    const declaration = addEnvelopes(model, style).declarations.find((candidate) => candidate.id === envelope)!;
    if (declaration.kind !== "alias") throw new Error("an envelope is an alias");
    const type = declaration.type;
    const list = type.kind === "union" ? type.members.map((member) => member.type) : [type];
    return list.map((member) => (member.kind === "object" ? member.properties.map((property) => `${property.name}${property.optional ? "?" : ""}`) : []));
  };

  it("jsonrpc2: every message starts with a required jsonrpc; params only where the method takes some", () => {
    expect(members("jsonrpc2", "ClientRequest")).toEqual([["jsonrpc", "method", "id", "params"], ["jsonrpc", "method", "id"]]);
    expect(members("jsonrpc2", "ServerNotification")).toEqual([["jsonrpc", "method", "params"]]);
  });

  it("lite: the same messages without jsonrpc", () => {
    expect(members("lite", "ClientRequest")).toEqual([["method", "id", "params"], ["method", "id"]]);
    expect(members("lite", "ServerNotification")).toEqual([["method", "params"]]);
  });

  it("jsonrpc2 is the default", () => {
    expect(addEnvelopes(model)).toEqual(addEnvelopes(model, "jsonrpc2"));
  });
});

describe("envelopes kept across runs", () => {
  const { model } = modelFrom({
    "p.ts": `
      export interface P { n: number }
      export interface Z { z: string }
      /** @methods clientRequest */ export interface A { "a/run": Request<P, P> }`,
  });
  const envelopeOf = (of: typeof model) => addEnvelopes(of).declarations.find((declaration) => declaration.id === "ClientRequest")!;

  it("are the same object while the methods are, and built again when one changes", () => {
    expect(envelopeOf({ ...model })).toBe(envelopeOf(model));
    const renamed = { ...model, methods: model.methods.map((method) => ({ ...method, name: "a/go" })) };
    const rebuilt = envelopeOf(renamed);
    expect(rebuilt).not.toBe(envelopeOf(model));
    expect(JSON.stringify(rebuilt)).toContain('"a/go"');
  });

  it("are sorted in by id, whatever order the declarations come in", () => {
    const reversed = { ...model, declarations: [...model.declarations].reverse() };
    const ids = addEnvelopes(reversed).declarations.map((declaration) => declaration.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toContain("RequestId");
  });
});
