import { execFileSync, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.js";

/**
 * `schemagate diff --base <revision>` end to end in a temporary git
 * repository: the base is read from git objects, the working tree, index and
 * HEAD are left exactly as they were, and the built binary exits 1 on a break.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const BIN = path.join(ROOT, "dist/cli/index.js");

const V1 = `import type { Notification, Request } from "schemagate/markers";
export interface ThreadStartParams {
  model: string;
  /** @experimental */
  effort?: number;
}
export interface ThreadStartResponse {
  threadId: string;
}
/** @methods clientRequest */
export interface ClientRequests {
  "thread/start": Request<ThreadStartParams, ThreadStartResponse>;
}
`;
const V1_ITEMS = `export type ItemKind = "message" | "command";\n`;
const V2 = V1.replace("  model: string;\n", "  model: string;\n  cwd: string;\n").replace("/** @experimental */\n  effort", "effort");

let repo: string;

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: repo, encoding: "utf8" });
}

async function diff(args: string[], cwd = repo) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(["diff", ...args], { cwd, output: { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) } });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  repo = await mkdtemp(path.join(tmpdir(), "schemagate-diff-git-"));
  git("init", "-q", "-b", "main");
  git("config", "user.email", "test@example.com");
  git("config", "user.name", "test");
  await writeFile(path.join(repo, "README.md"), "before the definitions\n");
  git("add", "-A");
  git("commit", "-qm", "no definitions yet");
  git("tag", "v0");
  await writeFile(path.join(repo, "schemagate.config.json"), JSON.stringify({ input: "defs" }));
  await mkdir(path.join(repo, "defs/v2"), { recursive: true });
  await mkdir(path.join(repo, "defs/.hidden"), { recursive: true });
  await writeFile(path.join(repo, "defs/schema.ts"), V1);
  await writeFile(path.join(repo, "defs/v2/items.ts"), V1_ITEMS);
  // Ignored as a folder read ignores it: a dot folder.
  await writeFile(path.join(repo, "defs/.hidden/broken.ts"), "export interface {");
  git("add", "-A");
  git("commit", "-qm", "v1");
  git("tag", "v1");
  // The working tree moves on, uncommitted: a required field, a promotion, a removed enum value.
  await writeFile(path.join(repo, "defs/schema.ts"), V2);
  await writeFile(path.join(repo, "defs/v2/items.ts"), `export type ItemKind = "message";\n`);
});

describe("diff against a git revision", () => {
  it("reads the base from git objects and leaves the working tree, index and HEAD untouched", async () => {
    const before = {
      status: git("status", "--porcelain"),
      head: git("rev-parse", "HEAD"),
      index: (await stat(path.join(repo, ".git/index"))).mtimeMs,
      schema: await readFile(path.join(repo, "defs/schema.ts"), "utf8"),
    };
    const result = await diff(["--base", "v1"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    // ItemKind is named by no method: both readings apply, so the removed value breaks clients sending it.
    expect(result.stdout).toBe(
      [
        'breaking  field-required-added  thread/start params.cwd     defs/schema.ts:4       required field "cwd" added',
        'breaking  enum-member-removed   v2.ItemKind                 v1:defs/v2/items.ts:1  value "command" removed',
        'safe      enum-member-removed   v2.ItemKind                 v1:defs/v2/items.ts:1  value "command" removed',
        'addition  field-promoted        thread/start params.effort  defs/schema.ts:5       experimental field "effort" became stable',
        "",
        "2 breaking, 0 accepted, 1 safe, 1 addition since v1",
        "",
      ].join("\n"),
    );
    const json = JSON.parse((await diff(["--base", "v1", "--format", "json"])).stdout) as { changes: { rule: string; location: object }[] };
    expect(json.changes.find((change) => change.rule === "enum-member-removed")?.location).toEqual({ side: "base", file: "defs/v2/items.ts", line: 1, column: 36 });
    expect((await stat(path.join(repo, ".git/index"))).mtimeMs).toBe(before.index);
    expect(git("status", "--porcelain")).toBe(before.status);
    expect(git("rev-parse", "HEAD")).toBe(before.head);
    expect(await readFile(path.join(repo, "defs/schema.ts"), "utf8")).toBe(before.schema);
  });

  it("names files the same when the repository is reached through a symbolic link", async () => {
    const link = path.join(await mkdtemp(path.join(tmpdir(), "schemagate-diff-link-")), "repo");
    await symlink(repo, link);
    const direct = await diff(["--base", "v1"]);
    const throughLink = await diff(["--base", "v1"], link);
    expect(throughLink).toEqual(direct);
  });

  it("reports nothing when the revision holds the same definitions", async () => {
    const clean = await mkdtemp(path.join(tmpdir(), "schemagate-diff-clean-"));
    execFileSync("git", ["clone", "-q", "--branch", "v1", repo, clean], { stdio: "ignore" });
    const result = await diff(["--base", "HEAD"], clean);
    expect(result).toEqual({ code: 0, stdout: "no changes to the stable surface since HEAD\n", stderr: "" });
  });

  it("is a usage error (exit 2) for an unknown revision, or one without the input", async () => {
    const unknown = await diff(["--base", "no-such-branch"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("schemagate: --base no-such-branch: not a folder, a .ts file, or a git revision\n");
    const before = await diff(["--base", "v0"]);
    expect(before.code).toBe(2);
    expect(before.stderr).toBe("schemagate: --base v0: defs does not exist in v0\n");
    const option = await diff(["--base", "--output=x"]);
    expect(option.code).toBe(2);
  });

  it("reports a base file that is not UTF-8 as a located error in that revision (exit 1)", async () => {
    const broken = await mkdtemp(path.join(tmpdir(), "schemagate-diff-bytes-"));
    execFileSync("git", ["clone", "-q", "--branch", "v1", repo, broken], { stdio: "ignore" });
    const run = (...args: string[]) => execFileSync("git", args, { cwd: broken, encoding: "utf8" });
    await writeFile(path.join(broken, "defs/bad.ts"), Buffer.from([0x65, 0x78, 0x0a, 0xff, 0xfe]));
    run("add", "-A");
    run("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "bad bytes");
    run("tag", "bad");
    run("rm", "-q", "defs/bad.ts");
    const result = await diff(["--base", "bad"], broken);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "the base (bad) does not load:\nbad:defs/bad.ts:2:1 - error SG011 unreadable-input: file is not valid UTF-8 (bad byte at offset 3)\n\n",
    );
  });

  it("the built binary exits 1 on a break and prints workflow annotations", () => {
    const result = spawnSync(process.execPath, [BIN, "diff", "--base", "v1", "--format", "github"], { cwd: repo, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("::error file=defs/schema.ts,line=4,col=3,title=schemagate diff field-required-added::thread/start params.cwd: required field \"cwd\" added\n");
    const usage = spawnSync(process.execPath, [BIN, "diff", "--base", "v1", "--format", "yaml"], { cwd: repo, encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("Allowed choices are text, json, markdown, github");
  });
});
