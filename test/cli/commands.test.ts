import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.js";
import { cli, project } from "../support/cli-in-process.js";
import { readTree } from "../../src/output/tree.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCHEMA = `
/** A point. */
export interface Point { x: number; y: number; /** @experimental */ z?: number }
`;


describe("commands in-process", () => {
  it("generates stable and experimental output for a plain file without any config", async () => {
    const dir = await project({ "schema.ts": SCHEMA });
    expect((await cli(["generate-ts", "--input", "schema.ts", "--out", "stable"], dir)).code).toBe(0);
    expect((await cli(["generate-ts", "--input", "schema.ts", "--out", "all", "--experimental"], dir)).code).toBe(0);
    expect(await readFile(path.join(dir, "stable/Point.ts"), "utf8")).not.toContain("z?");
    expect(await readFile(path.join(dir, "all/Point.ts"), "utf8")).toContain("z?: number");
  });

  it("gives the same bytes from any working directory", async () => {
    const dir = await project({ "defs/schema.ts": SCHEMA, "elsewhere/.keep": "" });
    await cli(["generate-json-schema", "--input", "defs/schema.ts", "--out", "a"], dir);
    await cli(["generate-json-schema", "--input", "../defs/schema.ts", "--out", "../b"], path.join(dir, "elsewhere"));
    const read = async (folder: string) => readFile(path.join(dir, folder, "Point.json"), "utf8");
    expect(await read("a")).toBe(await read("b"));
  });

  it("rejects an unknown config setting with the list of settings (exit 2)", async () => {
    const dir = await project({ "schemagate.config.json": `{ "input": "x", "inputs": "y" }` });
    const result = await cli(["write"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown setting "inputs"');
    expect(result.stderr).toContain("bundleName:");
  });

  it("rejects a config that is not JSON (exit 2)", async () => {
    const dir = await project({ "schemagate.config.json": `{ input: x` });
    const result = await cli(["check"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("not valid JSON");
  });

  it("formats with --prettier, and a failing formatter leaves the previous tree", async () => {
    const dir = await project({ "schema.ts": SCHEMA });
    const prettier = path.join(ROOT, "node_modules/.bin/prettier");
    expect((await cli(["generate-ts", "--input", "schema.ts", "--out", "out", "--prettier", prettier], dir)).code).toBe(0);
    const before = await readdir(path.join(dir, "out"));
    const failed = await cli(["generate-ts", "--input", "schema.ts", "--out", "out", "--prettier", "/no/such/prettier"], dir);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain("--prettier /no/such/prettier failed (not found); nothing was written");
    expect(await readdir(path.join(dir, "out"))).toEqual(before);
    expect(await readdir(dir)).toEqual(["out", "schema.ts"]);
  });

  it("refuses to write into a folder it does not manage (exit 2)", async () => {
    const dir = await project({ "schema.ts": SCHEMA, "src/main.ts": "keep me" });
    const result = await cli(["generate-ts", "--input", "schema.ts", "--out", "src"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("was not created by schemagate");
    expect(await readFile(path.join(dir, "src/main.ts"), "utf8")).toBe("keep me");
  });

  it("reports an internal error as exit 70 with a bug-report hint", async () => {
    const dir = await project({ "schema.ts": SCHEMA });
    let stderr = "";
    const code = await runCli(["inventory", "--input", "schema.ts"], {
      cwd: dir,
      output: {
        stdout: () => {
          throw new TypeError("output stream broke");
        },
        stderr: (text) => void (stderr += text),
      },
    });
    expect(code).toBe(70);
    expect(stderr).toContain("internal error; nothing was written. This is a bug");
  });

  it("prints the inventory as a table and as JSON", async () => {
    const dir = await project({ "schema.ts": SCHEMA });
    const table = await cli(["inventory", "--input", "schema.ts"], dir);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/reason\s+kind\s+where\s+location/);
    expect(table.stdout).toMatch(/Point\.z\s+field\s+Point\.z\s+schema\.ts:3/);
    const json = JSON.parse((await cli(["inventory", "--input", "schema.ts", "--json"], dir)).stdout);
    expect(json.entries).toEqual([{ kind: "field", reason: "Point.z", type: "Point", field: "z", location: "schema.ts:3" }]);
  });

  it("keeps the other audience when writing one, and check passes only with both", async () => {
    const config = JSON.stringify({ input: "defs", output: "gen", bundleName: "points" });
    const dir = await project({ "schemagate.config.json": config, "defs/schema.ts": SCHEMA });
    expect((await cli(["write"], dir)).code).toBe(0);
    const drift = await cli(["check"], dir);
    expect(drift.code).toBe(1);
    expect(drift.stderr).toContain("missing: gen/experimental/typescript/Point.ts");
    expect(drift.stderr).toContain("fix: npx schemagate write --experimental");
    expect((await cli(["write", "--experimental"], dir)).code).toBe(0);
    expect((await cli(["write"], dir)).code).toBe(0);
    expect((await cli(["check"], dir)).code).toBe(0);
  });

  it("writes both audiences with --all, byte for byte what the two runs write", async () => {
    const config = JSON.stringify({ input: "defs", output: "gen", bundleName: "points" });
    const twoRuns = await project({ "schemagate.config.json": config, "defs/schema.ts": SCHEMA });
    expect((await cli(["write"], twoRuns)).code).toBe(0);
    expect((await cli(["write", "--experimental"], twoRuns)).code).toBe(0);
    const oneRun = await project({ "schemagate.config.json": config, "defs/schema.ts": SCHEMA });
    const all = await cli(["write", "--all"], oneRun);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^wrote \d+ files \(stable and experimental\) to gen, \d+ changed\n$/);
    expect(await readTree(path.join(oneRun, "gen"))).toEqual(await readTree(path.join(twoRuns, "gen")));
    expect((await cli(["check"], oneRun)).code).toBe(0);
    // A stale file of either audience goes.
    await writeFile(path.join(oneRun, "gen/experimental/typescript/Stale.ts"), "x");
    expect((await cli(["write", "--all"], oneRun)).code).toBe(0);
    expect((await cli(["check"], oneRun)).code).toBe(0);
  });

  it("refuses --all together with --experimental (exit 2)", async () => {
    const dir = await project({ "schemagate.config.json": JSON.stringify({ input: "defs" }), "defs/schema.ts": SCHEMA });
    const result = await cli(["write", "--all", "--experimental"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot be used with/);
  });
});
