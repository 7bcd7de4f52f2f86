import { spawn, spawnSync } from "node:child_process";
import { execFileSync } from "node:child_process";
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { FolderComparer } from "../../src/output/disk.js";
import { MANAGED_MARKER, fillManagedTree, readTree, writeManagedTree } from "../../src/output/tree.js";

const scratch = () => mkdtemp(path.join(tmpdir(), "schemagate-managed-"));
const marker = [MANAGED_MARKER, expect.any(String)] as const;

/** A pid that was a real process and has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("a symbolic link as the output folder: resolved once, the target is the managed folder", () => {
  it("replaces the target's tree, keeps its kept entries there, and leaves the link a link", async () => {
    const root = await scratch();
    const target = path.join(root, "real", "gen");
    await writeManagedTree(target, new Map([["experimental/x.ts", "x"], ["typescript/a.ts", "a"]]));
    await mkdir(path.join(root, "project"));
    const link = path.join(root, "project", "gen");
    await symlink(target, link);

    await writeManagedTree(link, new Map([["typescript/a.ts", "a2"]]), { keep: (entry) => entry === "experimental" });

    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(target);
    expect([...(await readTree(target))].sort()).toEqual([marker, ["experimental/x.ts", "x"], ["typescript/a.ts", "a2"]].sort());
    expect(await readdir(path.join(root, "project"))).toEqual(["gen"]);
    expect(await readdir(path.join(root, "real"))).toEqual(["gen"]);
  });

  it("refuses a link to nothing and a link to a file (exit 2), changing nothing", async () => {
    const root = await scratch();
    await symlink(path.join(root, "missing"), path.join(root, "dangling"));
    await writeFile(path.join(root, "file.txt"), "mine");
    await symlink(path.join(root, "file.txt"), path.join(root, "to-file"));
    await expect(writeManagedTree(path.join(root, "dangling"), new Map([["a.ts", "a"]]))).rejects.toThrow(/symbolic link to nothing/);
    await expect(writeManagedTree(path.join(root, "to-file"), new Map([["a.ts", "a"]]))).rejects.toThrow(/is a file; name a folder/);
    expect((await readdir(root)).sort()).toEqual(["dangling", "file.txt", "to-file"]);
    expect(await readFile(path.join(root, "file.txt"), "utf8")).toBe("mine");
  });
});

describe("the temporary folder", () => {
  it("is made fresh and private, so a link planted at a name it could have is never followed", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    const elsewhere = path.join(root, "elsewhere");
    await mkdir(elsewhere);
    // Every name `<out>.tmp-<pid>-<ms>` the next two seconds could give.
    const now = Date.now();
    for (let ms = now; ms < now + 2000; ms++) await symlink(elsewhere, `${out}.tmp-${process.pid}-${ms}`);
    const modes: number[] = [];
    await fillManagedTree(out, async (writer) => {
      writer.add(new Map([["a.ts", "a"]]));
      const [temporary] = (await readdir(root)).filter((name) => /^out\.tmp-[A-Za-z0-9]{6}$/.test(name));
      modes.push((await stat(path.join(root, temporary!))).mode & 0o777);
    });
    expect(modes).toEqual([0o700]);
    expect(await readdir(elsewhere)).toEqual([]);
    expect([...(await readTree(out))].sort()).toEqual([marker, ["a.ts", "a"]].sort());
    const links = (await readdir(root)).filter((name) => name.startsWith("out.tmp-"));
    expect(links).toHaveLength(2000);
  });
});

describe("what --out may name", () => {
  it("refuses an existing file with a usage error, and leaves no temporary folder", async () => {
    const root = await scratch();
    await writeFile(path.join(root, "out"), "a file");
    const failing = writeManagedTree(path.join(root, "out"), new Map([["a.ts", "a"]]));
    await expect(failing).rejects.toBeInstanceOf(UsageError);
    await expect(writeManagedTree(path.join(root, "out"), new Map([["a.ts", "a"]]))).rejects.toThrow(/is a file; name a folder/);
    await expect(writeManagedTree(path.join(root, "out", "inner"), new Map([["a.ts", "a"]]))).rejects.toThrow(/a part of the path is a file/);
    expect(await readdir(root)).toEqual(["out"]);
    expect(await readFile(path.join(root, "out"), "utf8")).toBe("a file");
  });

  it("keeps the formats of generate-ts and generate-json-schema apart: one never replaces the other's folder", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await writeManagedTree(out, new Map([["Point.ts", "ts"]]), { kind: "generate-ts" });
    const other = writeManagedTree(out, new Map([["Point.json", "{}"]]), { kind: "generate-json-schema" });
    await expect(other).rejects.toThrow(/holds the output of schemagate generate-ts; schemagate generate-json-schema would replace it/);
    await expect(writeManagedTree(out, new Map([["x", "x"]]), { kind: "write" })).rejects.toBeInstanceOf(UsageError);
    expect([...(await readTree(out))].sort()).toEqual([marker, ["Point.ts", "ts"]].sort());
    // The same command again replaces its own tree.
    await writeManagedTree(out, new Map([["Other.ts", "ts"]]), { kind: "generate-ts" });
    expect([...(await readTree(out))].sort()).toEqual([marker, ["Other.ts", "ts"]].sort());
    expect(await readdir(root)).toEqual(["out"]);
  });
});

describe("leftovers of killed runs", () => {
  it("removes temporary folders that are provably a run's own, says so, and touches nothing else", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await writeManagedTree(out, new Map([["a.ts", "a"]]));
    // Stopped before the swap (a tree/ only) and after it (an old/ only, half removed).
    await mkdir(path.join(root, "out.tmp-Befor1", "tree", "sub"), { recursive: true });
    await mkdir(path.join(root, "out.tmp-Aftr12", "old", "typescript"), { recursive: true });
    // Earlier versions' names, with the folder present.
    await mkdir(path.join(root, "out.tmp-123-456"));
    await mkdir(path.join(root, "out.old-123-456"));
    // Not provably ours: another entry inside, a link, a name schemagate never gives.
    await mkdir(path.join(root, "out.tmp-Foregn", "notes"), { recursive: true });
    await mkdir(path.join(root, "linked-target"));
    await symlink(path.join(root, "linked-target"), path.join(root, "out.tmp-Linkd1"));
    await mkdir(path.join(root, "out.tmp-mine"));
    const said: string[] = [];
    await writeManagedTree(out, new Map([["a.ts", "a2"]]), { report: (message) => said.push(message) });
    expect((await readdir(root)).sort()).toEqual(["linked-target", "out", "out.tmp-Foregn", "out.tmp-Linkd1", "out.tmp-mine"]);
    expect(said.sort()).toEqual(
      [
        `removed ${root}/out.tmp-Aftr12, left by a run that was killed`,
        `removed ${root}/out.tmp-Befor1, left by a run that was killed`,
        `removed ${root}/out.tmp-123-456, left by a run of an earlier schemagate that was killed`,
        `removed ${root}/out.old-123-456, left by a run of an earlier schemagate that was killed`,
      ].sort(),
    );
  });

  it("never puts back an earlier version's .old folder (it may be half removed); it says so instead", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await mkdir(path.join(root, "out.old-123-456", "typescript"), { recursive: true });
    const said: string[] = [];
    await writeManagedTree(out, new Map([["a.ts", "a"]]), { report: (message) => said.push(message) });
    expect([...(await readTree(out))].sort()).toEqual([marker, ["a.ts", "a"]].sort());
    expect(said).toEqual([expect.stringContaining(`left ${root}/out.old-123-456 alone`)]);
  });
});

describe("the lock", () => {
  it("removes a lock whose owner is no longer running, and says so", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    const pid = deadPid();
    await writeFile(`${out}.lock`, JSON.stringify({ pid, host: (await import("node:os")).hostname() }));
    const said: string[] = [];
    await writeManagedTree(out, new Map([["a.ts", "a"]]), { report: (message) => said.push(message) });
    expect(said).toEqual([`removed a stale lock left by process ${pid}, which is no longer running (${out}.lock)`]);
    expect(await readdir(root)).toEqual(["out"]);
  });

  it("waits for a live owner, then fails naming it and the lock file, leaving the lock and the folder alone", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await writeManagedTree(out, new Map([["a.ts", "a"]]));
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      const lock = JSON.stringify({ pid: holder.pid, host: (await import("node:os")).hostname() });
      await writeFile(`${out}.lock`, lock);
      const said: string[] = [];
      const started = Date.now();
      const failing = writeManagedTree(out, new Map([["a.ts", "b"]]), { lockTimeoutMs: 300, report: (message) => said.push(message) });
      await expect(failing).rejects.toThrow(new RegExp(`being written by process ${holder.pid} \\(lock ${out}\\.lock\\)`));
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(said).toEqual([`waiting for process ${holder.pid}, which is writing ${out}`]);
      expect(await readFile(`${out}.lock`, "utf8")).toBe(lock);
      expect([...(await readTree(out))].sort()).toEqual([marker, ["a.ts", "a"]].sort());
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("makes two writers that reach their swaps together take turns, both succeeding", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await writeManagedTree(out, new Map([["keep/x.ts", "x"], ["a.ts", "a"]]));
    // Each writer waits in its fill until the other is there too (or 500 ms passed), so
    // without a lock both would swap at once.
    let arrived = 0;
    const together = async () => {
      arrived++;
      for (let waited = 0; arrived < 2 && waited < 500; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    const writer = (text: string) =>
      fillManagedTree(
        out,
        async (tree) => {
          tree.add(new Map([["a.ts", text]]));
          await together();
        },
        { keep: (entry) => entry === "keep" },
      );
    await Promise.all([writer("first"), writer("second")]);
    const tree = await readTree(out);
    expect(tree.get("keep/x.ts")).toBe("x");
    expect(["first", "second"]).toContain(tree.get("a.ts"));
    expect(await readdir(root)).toEqual(["out"]);
  });

  it("never follows a link planted at the lock's name", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await writeFile(path.join(root, "victim"), "keep");
    await symlink(path.join(root, "victim"), `${out}.lock`);
    await expect(writeManagedTree(out, new Map([["a.ts", "a"]]), { lockTimeoutMs: 200 })).rejects.toThrow(/being written by another run/);
    expect(await readFile(path.join(root, "victim"), "utf8")).toBe("keep");
  });
});

describe("FolderComparer", () => {
  it("counts links, FIFOs and empty folders as extra, and a link at an expected file as missing", async () => {
    const root = await scratch();
    await mkdir(path.join(root, "empty"));
    await writeFile(path.join(root, "a.json"), "{}");
    await writeFile(path.join(root, "real.json"), "{}");
    await symlink(path.join(root, "real.json"), path.join(root, "b.json"));
    await symlink(path.join(root, "real.json"), path.join(root, "stray.json"));
    execFileSync("mkfifo", [path.join(root, "pipe")]);
    const comparer = new FolderComparer(root);
    comparer.compare(new Map([["a.json", "{}"], ["b.json", "{}"], ["real.json", "{}"], ["pipe", "x"]]));
    const { difference, notFiles } = comparer.result();
    expect(difference).toEqual({ missing: ["b.json", "pipe"], extra: ["empty", "stray.json"], changed: [] });
    expect(Object.fromEntries(notFiles)).toEqual({
      "b.json": "a symbolic link",
      empty: "an empty folder",
      pipe: "a FIFO",
      "stray.json": "a symbolic link",
    });
  });
});
