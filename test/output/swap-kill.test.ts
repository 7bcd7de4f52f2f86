import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readTree } from "../../src/output/tree.js";
import { SWAP_STEPS, type SwapStep } from "../../src/output/swap-folder.js";
import { projectFolder, runBinary, startBinary } from "../support/cli-process.js";

/**
 * Real processes killed with a real SIGKILL at every step of replacing a
 * managed folder (the CLI kills itself there when SCHEMAGATE_TEST_KILL_AT names
 * the step), then what the next run makes of what was left.
 */

const CONFIG = JSON.stringify({ input: "defs", output: "gen", bundleName: "points" });
const BEFORE = `
export interface Point { x: number; y: number; /** @experimental */ z?: number }
export type Shape = { kind: "circle"; radius: number } | { kind: "square"; side: number };
`;
const AFTER = `${BEFORE}export interface Label { text: string; at: Point }\n`;

/** The steps a stable `write` over a tree holding both audiences passes (it carries experimental/ over). */
const WRITE_STEPS = SWAP_STEPS.filter((step) => step !== "restoring");
/** Killed here, the folder is missing until the next run puts it back. */
const MID_SWAP: readonly SwapStep[] = ["old-moved-aside", "journal-written", "entry-carried"];

type Tree = Map<string, string>;

let base: string;
let oldTree: Tree;
let newTree: Tree;
let freshStable: Tree;

async function copyOf(folder: string): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), "schemagate-kill-"));
  await cp(folder, copy, { recursive: true, verbatimSymlinks: true });
  return copy;
}

function write(dir: string, killAt?: string) {
  return runBinary(["write"], dir, killAt ? { env: { SCHEMAGATE_TEST_KILL_AT: killAt } } : {});
}

async function treeOrMissing(folder: string): Promise<Tree | "missing"> {
  return (await readdir(folder).catch(() => undefined)) === undefined ? "missing" : readTree(folder);
}

beforeAll(async () => {
  base = await projectFolder({ "schemagate.config.json": CONFIG, "defs/schema.ts": BEFORE });
  expect(runBinary(["write", "--all"], base).code).toBe(0);
  oldTree = await readTree(path.join(base, "gen"));
  await writeFile(path.join(base, "defs/schema.ts"), AFTER);
  const reference = await copyOf(base);
  expect(write(reference).code).toBe(0);
  newTree = await readTree(path.join(reference, "gen"));
  await rm(path.join(reference, "gen"), { recursive: true });
  expect(write(reference).code).toBe(0);
  freshStable = await readTree(path.join(reference, "gen"));
  expect(newTree).not.toEqual(oldTree);
  expect(newTree.has("experimental/typescript/Point.ts")).toBe(true);
  expect(freshStable.has("experimental/typescript/Point.ts")).toBe(false);
});

describe("write killed at every step of the swap", () => {
  it.each(WRITE_STEPS)("killed at %s: the folder is the old tree, the new one, or (mid-swap) missing; the next run recovers", async (step) => {
    const dir = await copyOf(base);
    const killed = write(dir, step);
    expect(killed.signal).toBe("SIGKILL");
    const left = await treeOrMissing(path.join(dir, "gen"));
    if (MID_SWAP.includes(step)) expect(left).toBe("missing");
    else expect([oldTree, newTree]).toContainEqual(left);
    const userRemovesIt = await copyOf(dir);

    // The next run finishes the job and leaves nothing beside the folder.
    const next = write(dir);
    expect(next.stderr).not.toContain("internal error");
    expect(next.code).toBe(0);
    expect(await readTree(path.join(dir, "gen"))).toEqual(newTree);
    expect((await readdir(dir)).sort()).toEqual(["defs", "gen", "schemagate.config.json"]);
    expect(next.stderr).toMatch(/schemagate: (removed|put back) /);

    // The user removes gen/ after the kill: nothing half removed ever comes back.
    await rm(path.join(userRemovesIt, "gen"), { recursive: true, force: true });
    const afterRemoval = write(userRemovesIt);
    expect(afterRemoval.code).toBe(0);
    expect(await readTree(path.join(userRemovesIt, "gen"))).toEqual(MID_SWAP.includes(step) ? newTree : freshStable);
    expect((await readdir(userRemovesIt)).sort()).toEqual(["defs", "gen", "schemagate.config.json"]);
  });

  it("killed again while putting a tree back, the run after that still puts it back whole", async () => {
    const dir = await copyOf(base);
    expect(write(dir, "entry-carried").signal).toBe("SIGKILL");
    expect(write(dir, "restoring").signal).toBe("SIGKILL");
    const next = write(dir);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain("a run was killed in the middle of replacing it");
    expect(await readTree(path.join(dir, "gen"))).toEqual(newTree);
    expect((await readdir(dir)).sort()).toEqual(["defs", "gen", "schemagate.config.json"]);
  });
});

describe("concurrent writes", () => {
  it("one at a time: every run succeeds, the tree is whole, nothing is left beside it", async () => {
    const dir = await copyOf(base);
    const runs = await Promise.all(
      [["write", "--all"], ["write"], ["write", "--experimental"], ["write", "--all"]].map((args) => startBinary(args, dir)),
    );
    for (const run of runs) {
      expect(run.stderr).not.toContain("internal error");
      expect(run.code).toBe(0);
    }
    expect(runBinary(["check"], dir).code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(["defs", "gen", "schemagate.config.json"]);
  });
});
