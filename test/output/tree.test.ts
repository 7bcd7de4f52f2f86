import { link, lstat, mkdtemp, mkdir, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { compareFolder, fillManagedTree, MANAGED_MARKER, readTree, writeManagedTree } from "../../src/output/tree.js";

const scratch = () => mkdtemp(path.join(tmpdir(), "schemagate-tree-"));

describe("writeManagedTree", () => {
  it("replaces the folder, removes stale files and leaves no temporary siblings", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await writeManagedTree(out, new Map([["a.ts", "a"], ["sub/b.ts", "b"]]));
    await writeManagedTree(out, new Map([["a.ts", "a2"]]));
    const tree = await readTree(out);
    expect([...tree]).toEqual([
      [MANAGED_MARKER, expect.any(String)],
      ["a.ts", "a2"],
    ].sort());
    expect(await readdir(root)).toEqual(["out"]);
  });

  it("refuses a non-empty folder it did not create, and changes nothing", async () => {
    const root = await scratch();
    const out = path.join(root, "precious");
    await mkdir(out);
    await writeFile(path.join(out, "notes.txt"), "mine");
    await expect(writeManagedTree(out, new Map([["a.ts", "a"]]))).rejects.toBeInstanceOf(UsageError);
    expect(await readdir(out)).toEqual(["notes.txt"]);
    expect(await readdir(root)).toEqual(["precious"]);
  });

  it("keeps the previous tree whole when a step before the swap fails", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await writeManagedTree(out, new Map([["a.ts", "old"]]));
    const failing = writeManagedTree(out, new Map([["a.ts", "new"]]), {
      beforeSwap: async () => {
        throw new Error("formatter crashed");
      },
    });
    await expect(failing).rejects.toThrow("formatter crashed");
    expect(await readFile(path.join(out, "a.ts"), "utf8")).toBe("old");
    expect(await readdir(root)).toEqual(["out"]);
  });

  it("never writes outside the folder", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await expect(writeManagedTree(out, new Map([["../escape.ts", "x"]]))).rejects.toThrow(/outside the output folder/);
    expect(await readdir(root)).toEqual([]);
  });

  it("keeps the top-level entries it is told to keep, unless the new tree writes into them", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await writeManagedTree(out, new Map([["keep/x.ts", "x"], ["mine/y.ts", "y"], ["drop.ts", "d"]]));
    await writeManagedTree(out, new Map([["new.ts", "n"], ["mine/z.ts", "z"]]), { keep: (entry) => entry === "keep" || entry === "mine" });
    expect([...(await readTree(out))].sort()).toEqual(
      [[MANAGED_MARKER, expect.any(String)], ["keep/x.ts", "x"], ["mine/z.ts", "z"], ["new.ts", "n"]].sort(),
    );
    expect(await readdir(root)).toEqual(["out"]);
  });

});

describe("fillManagedTree", () => {
  it("writes each batch as it is handed over and swaps once, counting the files", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await writeManagedTree(out, new Map([["old.ts", "o"]]));
    const seenDuringFill: string[][] = [];
    const written = await fillManagedTree(out, async (writer) => {
      writer.add(new Map([["a/one.ts", "1"]]));
      writer.add(new Map([["b/two.ts", "2"], ["three.ts", "3"]]));
      // Until the swap, the old tree is what readers see; the batches are already in the new one.
      seenDuringFill.push((await readdir(out)).sort(), (await readdir(root)).filter((name) => name.includes(".tmp-")).map(() => "tmp"));
    });
    expect(written).toEqual({ files: 3, changed: 3 });
    expect(seenDuringFill).toEqual([[MANAGED_MARKER, "old.ts"].sort(), ["tmp"]]);
    expect([...(await readTree(out))]).toEqual(
      [[MANAGED_MARKER, expect.any(String)], ["a/one.ts", "1"], ["b/two.ts", "2"], ["three.ts", "3"]].sort(),
    );
    expect(await readdir(root)).toEqual(["out"]);
  });

  it("leaves the previous tree whole, and no temporary sibling, when generation fails after some batches", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await writeManagedTree(out, new Map([["a.ts", "old"]]));
    const failing = fillManagedTree(out, (writer) => {
      writer.add(new Map([["a.ts", "new"], ["b.ts", "new"]]));
      throw new Error("emitter crashed");
    });
    await expect(failing).rejects.toThrow("emitter crashed");
    expect([...(await readTree(out))]).toEqual([[MANAGED_MARKER, expect.any(String)], ["a.ts", "old"]].sort());
    expect(await readdir(root)).toEqual(["out"]);
  });

  it("refuses a path that leaves the folder and leaves nothing behind", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    const failing = fillManagedTree(out, (writer) => writer.add(new Map([["inside.ts", "i"], ["../escape.ts", "x"]])));
    await expect(failing).rejects.toThrow(/outside the output folder/);
    expect(await readdir(root)).toEqual([]);
  });
});

