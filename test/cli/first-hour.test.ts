import { execFileSync } from "node:child_process";
import { lstat, mkdir, readdir, readFile, rename, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, project } from "../support/cli-in-process.js";
import { runBinary } from "../support/cli-process.js";

/** What a user meets in the first hour: flags, messages, and output folders they name. */

const SCHEMA = `
/** A point. */
export interface Point { x: number; y: number; /** @experimental */ z?: number }
`;


const configured = () => project({ "schemagate.config.json": JSON.stringify({ input: "defs", output: "gen", bundleName: "points" }), "defs/schema.ts": SCHEMA });

describe("write and check without a config, or with another one", () => {
  it("take --input and --out, name them in the headers, and agree with each other", async () => {
    const dir = await project({ "defs/schema.ts": SCHEMA });
    const written = await cli(["write", "--all", "--input", "defs", "--out", "gen"], dir);
    expect(written.stderr).toBe("");
    expect(written.code).toBe(0);
    expect(await readFile(path.join(dir, "gen/typescript/Point.ts"), "utf8")).toContain("// Regenerate with: npx schemagate write --input defs --out gen\n");
    expect(await readFile(path.join(dir, "gen/experimental/typescript/Point.ts"), "utf8")).toContain(
      "// Regenerate with: npx schemagate write --input defs --out gen --experimental\n",
    );
    const checked = await cli(["check", "--input", "defs", "--out", "gen"], dir);
    expect(checked.stdout).toMatch(/^gen is up to date \(\d+ files\)\n$/);
    expect(checked.code).toBe(0);
    await writeFile(path.join(dir, "defs/schema.ts"), `${SCHEMA}export type Id = string;\n`);
    const drift = await cli(["check", "--input", "defs", "--out", "gen"], dir);
    expect(drift.code).toBe(1);
    expect(drift.stderr).toContain("fix: npx schemagate write --input defs --out gen && npx schemagate write --input defs --out gen --experimental\n");
  });

  it("read the config named by --config, from anywhere", async () => {
    const dir = await project({ "conf/custom.json": JSON.stringify({ input: "../defs", output: "../gen" }), "defs/schema.ts": SCHEMA, "elsewhere/.keep": "" });
    expect((await cli(["write", "--all", "--config", "../conf/custom.json"], path.join(dir, "elsewhere"))).code).toBe(0);
    expect(await readdir(path.join(dir, "gen"))).toContain("experimental-inventory.json");
    expect((await cli(["check", "--config", "conf/custom.json"], dir)).code).toBe(0);
    const missing = await cli(["check", "--config", "nope.json"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--config nope.json: no such file");
  });

  it("without a config or --input, say what they need (exit 2)", async () => {
    const dir = await project({});
    const result = await cli(["write"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("write needs schemagate.config.json (in this folder or above, or named by --config PATH) or --input PATH");
  });

  it("check counts the artifacts, not the marker file", async () => {
    const dir = await configured();
    expect((await cli(["write", "--all"], dir)).code).toBe(0);
    const files = (await readdir(path.join(dir, "gen"), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const result = await cli(["check"], dir);
    expect(result.stdout).toBe(`gen is up to date (${files.length - 1} files)\n`);
  });
});

describe("generate-* headers", () => {
  it("name every flag that gives the same files again, with paths that do not depend on the working directory", async () => {
    const dir = await project({ "defs/schema.ts": SCHEMA, "elsewhere/.keep": "" });
    expect((await cli(["generate-ts", "--input", "defs/schema.ts", "--out", "types", "--experimental"], dir)).code).toBe(0);
    expect((await cli(["generate-ts", "--input", "../defs/schema.ts", "--out", "../types2", "--experimental"], path.join(dir, "elsewhere"))).code).toBe(0);
    const header = (await readFile(path.join(dir, "types/Point.ts"), "utf8")).split("\n")[1];
    expect(header).toBe("// Regenerate with: schemagate generate-ts --input schema.ts --out ../types --experimental");
    // Run from the input's folder, as the header's paths are, it gives the same bytes.
    expect((await cli(["generate-ts", "--input", "schema.ts", "--out", "../types", "--experimental"], path.join(dir, "defs"))).code).toBe(0);
    expect((await readFile(path.join(dir, "types/Point.ts"), "utf8")).split("\n")[1]).toBe(header);
    expect((await readFile(path.join(dir, "types2/Point.ts"), "utf8")).split("\n")[1]).toBe(header!.replace("../types ", "../types2 "));
  });
});

describe("command-line help and mistakes", () => {
  it("suggests --out for --output (exit 2)", async () => {
    const dir = await project({ "schema.ts": SCHEMA });
    const result = await cli(["generate-ts", "--input", "schema.ts", "--output", "out"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--output' (Did you mean --out?)");
    expect(await readdir(dir)).toEqual(["schema.ts"]);
  });

  it("says in --help that --out is required", async () => {
    for (const command of ["generate-ts", "generate-json-schema"]) {
      const help = await cli([command, "--help"], tmpdir());
      expect(help.stdout).toContain(`Usage: schemagate ${command} --out <dir> [options]`);
      expect(help.stdout).toMatch(/--out <dir>\s+output folder, required/);
      expect(help.stdout.endsWith("\n")).toBe(true);
    }
  });

  it("locates a config file's JSON error by line and column", async () => {
    const dir = await project({ "schemagate.config.json": '{\n  "input": "defs",\n  output: "gen"\n}\n' });
    const result = await cli(["check"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path.join(dir, "schemagate.config.json")}:3:3: not valid JSON (Expected double-quoted property name)`);
    const truncated = await project({ "schemagate.config.json": '{\n  "input": "defs",' });
    expect((await cli(["check"], truncated)).stderr).toContain("schemagate.config.json:2:19: not valid JSON");
  });
});

describe("output folders a user names", () => {
  it("refuses an output folder inside the input folder, and an input inside the output (exit 2), reading nothing twice", async () => {
    const dir = await project({ "defs/schema.ts": SCHEMA });
    for (const args of [["generate-ts", "--input", "defs", "--out", "defs/generated"], ["write", "--input", "defs", "--out", "defs/gen"], ["check", "--input", "defs", "--out", "defs"]]) {
      const result = await cli(args, dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("is inside the input folder");
    }
    const holding = await cli(["generate-json-schema", "--input", "defs/schema.ts", "--out", "."], dir);
    expect(holding.code).toBe(2);
    expect(holding.stderr).toContain("is inside the output folder");
    expect(await readdir(path.join(dir, "defs"))).toEqual(["schema.ts"]);
    expect((await readdir(dir)).sort()).toEqual(["defs"]);
  });

  it("refuses --out naming an existing file (exit 2, no stack trace, nothing left behind)", async () => {
    const dir = await project({ "schema.ts": SCHEMA, "out.txt": "mine" });
    const result = runBinary(["generate-ts", "--input", "schema.ts", "--out", "out.txt"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`schemagate: output folder ${path.join(dir, "out.txt")} is a file; name a folder\n`);
    expect((await readdir(dir)).sort()).toEqual(["out.txt", "schema.ts"]);
  });

  it("refuses generate-json-schema into generate-ts's folder, keeping the TypeScript (exit 2)", async () => {
    const dir = await project({ "schema.ts": SCHEMA });
    expect((await cli(["generate-ts", "--input", "schema.ts", "--out", "out"], dir)).code).toBe(0);
    const before = await readdir(path.join(dir, "out"));
    const result = await cli(["generate-json-schema", "--input", "schema.ts", "--out", "out"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("holds the output of schemagate generate-ts; schemagate generate-json-schema would replace it");
    expect(await readdir(path.join(dir, "out"))).toEqual(before);
    expect((await cli(["generate-json-schema", "--input", "schema.ts", "--out", "out-json"], dir)).code).toBe(0);
  });
});

describe("check sees everything in the managed folder", () => {
  it("reports an extra link, FIFO or empty folder, and a link in place of a generated file, as drift", async () => {
    const dir = await configured();
    expect((await cli(["write", "--all"], dir)).code).toBe(0);
    const gen = path.join(dir, "gen");
    await symlink("/etc/hostname", path.join(gen, "json/stray.json"));
    execFileSync("mkfifo", [path.join(gen, "typescript/pipe")]);
    await mkdir(path.join(gen, "empty"));
    await rename(path.join(gen, "typescript/Point.ts"), path.join(dir, "Point.ts"));
    await symlink(path.join(dir, "Point.ts"), path.join(gen, "typescript/Point.ts"));
    const result = await cli(["check"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("  extra:   gen/json/stray.json (a symbolic link)\n");
    expect(result.stderr).toContain("  extra:   gen/typescript/pipe (a FIFO)\n");
    expect(result.stderr).toContain("  extra:   gen/empty (an empty folder)\n");
    expect(result.stderr).toContain("  missing: gen/typescript/Point.ts (a symbolic link is there, not a file)\n");
    // write puts it right.
    expect((await cli(["write", "--all"], dir)).code).toBe(0);
    expect((await cli(["check"], dir)).code).toBe(0);
  });

  it("says when files differ only in line endings", async () => {
    const dir = await configured();
    expect((await cli(["write", "--all"], dir)).code).toBe(0);
    const file = path.join(dir, "gen/json/Point.json");
    await writeFile(file, (await readFile(file, "utf8")).replace(/\n/g, "\r\n"));
    const result = await cli(["check"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("  changed: gen/json/Point.json (line endings only: CRLF where LF is expected)\n");
    expect(result.stderr).toContain("1 file differs only in line endings");
    expect(result.stderr).toContain("gen/** text eol=lf");
  });
});

describe("a symbolic link as the configured output folder", () => {
  it("is followed once by write, check and generate alike; the link stays a link and nothing appears beside it", async () => {
    const dir = await project({
      "app/schemagate.config.json": JSON.stringify({ input: "defs", output: "gen", bundleName: "points" }),
      "app/defs/schema.ts": SCHEMA,
      "shared/.keep": "",
    });
    await symlink("../shared/gen", path.join(dir, "app/gen"));
    await mkdir(path.join(dir, "shared/gen"));
    const app = path.join(dir, "app");
    expect((await cli(["write", "--all"], app)).code).toBe(0);
    expect((await cli(["write"], app)).code).toBe(0);
    expect((await cli(["check"], app)).code).toBe(0);
    expect((await lstat(path.join(app, "gen"))).isSymbolicLink()).toBe(true);
    expect((await readdir(app)).sort()).toEqual(["defs", "gen", "schemagate.config.json"]);
    expect((await readdir(path.join(dir, "shared"))).sort()).toEqual([".keep", "gen"]);
    expect(await readdir(path.join(dir, "shared/gen"))).toContain("experimental");
    await symlink("../shared/types", path.join(app, "types"));
    await mkdir(path.join(dir, "shared/types"));
    expect((await cli(["generate-ts", "--out", "types"], app)).code).toBe(0);
    expect((await lstat(path.join(app, "types"))).isSymbolicLink()).toBe(true);
    expect(await readdir(path.join(dir, "shared/types"))).toContain("Point.ts");
  });
});
