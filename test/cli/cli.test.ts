import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "dist/cli/index.js");

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function copyOfProject(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "schemagate-cli-"));
  for (const entry of ["protocol-defs", "generated", "schemagate.config.json"]) {
    await cp(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  return dir;
}

describe("the built binary", () => {
  it("keeps V8's compiled TypeScript compiler in a cache: written once, then read, with the same output", async () => {
    const dir = await copyOfProject();
    const temp = await mkdtemp(path.join(tmpdir(), "schemagate-compile-cache-"));
    const env = { ...process.env, NO_COLOR: "1", TMPDIR: temp, SCHEMAGATE_NO_COMPILE_CACHE: "" };
    const runCached = () => spawnSync(process.execPath, [BIN, "inventory", "--json"], { cwd: dir, encoding: "utf8", env });
    const cacheFiles = async () => {
      const found = await readdir(temp, { recursive: true, withFileTypes: true });
      return Promise.all(
        found.filter((entry) => entry.isFile()).map(async (entry) => [entry.name, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs] as const),
      );
    };
    const first = runCached();
    expect(first.status).toBe(0);
    const written = await cacheFiles();
    expect(written.map(([name]) => name)).toContainEqual(expect.stringMatching(/^typescript\.js-[0-9a-f]{32}\.cache$/));
    const second = runCached();
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(await cacheFiles()).toEqual(written);
    // A damaged cache is refused by V8 and written anew; the output does not change.
    const [compiler] = (await readdir(temp, { recursive: true, withFileTypes: true })).filter((entry) => entry.name.startsWith("typescript.js-"));
    const compilerFile = path.join(compiler!.parentPath, compiler!.name);
    await writeFile(compilerFile, "not a code cache");
    const third = runCached();
    expect(third.stdout).toBe(first.stdout);
    expect((await readFile(compilerFile)).length).toBeGreaterThan(1000);
  });

  it("exits 0 when generated/ matches the definitions", async () => {
    const dir = await copyOfProject();
    const result = run(["check"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("exits 1 on a hand-edited artifact, with the diff and the fix command", async () => {
    const dir = await copyOfProject();
    const file = path.join(dir, "generated/json/v2/ThreadStartParams.json");
    await writeFile(file, (await readFile(file, "utf8")).replace('"type": "object"', '"type": "objekt"'));
    const result = run(["check"], path.join(dir, "protocol-defs"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("changed: ../generated/json/v2/ThreadStartParams.json");
    expect(result.stderr).toContain('-  "type": "objekt"');
    expect(result.stderr).toContain("fix: just write-app-server-schema\n");
  });

  it("exits 2 on an unknown flag and on a missing input", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "schemagate-cli-"));
    const bad = run(["generate-ts", "--out", "x", "--nope"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option '--nope'");
    const missing = run(["generate-ts", "--out", "x", "--input", "nowhere.ts"], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("input not found");
  });

  it("exits 1 with every problem located for broken definitions, writing nothing", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "schemagate-cli-"));
    await writeFile(path.join(dir, "schema.ts"), "export interface A { b: Missing }\nexport type C = () => void;\n");
    const result = run(["generate-json-schema", "--input", "schema.ts", "--out", "out"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("schema.ts:1:25 - error SG003 unresolved-reference");
    expect(result.stderr).toContain("schema.ts:2:17 - error SG004 unsupported-construct");
    expect(spawnSync("ls", [dir], { encoding: "utf8" }).stdout.trim()).toBe("schema.ts");
  });

  it("prints help with examples", () => {
    const result = run(["--help"], ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Examples:");
    expect(result.stdout).toContain("generate-json-schema");
  });
});
