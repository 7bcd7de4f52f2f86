import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readTree } from "../../src/output/tree.js";
import { BIN, projectFolder, runBinary } from "../support/cli-process.js";

/**
 * `schemagate watch` as a real process on a temporary project: edits by
 * writing, by an editor's save-by-rename, a broken save then its fix, a new
 * folder, a deleted file; each cycle read back from the managed folder; then
 * SIGINT (or SIGTERM just after a change) and nothing left behind.
 */

const CONFIG = JSON.stringify({ input: "defs", output: "gen", bundleName: "points" });
const POINT = "export interface Point { x: number; y: number; /** @experimental */ z?: number }\n";
const CYCLE_TIMEOUT_MS = 30_000;

class WatchProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = "";
  stderr = "";
  private seen = 0;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(cwd: string, args: readonly string[]) {
    this.child = spawn(process.execPath, [BIN, "watch", ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
    this.child.stdout.on("data", (chunk: Buffer) => (this.stdout += chunk.toString()));
    this.child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on("close", (code, signal) => resolve({ code, signal })));
  }

  /** The next cycle's summary line (stdout), waiting for it. */
  async nextCycle(): Promise<string> {
    const deadline = Date.now() + CYCLE_TIMEOUT_MS;
    for (;;) {
      const lines = this.stdout.split("\n").slice(0, -1);
      if (lines.length > this.seen) return lines[this.seen++]!;
      if (Date.now() > deadline || this.child.exitCode !== null) {
        throw new Error(`no cycle line after ${this.seen}; stdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

let running: WatchProcess | undefined;
afterEach(() => {
  running?.child.kill("SIGKILL");
  running = undefined;
});

async function coldTree(dir: string): Promise<Map<string, string>> {
  const copy = await mkdtemp(path.join(tmpdir(), "schemagate-watch-cold-"));
  await cp(path.join(dir, "defs"), path.join(copy, "defs"), { recursive: true });
  await writeFile(path.join(copy, "schemagate.config.json"), CONFIG);
  expect(runBinary(["write", "--all"], copy).code).toBe(0);
  const tree = await readTree(path.join(copy, "gen"));
  await rm(copy, { recursive: true });
  return tree;
}

describe("schemagate watch, as a process", () => {
  it("regenerates on each kind of save, keeps the last good tree through a broken one, and stops cleanly on SIGINT", async () => {
    const dir = await projectFolder({ "schemagate.config.json": CONFIG, "defs/point.ts": POINT });
    const gen = path.join(dir, "gen");
    const watch = (running = new WatchProcess(dir, ["--all"]));
    expect(await watch.nextCycle()).toMatch(/^\d\d:\d\d:\d\d gen: \d+ changed, \d+ files \(\d+ ms\)$/);
    expect(watch.stderr).toContain("watching defs and schemagate.config.json");
    expect(await readTree(gen)).toEqual(await coldTree(dir));

    // A plain write.
    await writeFile(path.join(dir, "defs/point.ts"), POINT.replace("y: number;", "y: number; label: string;"));
    expect(await watch.nextCycle()).toMatch(/ gen: [1-9]\d* changed, 0 removed, \d+ files /);
    expect(await readFile(path.join(gen, "typescript/Point.ts"), "utf8")).toContain("label: string");

    // An editor's save: a temporary file renamed over the original.
    await writeFile(path.join(dir, "defs/.point.ts.swp"), POINT.replace("y: number;", "y: number; title: string;"));
    await rename(path.join(dir, "defs/.point.ts.swp"), path.join(dir, "defs/point.ts"));
    expect(await watch.nextCycle()).toMatch(/ gen: [1-9]\d* changed, 0 removed/);
    expect(await readFile(path.join(gen, "typescript/Point.ts"), "utf8")).toContain("title: string");
    const good = await readTree(gen);

    // A broken save: diagnostics as write prints them, the last good tree stays.
    await writeFile(path.join(dir, "defs/point.ts"), "export interface Point { x: \n");
    expect(await watch.nextCycle()).toMatch(/ \d+ errors?; gen left as it was /);
    expect(watch.stderr).toMatch(/defs\/point\.ts:\d+:\d+ - error SG\d+ syntax-error/);
    expect(await readTree(gen)).toEqual(good);

    // The fix, and a new folder with a file that imports the first.
    await writeFile(path.join(dir, "defs/point.ts"), POINT);
    expect(await watch.nextCycle()).toMatch(/ gen: [1-9]\d* changed/);
    await mkdir(path.join(dir, "defs/shapes"));
    await writeFile(path.join(dir, "defs/shapes/circle.ts"), 'import type { Point } from "../point.js";\nexport interface Circle { center: Point; radius: number }\n');
    expect(await watch.nextCycle()).toMatch(/ gen: [1-9]\d* changed, 0 removed/);
    expect(await readFile(path.join(gen, "typescript/shapes/Circle.ts"), "utf8")).toContain("radius: number");
    expect(await readTree(gen)).toEqual(await coldTree(dir));

    // A deleted file: its outputs go.
    await rm(path.join(dir, "defs/shapes/circle.ts"));
    expect(await watch.nextCycle()).toMatch(/ gen: \d+ changed, [1-9]\d* removed/);
    expect(await readTree(gen)).toEqual(await coldTree(dir));

    watch.child.kill("SIGINT");
    expect(await watch.exited).toEqual({ code: 0, signal: null });
    expect(watch.stderr).not.toContain("internal error");
    expect((await readdir(dir)).sort()).toEqual(["defs", "gen", "schemagate.config.json"]);
  }, 120_000);

  it("SIGTERM just after a change (waiting to settle, or in the cycle): exits 0, the tree is the old or the new one whole, nothing left beside it", async () => {
    const dir = await projectFolder({ "schemagate.config.json": CONFIG, "defs/point.ts": POINT });
    const watch = (running = new WatchProcess(dir, []));
    await watch.nextCycle();
    const before = await readTree(path.join(dir, "gen"));
    await writeFile(path.join(dir, "defs/point.ts"), POINT.replace("y: number;", "y: number; label: string;"));
    // About when the debounce (100 ms) ends and the cycle starts.
    await new Promise((resolve) => setTimeout(resolve, 120));
    watch.child.kill("SIGTERM");
    expect(await watch.exited).toEqual({ code: 0, signal: null });
    const after = await readTree(path.join(dir, "gen"));
    const stable = async () => {
      const copy = await coldTree(dir);
      return new Map([...copy].filter(([file]) => !file.startsWith("experimental/")));
    };
    expect([before, await stable()]).toContainEqual(after);
    expect((await readdir(dir)).sort()).toEqual(["defs", "gen", "schemagate.config.json"]);
  }, 60_000);

  it("exits 2 with the usual message when the settings are unusable", async () => {
    const dir = await projectFolder({ "defs/point.ts": POINT });
    const watch = (running = new WatchProcess(dir, []));
    expect(await watch.exited).toEqual({ code: 2, signal: null });
    expect(watch.stderr).toMatch(/watch needs schemagate\.config\.json/);
  }, 30_000);
});