describe("incremental write: unchanged files carried over by link", () => {
  const inode = async (file: string) => (await lstat(file)).ino;

  it("links files whose bytes are unchanged, writes the others afresh, and never writes through a shared file", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await writeManagedTree(out, new Map([["same.ts", "same ✓"], ["sub/same.ts", "s"], ["longer.ts", "abc"], ["edited.ts", "abc"], ["gone.ts", "g"]]));
    const before = { same: await inode(path.join(out, "same.ts")), sub: await inode(path.join(out, "sub/same.ts")), edited: await inode(path.join(out, "edited.ts")) };
    // Someone else holds the old edited file: its bytes must stay the old ones.
    await link(path.join(out, "edited.ts"), path.join(root, "held.ts"));

    const written = await fillManagedTree(out, (writer) =>
      writer.add(new Map([["same.ts", "same ✓"], ["sub/same.ts", "s"], ["longer.ts", "abcd"], ["edited.ts", "abd"], ["new.ts", "n"]])),
    );

    expect(written).toEqual({ files: 5, changed: 3 });
    expect(await inode(path.join(out, "same.ts"))).toBe(before.same);
    expect(await inode(path.join(out, "sub/same.ts"))).toBe(before.sub);
    expect(await inode(path.join(out, "edited.ts"))).not.toBe(before.edited);
    expect(await readFile(path.join(root, "held.ts"), "utf8")).toBe("abc");
    // The replaced tree is gone, so the carried files have one name again.
    expect((await lstat(path.join(out, "same.ts"))).nlink).toBe(1);
    expect([...(await readTree(out))]).toEqual(
      [[MANAGED_MARKER, expect.any(String)], ["edited.ts", "abd"], ["longer.ts", "abcd"], ["new.ts", "n"], ["same.ts", "same ✓"], ["sub/same.ts", "s"]].sort(),
    );
    expect((await readdir(root)).sort()).toEqual(["held.ts", "out"]);
  });

  it("writes afresh where the old tree holds a link or a folder with the expected bytes' name", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await writeManagedTree(out, new Map([["real.ts", "x"], ["dir/inner.ts", "i"]]));
    await writeFile(path.join(root, "elsewhere.ts"), "x");
    await symlink(path.join(root, "elsewhere.ts"), path.join(out, "linked.ts"));

    const written = await fillManagedTree(out, (writer) => writer.add(new Map([["real.ts", "x"], ["linked.ts", "x"], ["dir", "now a file"]])));

    expect(written).toEqual({ files: 3, changed: 2 });
    expect((await lstat(path.join(out, "linked.ts"))).isFile()).toBe(true);
    expect(await readFile(path.join(out, "dir"), "utf8")).toBe("now a file");
    expect(await readFile(path.join(root, "elsewhere.ts"), "utf8")).toBe("x");
  });

  it("links nothing when a formatter runs before the swap (it may rewrite files in place)", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await writeManagedTree(out, new Map([["a.ts", "a"]]));
    const before = await inode(path.join(out, "a.ts"));
    const written = await fillManagedTree(out, (writer) => writer.add(new Map([["a.ts", "a"]])), {
      beforeSwap: async (folder) => writeFile(path.join(folder, "a.ts"), "a"),
    });
    expect(written.changed).toBe(1);
    expect(await inode(path.join(out, "a.ts"))).not.toBe(before);
  });
});

