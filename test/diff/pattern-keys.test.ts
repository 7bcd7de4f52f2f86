import { describe, expect, it } from "vitest";
import { diffModels } from "../../src/diff/index.js";
import { modelFrom } from "../support/memory.js";

function model(declarations: string) {
  const text = `${declarations}\n/** @methods clientRequest */\nexport interface ClientRequests {\n  "ext/put": Request<Params, Result>;\n}\n`;
  const { model, diagnostics } = modelFrom({ "schema.ts": text });
  expect(diagnostics).toEqual([]);
  return model;
}

describe("diff of index signatures keyed by template literal types", () => {
  it("matches them by pattern: a value changed, one removed, one added", () => {
    const base = model(
      "export interface Params { [key: `x-${string}`]: string; [key: `y-${string}`]: number }\nexport interface Result { [key: `r-${string}`]: string }",
    );
    const head = model(
      "export interface Params { [key: `x-${string}`]: number; [key: `z-${string}`]: number }\nexport interface Result { [key: `r-${string}`]: string | null }",
    );
    const changes = diffModels(base, head).map((change) => [change.rule, change.path, change.message]);
    expect(changes).toEqual([
      ["type-changed", "ext/put params{`x-${string}`}", "type changed from string to number"],
      ["type-narrowed", "ext/put params", "the index signature [key: `y-${string}`] was removed: the keys it matched are no longer accepted"],
      ["nullable-added", "ext/put result{`r-${string}`}", "null is now allowed"],
      ["type-widened", "ext/put params", "an index signature [key: `z-${string}`] was added: the keys it matches are now accepted"],
    ]);
  });
});
