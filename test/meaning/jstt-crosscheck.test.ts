import { beforeAll, describe, expect, it } from "vitest";
import { AUDIENCES, loadAllArtifacts } from "../support/artifacts.js";
import { emitMemoryModel, loadMemoryModel, MEMORY_OPTIONS } from "../support/in-memory.js";
import { crossCheck, type CrossCheckResult, type CrossCheckTree, type Difference } from "../support/jstt-crosscheck.js";
import { CONSTRUCT_LIMITATIONS, KNOWN_LIMITATIONS, type KnownLimitation } from "./jstt-known-limitations.js";

/**
 * Issue requirement: json-schema-to-typescript, run on each emitted bundle
 * (every golden case and generated/, both audiences), derives types that are
 * mutually assignable with the emitted TypeScript. Differences fail, except
 * the documented list in jstt-known-limitations.ts.
 * SG_DUMP_JSTT=<folder> writes the derived and check files out for reading.
 */

const artifacts = await loadAllArtifacts();
const trees: (CrossCheckTree & { subject: string })[] = artifacts.flatMap((subject) =>
  AUDIENCES.map((audience) => ({
    root: `${subject.name}/${audience}`,
    subject: subject.name,
    tree: subject.audiences[audience],
    bundleName: subject.bundleName,
  })),
);

let result: CrossCheckResult;
beforeAll(async () => {
  result = await crossCheck(trees, CONSTRUCT_LIMITATIONS, process.env.SG_DUMP_JSTT);
}, 120_000);

function subjectOf(difference: Difference): string {
  return trees.find((tree) => tree.root === difference.root)!.subject;
}

function matches(pattern: string | RegExp, value: string): boolean {
  return typeof pattern === "string" ? pattern === value : pattern.test(value);
}

function excusedBy(difference: Difference): KnownLimitation | undefined {
  return KNOWN_LIMITATIONS.find(
    (limitation) =>
      matches(limitation.subject, subjectOf(difference)) &&
      matches(limitation.type, difference.id) &&
      (limitation.check === "both" || limitation.check === difference.check),
  );
}

function format(difference: Difference): string {
  return `${difference.root} ${difference.id || "(derivation)"} [${difference.check}]: ${difference.message}`;
}

describe("json-schema-to-typescript derives types mutually assignable with the emitted ones", () => {
  it("has trees to check", () => {
    expect(trees.length).toBeGreaterThan(0);
  });
  for (const { root } of trees) {
    it(root, () => {
      const own = result.differences.filter((difference) => difference.root === root);
      expect(own.filter((difference) => !excusedBy(difference)).map(format)).toEqual([]);
    });
  }
  it("every construct limitation still applies somewhere", () => {
    const stale = CONSTRUCT_LIMITATIONS.filter((limitation) => !result.rewritten.get(limitation));
    expect(stale.map((limitation) => limitation.construct)).toEqual([]);
  });
  it("every known limitation still excuses a difference", () => {
    const stale = KNOWN_LIMITATIONS.filter((limitation) => !result.differences.some((difference) => excusedBy(difference) === limitation));
    expect(stale.map((limitation) => `${String(limitation.subject)} ${String(limitation.type)}: ${limitation.reason}`)).toEqual([]);
  });
});

describe("the cross-check can fail", () => {
  const source = [
    "export interface Box { id: string; label?: string; size: number; inner: { depth?: number } }",
    "export type Shelf = { boxes: Box[] };",
  ].join("\n");
  const edits: Record<string, (box: string) => string> = {
    faithful: (box) => box,
    changed: (box) => box.replace("size: number;", "size: string;"),
    dropped: (box) => box.replace(/^\s*label\?: string;\n/m, ""),
    nested: (box) => box.replace(/^\s*depth\?: number;\n/m, ""),
  };
  let found: Map<string, string[]>;

  beforeAll(async () => {
    const { model, diagnostics } = loadMemoryModel([{ path: "store.ts", text: source }]);
    expect(diagnostics).toEqual([]);
    const files = emitMemoryModel(model!);
    const pick = (prefix: string) =>
      new Map([...files].filter(([file]) => file.startsWith(prefix)).map(([file, text]) => [file.slice(prefix.length), text]));
    const sentinels = Object.entries(edits).map(([root, edit]): CrossCheckTree => {
      const typescript = pick("stable/typescript/");
      const box = typescript.get("Box.ts")!;
      expect(edit(box) !== box, `${root} edits Box.ts`).toBe(root !== "faithful");
      typescript.set("Box.ts", edit(box));
      return { root, tree: { typescript, json: pick("stable/json/") }, bundleName: MEMORY_OPTIONS.settings.bundleName };
    });
    const checked = await crossCheck(sentinels, CONSTRUCT_LIMITATIONS);
    found = new Map(Object.keys(edits).map((root) => [root, checked.differences.filter((d) => d.root === root).map((d) => `${d.id} ${d.check}`)]));
  }, 60_000);

  it("passes on faithful output", () => {
    expect(found.get("faithful")).toEqual([]);
  });

  it("reports a changed property type at its declaration only", () => {
    expect(found.get("changed")).toEqual(["Box mutual", "Box deep"]);
  });

  it("reports a dropped optional property, nested too, through the required-everywhere comparison", () => {
    expect(found.get("dropped")).toEqual(["Box deep"]);
    expect(found.get("nested")).toEqual(["Box deep"]);
  });
});
