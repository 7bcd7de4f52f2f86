import { mkdtemp, mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.js";
import { FORMAT_NAMES, FORMATS } from "../../src/formats.js";
import { readTree } from "../../src/output/tree.js";

/** The format table as the commands, the config and --help see it. */

const SCHEMA = `
/** A point. */
export interface Point { x: number; y: number; /** @experimental z-axis */ z?: number }
export type Pair = [Point, Point];
/** @methods clientRequest */
export interface Requests {
  /** Moves a point. */
  "point/move": Request<Point, Point>;
  /** @experimental */
  "point/lift": Request<undefined, Pair>;
}
`;

async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "schemagate-formats-"));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

async function cli(args: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { cwd, output: { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) } });
  return { code, stdout, stderr };
}

const config = (settings: Record<string, unknown>) => JSON.stringify({ input: "defs", output: "gen", bundleName: "points", ...settings });

describe("the format table", () => {
  it("gives every format a generate command, listed in --help", async () => {
    const help = await cli(["--help"], tmpdir());
    for (const name of FORMAT_NAMES) expect(help.stdout).toContain(FORMATS[name].command);
    expect(new Set(FORMAT_NAMES.map((name) => FORMATS[name].folder)).size).toBe(FORMAT_NAMES.length);
  });

  it("write produces and check compares exactly the formats the config lists", async () => {
    const dir = await project({ "defs/schema.ts": SCHEMA, "schemagate.config.json": config({ formats: ["markdown", "openrpc"] }) });
    expect((await cli(["write", "--all"], dir)).code).toBe(0);
    const files = [...(await readTree(path.join(dir, "gen"))).keys()];
    expect(files.filter((file) => !file.startsWith("experimental/")).sort()).toEqual([".schemagate", "experimental-inventory.json", "markdown/README.md", "markdown/types.md", "openrpc/openrpc.json"]);
    expect((await cli(["check"], dir)).code).toBe(0);
    await writeFile(path.join(dir, "gen", "markdown", "README.md"), "edited\n");
    const drift = await cli(["check"], dir);
    expect(drift.code).toBe(1);
    expect(drift.stderr).toContain("changed: gen/markdown/README.md");
  });

  it("writes typescript and json when the config names no formats", async () => {
    const dir = await project({ "defs/schema.ts": SCHEMA, "schemagate.config.json": config({}) });
    expect((await cli(["write"], dir)).code).toBe(0);
    const folders = new Set([...(await readTree(path.join(dir, "gen"))).keys()].map((file) => file.split("/")[0]));
    expect(folders).toEqual(new Set([".schemagate", "experimental-inventory.json", "typescript", "json"]));
  });

  it.each([
    [{ formats: ["typescript", "yaml"] }, '"formats" lists "yaml"'],
    [{ formats: [] }, '"formats" must be a non-empty list'],
    [{ formats: "json" }, '"formats" must be a non-empty list'],
    [{ jsonSchemaDraft: "04" }, '"jsonSchemaDraft" must be "07" or "2020-12"'],
    [{ envelope: "jsonrpc1" }, '"envelope" must be "jsonrpc2" or "lite"'],
  ])("refuses the setting %j (exit 2)", async (settings, message) => {
    const dir = await project({ "defs/schema.ts": SCHEMA, "schemagate.config.json": config(settings) });
    const result = await cli(["write"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe("settings", () => {
  it("jsonSchemaDraft in the config, and --draft over it", async () => {
    const dir = await project({ "defs/schema.ts": SCHEMA, "schemagate.config.json": config({ jsonSchemaDraft: "2020-12" }) });
    expect((await cli(["generate-json-schema", "--out", "a", "--experimental"], dir)).code).toBe(0);
    const bundle = JSON.parse(await readFile(path.join(dir, "a", "points.schemas.json"), "utf8"));
    expect(bundle.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(bundle.definitions).toBeUndefined();
    expect(bundle.$defs.Pair).toEqual({ type: "array", prefixItems: [{ $ref: "#/$defs/Point" }, { $ref: "#/$defs/Point" }], items: false, minItems: 2 });
    expect((await cli(["generate-json-schema", "--out", "b", "--draft", "07", "--experimental"], dir)).code).toBe(0);
    const draft07 = JSON.parse(await readFile(path.join(dir, "b", "points.schemas.json"), "utf8"));
    expect(draft07.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(draft07.definitions.Pair.items).toEqual([{ $ref: "#/definitions/Point" }, { $ref: "#/definitions/Point" }]);
    expect((await cli(["generate-json-schema", "--out", "c", "--draft", "2019-09"], dir)).code).toBe(2);
  });

  it("envelope: jsonrpc2 by default, lite when the config says so, --envelope over it", async () => {
    const dir = await project({ "defs/schema.ts": SCHEMA, "lite/schemagate.config.json": config({ input: "../defs", envelope: "lite" }) });
    expect((await cli(["generate-ts", "--input", "defs", "--out", "standard"], dir)).code).toBe(0);
    expect(await readFile(path.join(dir, "standard", "ClientRequest.ts"), "utf8")).toContain('jsonrpc: "2.0";');
    const lite = path.join(dir, "lite");
    expect((await cli(["generate-ts", "--out", "ts"], lite)).code).toBe(0);
    expect(await readFile(path.join(lite, "ts", "ClientRequest.ts"), "utf8")).not.toContain("jsonrpc");
    expect((await cli(["generate-ts", "--out", "ts2", "--envelope", "jsonrpc2"], lite)).code).toBe(0);
    expect(await readFile(path.join(lite, "ts2", "ClientRequest.ts"), "utf8")).toContain('jsonrpc: "2.0";');
  });

  it("generate-openrpc and generate-markdown write one audience", async () => {
    const dir = await project({ "defs/schema.ts": SCHEMA });
    expect((await cli(["generate-openrpc", "--input", "defs", "--out", "rpc"], dir)).code).toBe(0);
    expect((await cli(["generate-openrpc", "--input", "defs", "--out", "rpc-x", "--experimental"], dir)).code).toBe(0);
    const names = async (folder: string) => (JSON.parse(await readFile(path.join(dir, folder, "openrpc.json"), "utf8")).methods as { name: string }[]).map((method) => method.name);
    expect(await names("rpc")).toEqual(["point/move"]);
    expect(await names("rpc-x")).toEqual(["point/move", "point/lift"]);
    expect((await cli(["generate-markdown", "--input", "defs", "--out", "md", "--experimental"], dir)).code).toBe(0);
    const readme = await readFile(path.join(dir, "md", "README.md"), "utf8");
    expect(readme).toContain("### `point/lift`");
    expect(readme).toContain("> **Experimental**: point/lift");
  });
});