describe("compareFolder", () => {
  it("tells equal bytes from a file that is longer, shorter or differs in one multi-byte character", async () => {
    const root = await scratch();
    const expected = new Map([
      ["same.txt", "héllo ✓\n"],
      ["longer.txt", "abc"],
      ["shorter.txt", "abcdef"],
      ["accent.txt", "é"],
      ["big.txt", "x".repeat(3_000_000)],
    ]);
    for (const [file, text] of [["same.txt", "héllo ✓\n"], ["longer.txt", "abcd"], ["shorter.txt", "abc"], ["accent.txt", "è"], ["big.txt", "x".repeat(3_000_000)]]) {
      await writeFile(path.join(root, file!), text!);
    }
    expect(await compareFolder(expected, root)).toEqual({ missing: [], extra: [], changed: ["accent.txt", "longer.txt", "shorter.txt"] });
  });

  it("compares files of many chunks, multi-byte characters straddling the chunk edges", async () => {
    const root = await scratch();
    const long = "é✓x".repeat(150_000); // 900 KB of UTF-8, characters of 1, 2 and 3 bytes
    const expected = new Map([
      ["same.txt", long],
      ["last-differs.txt", long],
      ["first-differs.txt", long],
      ["one-more.txt", long],
    ]);
    await writeFile(path.join(root, "same.txt"), long);
    await writeFile(path.join(root, "last-differs.txt"), `${long.slice(0, -1)}y`);
    await writeFile(path.join(root, "first-differs.txt"), `è${long.slice(1)}`);
    await writeFile(path.join(root, "one-more.txt"), `${long}\n`);
    expect(await compareFolder(expected, root)).toEqual({
      missing: [],
      extra: [],
      changed: ["first-differs.txt", "last-differs.txt", "one-more.txt"],
    });
  });

  it("counts a folder where a file is expected as missing", async () => {
    const root = await scratch();
    await mkdir(path.join(root, "a.json", "inner"), { recursive: true });
    await writeFile(path.join(root, "a.json", "inner", "x"), "x");
    expect(await compareFolder(new Map([["a.json", "{}"], ["a.json/inner/x/y", "y"]]), root)).toEqual({
      missing: ["a.json", "a.json/inner/x/y"],
      extra: ["a.json/inner/x"],
      changed: [],
    });
  });

  it("lists missing, extra and changed files, sorted", async () => {
    const root = await scratch();
    await mkdir(path.join(root, "sub"));
    for (const [file, text] of [["c", "2"], ["sub/d", "1"], ["a", "1"]]) await writeFile(path.join(root, file!), text!);
    const expected = new Map([["b", "1"], ["a", "1"], ["c", "1"]]);
    expect(await compareFolder(expected, root)).toEqual({ missing: ["b"], extra: ["sub/d"], changed: ["c"] });
  });
});

describe("writing over a tree this process wrote (`known`, as watch does)", () => {
  const inode = async (file: string) => (await lstat(file)).ino;
  const remembering = { remember: true } as const;
  const tree = (entries: Record<string, string>) => new Map(Object.entries(entries));

  it("starts from links to the known files, then removes, replaces and adds, leaving no emptied folder", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    const first = await fillManagedTree(
      out,
      (writer) => writer.add(tree({ "same.ts": "same ✓", "changed.ts": "old", "gone/deep/g.ts": "g", "becomes/folder": "file", "ns/a.ts": "a", "ns/b.ts": "b" })),
      remembering,
    );
    const same = await inode(path.join(out, "same.ts"));
    const next = tree({ "same.ts": "same ✓", "changed.ts": "new", "becomes/folder/inside.ts": "i", "ns/a.ts": "a", "added/x.ts": "x" });

    const written = await fillManagedTree(out, (writer) => writer.add(next), { ...remembering, known: first.known });

    expect(written.files).toBe(5);
    expect(written.changed).toBe(3);
    expect(await inode(path.join(out, "same.ts"))).toBe(same);
    expect([...(await readTree(out))].filter(([file]) => file !== MANAGED_MARKER)).toEqual([...next].sort());
    expect(await readdir(out)).not.toContain("gone");
    expect([...written.known!.keys()].sort()).toEqual([...next.keys()].sort());
    expect((await readdir(root)).sort()).toEqual(["out"]);
  });

  it("writes afresh a known file that was edited, or replaced by a link, since it was written, and touches nothing outside", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    const first = await fillManagedTree(out, (writer) => writer.add(tree({ "edited.ts": "abc", "linked.ts": "l", "kept.ts": "k" })), remembering);
    await writeFile(path.join(out, "edited.ts"), "xyz");
    await writeFile(path.join(root, "outside.ts"), "l");
    await rm(path.join(out, "linked.ts"));
    await symlink(path.join(root, "outside.ts"), path.join(out, "linked.ts"));

    const written = await fillManagedTree(out, (writer) => writer.add(tree({ "edited.ts": "abc", "linked.ts": "l", "kept.ts": "k" })), {
      ...remembering,
      known: first.known,
    });

    expect(written.changed).toBe(2);
    expect(await readFile(path.join(out, "edited.ts"), "utf8")).toBe("abc");
    expect((await lstat(path.join(out, "linked.ts"))).isFile()).toBe(true);
    expect(await readFile(path.join(root, "outside.ts"), "utf8")).toBe("l");
    // What the next write knows is the rewritten file, not the edited one.
    expect(written.known!.get("edited.ts")!.ino).toBe(await inode(path.join(out, "edited.ts")));
  });

  it("leaves the previous tree whole, and nothing beside it, when generation fails while the links are being made", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    const files = tree(Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`f${index}.ts`, `${index}`])));
    const first = await fillManagedTree(out, (writer) => writer.add(files), remembering);

    const failing = fillManagedTree(
      out,
      (writer) => {
        writer.add(tree({ "f0.ts": "changed" }));
        throw new Error("generation failed");
      },
      { ...remembering, known: first.known },
    );

    await expect(failing).rejects.toThrow("generation failed");
    expect([...(await readTree(out))].filter(([file]) => file !== MANAGED_MARKER)).toEqual([...files].sort());
    expect((await readdir(root)).sort()).toEqual(["out"]);
  });
});

