import fc from "fast-check";
import { lstat, mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { write } from "../../src/commands/write.js";
import { readTree } from "../../src/output/tree.js";
import { WatchSession } from "../../src/watch/session.js";
import { applyEdits, edits, type Edit } from "./blueprint-edits.js";
import { applyMutations, mutations, type Mutation } from "./mutations.js";
import { protocolBlueprint, type ProtocolBlueprint } from "./protocol-blueprint.js";
import { renderProtocol } from "./render-protocol.js";

/**
 * Every watch cycle leaves the managed folder byte for byte as a cold `write`
 * of the same definitions leaves a fresh folder, whatever sequence of edits,
 * new files, renames and deletions led there (the session keeps syntax trees
 * and what the folder holds between cycles: neither may show). A cycle whose
 * definitions have errors leaves the tree of the last good one.
 */

const NUM_RUNS = Number(process.env.SG_PROPERTY_RUNS ?? 50);
/** Each run writes to disk a few times per step: fewer runs keep the file fast. */
const RUNS = Math.max(3, Math.round(NUM_RUNS / 4));
const CONFIG = JSON.stringify({ input: "defs", output: "gen", bundleName: "prop" });

type Step =
  | { readonly kind: "edit"; readonly edits: Edit[] }
  | { readonly kind: "damage"; readonly mutations: Mutation[] }
  | { readonly kind: "add"; readonly name: number; readonly folder: boolean }
  | { readonly kind: "rename"; readonly file: number; readonly name: number }
  | { readonly kind: "delete"; readonly file: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("edit" as const), edits }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("damage" as const), mutations }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("add" as const), name: fc.nat(5), folder: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("rename" as const), file: fc.nat(), name: fc.nat(5) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("delete" as const), file: fc.nat() }), weight: 1 },
);

/** The definitions as files on disk: path under defs/ → text. */
type Files = Map<string, string>;

function rendered(blueprint: ProtocolBlueprint): Files {
  return new Map(renderProtocol(blueprint).map((file) => [file.path, file.text]));
}

/** The next definitions after one step; a damaged file, a renamed or deleted one that others import, are errors a cycle must survive. */
function apply(files: Files, blueprint: ProtocolBlueprint, change: Step): { files: Files; blueprint: ProtocolBlueprint } {
  const next = new Map(files);
  const paths = [...files.keys()].sort();
  switch (change.kind) {
    case "edit": {
      const edited = applyEdits(blueprint, change.edits);
      for (const [file, text] of rendered(edited)) next.set(file, text);
      return { files: next, blueprint: edited };
    }
    case "damage": {
      const damaged = applyMutations(paths.map((file) => ({ path: file, text: files.get(file)! })), change.mutations);
      return { files: new Map(damaged.map((file) => [file.path, file.text])), blueprint };
    }
    case "add":
      next.set(`${change.folder ? "extra/" : ""}added${change.name}.ts`, `export interface Added${change.name} {\n  id: string;\n  /** @experimental */\n  note?: number;\n}\n`);
      return { files: next, blueprint };
    case "rename": {
      if (paths.length === 0) return { files: next, blueprint };
      const from = paths[change.file % paths.length]!;
      const to = path.posix.join(path.posix.dirname(from), `renamed${change.name}.ts`);
      if (next.has(to)) return { files: next, blueprint };
      next.set(to, next.get(from)!);
      next.delete(from);
      return { files: next, blueprint };
    }
    case "delete":
      if (paths.length > 0) next.delete(paths[change.file % paths.length]!);
      return { files: next, blueprint };
  }
}

/** Brings defs/ from `before` to `after` as an editor would: changed files rewritten, renames as renames, the rest added or removed. */
async function sync(defs: string, before: Files, after: Files): Promise<void> {
  const gone = [...before.keys()].filter((file) => !after.has(file));
  for (const file of gone) {
    const movedTo = [...after.keys()].find((candidate) => !before.has(candidate) && after.get(candidate) === before.get(file));
    if (movedTo !== undefined && !(await exists(path.join(defs, movedTo)))) {
      await mkdir(path.dirname(path.join(defs, movedTo)), { recursive: true });
      await rename(path.join(defs, file), path.join(defs, movedTo));
    } else {
      await rm(path.join(defs, file));
    }
  }
  for (const [file, text] of after) {
    if (before.get(file) === text) continue;
    await mkdir(path.dirname(path.join(defs, file)), { recursive: true });
    await writeFile(path.join(defs, file), text);
  }
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(() => true, () => false);
}

const silent = { stdout: () => undefined, stderr: () => undefined };

/** A cold `write --all` of `files` into a fresh project; undefined when the definitions have errors. */
async function coldWrite(files: Files): Promise<Map<string, string> | undefined> {
  const dir = await mkdtemp(path.join(tmpdir(), "schemagate-cold-"));
  try {
    await writeFile(path.join(dir, "schemagate.config.json"), CONFIG);
    await mkdir(path.join(dir, "defs"));
    await sync(path.join(dir, "defs"), new Map(), files);
    const code = await write({ cwd: dir, output: silent, all: true });
    return code === 0 ? await readTree(path.join(dir, "gen")) : undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("watch cycles", () => {
  it("leave the managed folder byte-identical to a cold write after any sequence of edits, adds, renames and deletes", async () => {
    await fc.assert(
      fc.asyncProperty(protocolBlueprint, fc.array(step, { minLength: 1, maxLength: 6 }), async (blueprint, steps) => {
        const dir = await mkdtemp(path.join(tmpdir(), "schemagate-watch-"));
        try {
          await writeFile(path.join(dir, "schemagate.config.json"), CONFIG);
          await mkdir(path.join(dir, "defs"));
          let files = rendered(blueprint);
          let current = blueprint;
          await sync(path.join(dir, "defs"), new Map(), files);
          const session = new WatchSession({ cwd: dir, output: silent, all: true });
          let lastGood: Map<string, string> | undefined;
          for (const change of [undefined, ...steps]) {
            if (change) {
              const next = apply(files, current, change);
              await sync(path.join(dir, "defs"), files, next.files);
              ({ files, blueprint: current } = next);
            }
            const outcome = await session.cycle();
            const cold = await coldWrite(files);
            expect(outcome.kind).toBe(cold === undefined ? "failed" : "written");
            if (cold !== undefined) lastGood = cold;
            const tree = await readTree(path.join(dir, "gen")).catch(() => undefined);
            if (lastGood === undefined) expect(tree?.size ?? 0).toBe(0);
            else expect(tree).toEqual(lastGood);
          }
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
