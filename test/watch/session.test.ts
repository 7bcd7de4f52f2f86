import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createDiagnostic } from "../../src/diagnostics/diagnostic.js";
import { readTree } from "../../src/output/tree.js";
import { WatchSession } from "../../src/watch/session.js";
import { projectFolder } from "../support/cli-process.js";

/** A file being replaced can be unreadable for a moment: the cycle reads the input once more before reporting it. */
const unreadableReads = vi.hoisted(() => ({ left: 0, calls: 0 }));
vi.mock("../../src/input/sources.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/input/sources.js")>();
  return {
    ...original,
    readInputs: async (input: string, baseDir: string) => {
      unreadableReads.calls++;
      const read = await original.readInputs(input, baseDir);
      if (unreadableReads.left === 0) return read;
      unreadableReads.left--;
      const [first, ...rest] = read.files;
      const diagnostic = createDiagnostic("unreadable-input", "cannot read file (ENOENT)", { file: first!.path, line: 1, column: 1 });
      return { ...read, files: rest, diagnostics: [...read.diagnostics, diagnostic] };
    },
  };
});

const CONFIG = JSON.stringify({ input: "defs", output: "gen", bundleName: "points" });
const POINT = "export interface Point { x: number; y: number }\n";
const silent = { stdout: () => undefined, stderr: () => undefined };

describe("WatchSession", () => {
  it("reads once more when a file was unreadable, and generates from the second read", async () => {
    const dir = await projectFolder({ "schemagate.config.json": CONFIG, "defs/point.ts": POINT });
    unreadableReads.left = 1;
    unreadableReads.calls = 0;
    const outcome = await new WatchSession({ cwd: dir, output: silent }).cycle();
    expect(unreadableReads.calls).toBe(2);
    expect(outcome.kind).toBe("written");
    expect((await readTree(path.join(dir, "gen"))).has("typescript/Point.ts")).toBe(true);
  });

  it("regenerates a recursive generic's instance when only the generic's file changed, and renames it when its name is taken", async () => {
    const tree = "export interface Tree<T> { value: T; children: Tree<T>[] }\n";
    const use = 'import type { Tree } from "./tree.js";\nexport interface Forest { trees: Tree<string>[] }\n';
    const dir = await projectFolder({ "schemagate.config.json": CONFIG, "defs/tree.ts": tree, "defs/use.ts": use });
    unreadableReads.left = 0;
    const session = new WatchSession({ cwd: dir, output: silent });
    expect((await session.cycle()).kind).toBe("written");
    expect((await readTree(path.join(dir, "gen"))).get("typescript/TreeOfString.ts")).not.toContain("label");
    await writeFile(path.join(dir, "defs/tree.ts"), tree.replace("value: T;", "value: T; label?: string;"));
    expect((await session.cycle()).kind).toBe("written");
    expect((await readTree(path.join(dir, "gen"))).get("typescript/TreeOfString.ts")).toContain("label?: string;");
    await writeFile(path.join(dir, "defs/z.ts"), "export interface TreeOfString { taken: true }\n");
    expect((await session.cycle()).kind).toBe("written");
    const written = await readTree(path.join(dir, "gen"));
    expect(written.get("typescript/TreeOfString.ts")).toContain("taken: true;");
    expect(written.get("typescript/Forest.ts")).toContain("trees: TreeOfString2[];");
  });

  it("reports a file still unreadable on the second read, and leaves the folder as it was", async () => {
    const dir = await projectFolder({ "schemagate.config.json": CONFIG, "defs/point.ts": POINT });
    const said: string[] = [];
    const session = new WatchSession({ cwd: dir, output: { stdout: () => undefined, stderr: (text) => void said.push(text) } });
    unreadableReads.left = 0;
    expect((await session.cycle()).kind).toBe("written");
    const before = await readTree(path.join(dir, "gen"));
    unreadableReads.left = 2;
    const outcome = await session.cycle();
    expect(outcome.kind).toBe("failed");
    expect(said.join("")).toMatch(/defs\/point\.ts:1:1 - error SG\d+ unreadable-input/);
    expect(await readTree(path.join(dir, "gen"))).toEqual(before);
  });
});
