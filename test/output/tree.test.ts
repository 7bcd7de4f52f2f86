import { mkdtemp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { compareFolder, MANAGED_MARKER, readTree, writeManagedTree } from "../../src/output/tree.js";

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

  it("carries over preserved files and restores a tree left by an interrupted swap", async () => {
    const root = await scratch();
    const out = path.join(root, "out");
    await writeManagedTree(out, new Map([["keep/x.ts", "x"], ["drop.ts", "d"]]));
    await writeManagedTree(out, new Map([["new.ts", "n"]]), { preserve: (file) => file.startsWith("keep/") });
    expect([...(await readTree(out)).keys()].sort()).toEqual([MANAGED_MARKER, "keep/x.ts", "new.ts"].sort());

    const { rename } = await import("node:fs/promises");
    await rename(out, `${out}.old-123-456`);
    await writeManagedTree(out, new Map([["new.ts", "n2"]]), { preserve: (file) => file.startsWith("keep/") });
    expect([...(await readTree(out)).keys()].sort()).toEqual([MANAGED_MARKER, "keep/x.ts", "new.ts"].sort());
  });
});

describe("compareFolder", () => {
  it("lists missing, extra and changed files, sorted", async () => {
    const root = await scratch();
    await mkdir(path.join(root, "sub"));
    for (const [file, text] of [["c", "2"], ["sub/d", "1"], ["a", "1"]]) await writeFile(path.join(root, file!), text!);
    const expected = new Map([["b", "1"], ["a", "1"], ["c", "1"]]);
    expect(await compareFolder(expected, root)).toEqual({ missing: ["b"], extra: ["sub/d"], changed: ["c"] });
  });
});
