import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { diffModels } from "../../src/diff/index.js";
import { modelFrom } from "../support/memory.js";

/** fixtures-diff/intersection-members, read as models: what its text report leaves out is which declaration each change is named after. */
async function side(name: "base" | "head") {
  const text = await readFile(new URL(`../../fixtures-diff/intersection-members/${name}/schema.ts`, import.meta.url), "utf8");
  const { model, diagnostics } = modelFrom({ "schema.ts": text });
  expect(diagnostics).toEqual([]);
  return model;
}

describe("diff of an intersection's members", () => {
  it("names each merged field after the declaration it is written in, through an alias of an alias too", async () => {
    const changes = diffModels(await side("base"), await side("head"));
    expect(changes.map((change) => [change.rule, change.path, change.target])).toEqual([
      ["type-changed", "thread/start params.id", "Identified.id"],
      ["field-made-required", "thread/start params.model", "ThreadStartParams.model"],
      ["field-made-optional", "thread/start params.width", "Size.width"],
    ]);
  });
});
