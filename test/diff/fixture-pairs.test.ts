import { describe, expect, it } from "vitest";
import { diffModels } from "../../src/diff/index.js";
import { isRuleId } from "../../src/diff/rules.js";
import type { Model } from "../../src/model/types.js";
import { loadModel } from "../../src/pipeline.js";
import { createTimings } from "../../src/timings.js";
import { caseConfig, discoverCases } from "../support/golden.js";

/**
 * Every golden input that loads (with registries, generics, recursion,
 * namespaces, intersections, plain LSP and MCP excerpts) compared with itself
 * and with its neighbour: unrelated protocols are the harshest base there is.
 */

const models: [string, Model][] = [];
for (const name of await discoverCases()) {
  const { model } = await loadModel(caseConfig(name), createTimings());
  if (model) models.push([name, model]);
}

describe("diff between the golden inputs", () => {
  it("has inputs to compare", () => {
    expect(models.length).toBeGreaterThan(20);
  });

  it("finds nothing between an input and itself", () => {
    for (const [name, model] of models) expect(diffModels(model, model), name).toEqual([]);
  });

  it("compares each input with the next, both ways, naming only known rules and real locations", () => {
    models.forEach(([name, model], index) => {
      const [otherName, other] = models[(index + 1) % models.length]!;
      for (const [base, head] of [[model, other], [other, model]] as const) {
        const changes = diffModels(base, head);
        expect(changes.length, `${name} ↔ ${otherName}`).toBeGreaterThan(0);
        for (const change of changes) {
          expect(isRuleId(change.rule)).toBe(true);
          expect(change.location.line, `${change.rule} at ${change.path}`).toBeGreaterThan(0);
          expect(change.location.file).toMatch(/^input\/.+\.ts$/);
        }
      }
    });
  });
});
