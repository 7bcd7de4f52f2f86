import { describe, expect, it } from "vitest";
import type { Audience, Model } from "../../src/model/types.js";
import { createEmitCaches, generateAudience, loadModel } from "../../src/pipeline.js";
import { createTimings } from "../../src/timings.js";
import { caseConfig, discoverCases } from "../support/golden.js";
import { loadMemoryModel, MEMORY_OPTIONS } from "../support/in-memory.js";
import { joinText } from "../../src/output/file-text.js";

/** Each audience's files, emitted in `order`; with `shared`, through one set of caches as `write --all` does. */
function emit(model: Model, order: readonly Audience[], shared: boolean): Map<string, string> {
  const caches = createEmitCaches();
  const files = new Map<string, string>();
  for (const audience of order) {
    const options = shared ? { ...MEMORY_OPTIONS, caches } : MEMORY_OPTIONS;
    generateAudience(model, audience, options, createTimings(), (format, batch) => {
      for (const [file, contents] of batch) files.set(`${audience}/${format}/${file}`, joinText(contents));
    });
  }
  return files;
}

function expectCachesChangeNothing(model: Model): void {
  const fresh = emit(model, ["stable", "experimental"], false);
  expect(emit(model, ["stable", "experimental"], true)).toEqual(fresh);
  expect(emit(model, ["experimental", "stable"], true)).toEqual(fresh);
}

function modelOf(text: string): Model {
  const { model, diagnostics } = loadMemoryModel([{ path: "protocol.ts", text }]);
  expect(diagnostics).toEqual([]);
  return model!;
}

describe("emission caches shared by the audiences of one run", () => {
  it("reconvert a declaration whose intersection inlines an object the filter changed", () => {
    const model = modelOf(`
      export interface Base { a: string; /** @experimental base.b */ b?: string }
      export type Both = Base & { c: number };
    `);
    expectCachesChangeNothing(model);
    const stable = emit(model, ["experimental", "stable"], true).get("stable/json/Both.json")!;
    expect(Object.keys(JSON.parse(stable).properties)).toEqual(["a", "c"]);
  });

  it("re-render a declaration whose intersection names an alias that is empty in one audience only", () => {
    const model = modelOf(`
      export interface Options { /** @experimental options.flag */ flag?: boolean }
      export type Named = Options & { name: string };
    `);
    expectCachesChangeNothing(model);
  });

  it("re-point references when a namespace is keyed differently in the other audience", () => {
    // Experimental only, a root type named "v2" pushes the v2 namespace to "v2_ns" in that audience's bundle.
    const { model, diagnostics } = loadMemoryModel([
      {
        path: "protocol.ts",
        text: `import type { Item } from "./v2/item.js";\n/** @experimental clash */\nexport type v2 = "v2";\nexport interface Holder { item: Item }\n`,
      },
      { path: "v2/item.ts", text: "export interface Item { id: string }\n" },
    ]);
    expect(diagnostics).toEqual([]);
    expectCachesChangeNothing(model!);
    const files = emit(model!, ["stable", "experimental"], true);
    expect(files.get("stable/json/Holder.json")).toContain("#/definitions/v2/Item");
    expect(files.get("experimental/json/Holder.json")).toContain("#/definitions/v2_ns/Item");
  });

  it("change no output of any golden case, in either audience order", async () => {
    for (const name of await discoverCases()) {
      const { model } = await loadModel(caseConfig(name), createTimings());
      if (model) expectCachesChangeNothing(model);
    }
  });
});
