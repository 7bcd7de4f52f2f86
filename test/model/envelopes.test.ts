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
