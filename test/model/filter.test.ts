import { describe, expect, it } from "vitest";
import { addEnvelopes } from "../../src/model/envelopes.js";
import { filterModel } from "../../src/model/filter.js";
import type { Model } from "../../src/model/types.js";
import { modelFrom } from "../support/memory.js";

const PROTOCOL = {
  "p.ts": `
    export interface Tool { name: string; schema: JsonShape }
    export interface JsonShape { kind: string }
    export interface StartParams {
      model?: string | null;
      /** @experimental */ tools?: Tool[];
      /** @experimental */ nested?: Nested;
      mode: Mode;
    }
    export type Mode = "plan" | /** @experimental */ "pair";
    export interface Nested { deep: string }
    export interface Hidden { x: number }
    export interface Standalone { note: string }
    /** @experimental */
    export interface Secret { s: string }
    export interface SecretParams { secret: Secret }
    /** @methods clientRequest */
    export interface Requests {
      "thread/start": Request<StartParams, Standalone>;
      /** @experimental */ "hidden/run": Request<Hidden, Standalone>;
      /** @experimental */ "secret/run": Request<SecretParams, Standalone>;
    }`,
};

function ids(model: Model): string[] {
  return model.declarations.map((declaration) => declaration.id);
}

describe("filterModel", () => {
  const { model, diagnostics } = modelFrom(PROTOCOL);

  it("keeps everything for the experimental audience", () => {
    expect(diagnostics).toEqual([]);
    expect(filterModel(model, "experimental")).toBe(model);
  });

  it("removes experimental surface and everything reachable only through it from stable", () => {
    const stable = filterModel(model, "stable");
    expect(stable.methods.map((method) => method.name)).toEqual(["thread/start"]);
    expect(ids(stable)).toEqual(["Mode", "Standalone", "StartParams"]);
    const start = stable.declarations.find((declaration) => declaration.id === "StartParams")!;
    expect(start.kind === "alias" && start.type.kind === "object" && start.type.properties.map((p) => p.name)).toEqual([
      "model",
      "mode",
    ]);
    const mode = stable.declarations.find((declaration) => declaration.id === "Mode")!;
    expect(mode.kind === "alias" && mode.type).toEqual({ kind: "literal", value: "plan" });
  });

  it("keeps exported types no method reaches as stable roots", () => {
    const { model: plain } = modelFrom({ "s.ts": "export interface A { b: B }\nexport interface B { c: string }\nexport type Lone = number;" });
    expect(ids(filterModel(plain, "stable"))).toEqual(["A", "B", "Lone"]);
  });

  it("builds envelopes from the filtered methods only", () => {
    const stable = addEnvelopes(filterModel(model, "stable"));
    const envelope = stable.declarations.find((declaration) => declaration.id === "ClientRequest")!;
    expect(envelope.kind === "alias" && envelope.type.kind === "union" && envelope.type.members.length).toBe(1);
    expect(ids(stable)).toContain("RequestId");
    const experimental = addEnvelopes(filterModel(model, "experimental"));
    const all = experimental.declarations.find((declaration) => declaration.id === "ClientRequest")!;
    expect(all.kind === "alias" && all.type.kind === "union" && all.type.members.length).toBe(3);
  });
});

describe("validateModel", () => {
  it("reports a stable path to an experimental type at the reference, through aliases and arrays", () => {
    const { diagnostics } = modelFrom({
      "a.ts": [
        "/** @experimental */",
        "export interface Secret { s: string }",
        "export type Alias = Secret[];",
        "export interface Holder { a: Alias; /** @experimental */ ok?: Secret }",
      ].join("\n"),
    });
    expect(diagnostics.map((d) => `${d.name} ${d.location.line}:${d.location.column}`)).toEqual(["experimental-leak 3:21"]);
  });

  it("allows experimental types reached only through experimental surface", () => {
    const { diagnostics } = modelFrom(PROTOCOL);
    expect(diagnostics).toEqual([]);
  });

  it("rejects a union whose members are all experimental", () => {
    const { diagnostics } = modelFrom({ "a.ts": `export type Only = /** @experimental */ "a" | /** @experimental */ "b";` });
    expect(diagnostics.map((d) => d.name)).toEqual(["empty-union"]);
  });

  it("rejects envelope names when registries exist, and duplicate methods", () => {
    const { diagnostics } = modelFrom({
      "a.ts": [
        "export interface ClientRequest { x: string }",
        "/** @methods clientRequest */ export interface A { \"m\": Request<ClientRequest, ClientRequest> }",
        "/** @methods serverRequest */ export interface B { \"m\": Request<ClientRequest, ClientRequest> }",
      ].join("\n"),
    });
    expect(diagnostics.map((d) => `${d.name} ${d.location.line}`)).toEqual(["reserved-name 1", "duplicate-method 3"]);
  });

  it("says when there is nothing to generate", () => {
    const { diagnostics } = modelFrom({ "a.ts": "// nothing here\nexport const x = 1;" });
    expect(diagnostics.map((d) => d.name)).toEqual(["no-declarations"]);
  });
});
