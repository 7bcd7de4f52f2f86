import { chmod, chown, cp, lstat, mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readTree } from "../../src/output/tree.js";
import { nobodyUser, projectFolder, runBinary } from "../support/cli-process.js";

/**
 * Permission problems are only real for a user without root's powers, so these
 * runs are made as `nobody` (through `setpriv`). Where that user or `setpriv`
 * is missing the suite is skipped, and says why.
 */
const found = nobodyUser();
const nobody = "skipped" in found ? undefined : found;
const CONFIG = JSON.stringify({ input: "defs", output: "gen", bundleName: "points" });
const SCHEMA = "export interface Point { x: number; y: number; /** @experimental */ z?: number }\n";

async function chownTree(folder: string, uid: number, gid: number): Promise<void> {
  await chown(folder, uid, gid);
  for (const entry of await readdir(folder, { recursive: true })) await chown(path.join(folder, entry), uid, gid);
}

let base: string;

describe.skipIf(!nobody)(`replacing a folder without the permissions to (as nobody)${"skipped" in found ? `: skipped, ${found.skipped}` : ""}`, () => {
  const as = nobody!;
  const writeAsNobody = (dir: string) => runBinary(["write"], dir, { as });

  beforeAll(async () => {
    base = await projectFolder({ "schemagate.config.json": CONFIG, "defs/schema.ts": SCHEMA });
    await chmod(base, 0o755);
    await chownTree(base, as.uid, as.gid);
    const first = runBinary(["write", "--all"], base, { as });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
  });

  async function copyOfBase(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), "schemagate-perm-"));
    await cp(base, dir, { recursive: true });
    await chmod(dir, 0o755);
    await chownTree(dir, as.uid, as.gid);
    return dir;
  }

  it.each([
    ["the folder itself", "gen", /cannot replace .*\/gen: .*\/gen: it is not writable by this user; nothing was written/],
    ["a folder inside it", "gen/json", /cannot replace .*\/gen: .*\/gen\/json \(inside .*\/gen\): it is not writable by this user/],
    ["the folder holding it", ".", /cannot create .*\/gen\.lock: permission denied/],
  ])("read-only %s: exit 2 with a clear message, before anything changes", async (_what, readOnly, message) => {
    const dir = await copyOfBase();
    const before = await readTree(path.join(dir, "gen"));
    const listing = (await readdir(dir)).sort();
    await chmod(path.join(dir, readOnly), 0o555);
    const result = writeAsNobody(dir);
    expect(result.stderr).not.toContain("internal error");
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(await readTree(path.join(dir, "gen"))).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(listing);
    // Once the permission is back, the same run works.
    await chmod(path.join(dir, readOnly), 0o755);
    expect(writeAsNobody(dir).code).toBe(0);
  });

  it("files this user may not link (another owner's, under protected_hardlinks) are written afresh instead", async () => {
    const dir = await copyOfBase();
    const gen = path.join(dir, "gen");
    const files = (await readdir(gen, { recursive: true })).map((entry) => path.join(gen, entry));
    for (const file of files) if ((await lstat(file)).isFile()) await chown(file, 0, 0);
    const result = writeAsNobody(dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote (\d+) files \(stable\) to gen, \1 changed\n$/);
    expect((await lstat(path.join(gen, "typescript/Point.ts"))).uid).toBe(as.uid);
    expect(runBinary(["check"], dir, { as }).code).toBe(0);
  });

  it("a read-only folder of the other audience, which write keeps, does not stop it", async () => {
    const dir = await copyOfBase();
    await chmod(path.join(dir, "gen/experimental/json"), 0o555);
    const result = writeAsNobody(dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(runBinary(["check"], dir, { as }).code).toBe(0);
  });
});