describe("building on the tree the last write replaced (`keepReplaced`, `spare`, as watch does)", () => {
  const tree = (entries: Record<string, string>) => new Map(Object.entries(entries));
  const written = async (out: string) => [...(await readTree(out))].filter(([file]) => file !== MANAGED_MARKER);
  const options = { remember: true, keepReplaced: true } as const;

  /** Three writes in a row, the third given the tree the second replaced. */
  async function threeWrites(root: string, trees: readonly Map<string, string>[], between?: (spare: string) => Promise<void>) {
    const out = path.join(root, "out");
    const first = await fillManagedTree(out, (writer) => writer.add(trees[0]!), options);
    expect(first.spare).toBeUndefined();
    const second = await fillManagedTree(out, (writer) => writer.add(trees[1]!), { ...options, known: first.known });
    expect(second.spare).toBeDefined();
    expect(await readdir(second.spare!.container)).toEqual(["old"]);
    await between?.(path.join(second.spare!.container, "old"));
    const third = await fillManagedTree(out, (writer) => writer.add(trees[2]!), { ...options, known: second.known, spare: second.spare });
    return { out, second, third };
  }

  it("keeps the replaced tree beside the folder, then turns it into the next tree, writing only what differs from it", async () => {
    const root = await scratch();
    const a = tree({ "same.ts": "same", "toggled.ts": "one", "gone/g.ts": "g", "ns/a.ts": "a" });
    const b = tree({ "same.ts": "same", "toggled.ts": "two", "gone/g.ts": "g", "ns/a.ts": "a" });
    const c = tree({ "same.ts": "same", "toggled.ts": "one", "ns/a.ts": "A", "added/x.ts": "x" });
    const { out, second, third } = await threeWrites(root, [a, b, c]);

    expect(await written(out)).toEqual([...c].sort());
    expect(third.changed).toBe(2); // against the kept tree (a): ns/a.ts and added/x.ts
    expect(await readdir(out)).not.toContain("gone");
    expect(third.spare!.container).toBe(second.spare!.container);
    expect(await written(path.join(third.spare!.container, "old"))).toEqual([...b].sort());
    expect((await readdir(root)).sort()).toEqual(["out", path.basename(third.spare!.container)].sort());
  });

  it("writes afresh what was edited through a link the live tree shares with the kept one, and removes what was put into the kept one", async () => {
    const root = await scratch();
    const files = tree({ "shared.ts": "abc", "other.ts": "o", "ns/n.ts": "n" });
    const { out, third } = await threeWrites(root, [files, files, files], async (kept) => {
      await writeFile(path.join(root, "out", "shared.ts"), "xyz"); // the same inode in both trees
      await writeFile(path.join(kept, "stray.ts"), "s");
      await symlink(root, path.join(kept, "ns", "escape"));
      await rm(path.join(kept, "other.ts"));
    });

    expect(await written(out)).toEqual([...files].sort());
    expect(third.changed).toBe(2);
    expect(await readdir(root)).toContain("out");
    expect(third.known!.get("shared.ts")!.ino).toBe((await lstat(path.join(out, "shared.ts"))).ino);
  });

  it("links afresh when another run removed the kept tree in between", async () => {
    const root = await scratch();
    const a = tree({ "x.ts": "1", "y.ts": "y" });
    const b = tree({ "x.ts": "2", "y.ts": "y" });
    const { out, third } = await threeWrites(root, [a, b, a], async (kept) => {
      // What a write by another process does first: it finds the kept tree and removes it as a leftover.
      await rm(path.dirname(kept), { recursive: true });
    });

    expect(await written(out)).toEqual([...a].sort());
    expect(third.changed).toBe(1);
  });

  it("leaves the kept tree alone while writing, and removes it with the failed write that took it", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    const first = await fillManagedTree(out, (writer) => writer.add(tree({ "x.ts": "1" })), options);
    const second = await fillManagedTree(out, (writer) => writer.add(tree({ "x.ts": "2" })), { ...options, known: first.known });
    const failing = fillManagedTree(
      out,
      () => {
        throw new Error("generation failed");
      },
      { ...options, known: second.known, spare: second.spare },
    );

    await expect(failing).rejects.toThrow("generation failed");
    expect(await written(out)).toEqual([["x.ts", "2"]]);
    expect(await readdir(root)).toEqual(["out"]);
  });
});
