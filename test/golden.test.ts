import { describe, expect, it } from "vitest";
import { compareCase, discoverCases, generateCase } from "./support/golden.js";

const cases = await discoverCases();

describe("golden fixtures (fixtures/<case>/input → expected/; UPDATE=1 rewrites)", () => {
  it("has cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const name of cases) {
    it(name, async () => {
      const generated = await generateCase(name);
      const difference = await compareCase(name, generated);
      expect(difference, `fixtures/${name}/expected differs; rerun with UPDATE=1 if the change is intended`).toEqual({
        missing: [],
        extra: [],
        changed: [],
      });
    });
  }
});
