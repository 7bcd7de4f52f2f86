import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.js";
import { readGitInputs } from "../../src/input/git.js";
import { buildInventory } from "../../src/model/inventory.js";
import { loadInputModel, loadModel } from "../../src/pipeline.js";
import { findConfig } from "../../src/config.js";
import { createTimings } from "../../src/timings.js";

/**
 * The flagship's own history. Since its first commit (0da891c) the
 * definitions changed only in experimental surface (three reasons renamed
 * from `…persistExtendedHistory` to `…persistFullHistory`): the stable
 * surface is what it was, and `diff` says so. Edits of the kind a release
 * makes, on a copy of the flagship, are reported where they happened.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIRST_COMMIT = "0da891c";

async function diff(args: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(["diff", ...args], { cwd, output: { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) } });
  return { code, stdout, stderr };
}

describe("the flagship's history", () => {
  it(`reports no change to the stable surface since ${FIRST_COMMIT}, where only experimental reasons changed`, async () => {
    const result = await diff(["--base", FIRST_COMMIT], ROOT);
    expect(result).toEqual({ code: 0, stdout: `no changes to the stable surface since ${FIRST_COMMIT}\n`, stderr: "" });

    // What did change: the reasons of three experimental fields.
    const config = (await findConfig(ROOT))!;
    const before = await loadInputModel(await readGitInputs(FIRST_COMMIT, config.input, config.baseDir), createTimings());
    const now = await loadModel(config, createTimings());
    const reasons = (model: typeof now.model) => buildInventory(model!).entries.map((entry) => entry.reason);
    const gone = reasons(before.model).filter((reason) => !reasons(now.model).includes(reason));
    const added = reasons(now.model).filter((reason) => !reasons(before.model).includes(reason));
    expect(gone.sort()).toEqual(["thread/fork.persistExtendedHistory", "thread/resume.persistExtendedHistory", "thread/start.persistExtendedHistory"]);
    expect(added.sort()).toEqual(["thread/fork.persistFullHistory", "thread/resume.persistFullHistory", "thread/start.persistFullHistory"]);
  });

  it("reports a release's breaking edits to the flagship at the places they were made", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "schemagate-diff-flagship-"));
    await cp(path.join(ROOT, "protocol-defs"), path.join(dir, "base"), { recursive: true });
    await cp(path.join(ROOT, "protocol-defs"), path.join(dir, "head"), { recursive: true });
    await writeFile(path.join(dir, "schemagate.config.json"), JSON.stringify({ input: "head" }));
    const edit = async (file: string, from: string, to: string) => {
      const text = await readFile(path.join(dir, "head", file), "utf8");
      expect(text).toContain(from);
      await writeFile(path.join(dir, "head", file), text.replace(from, to));
    };
    await edit("v2/thread.ts", "  model?: string | null;\n  /** Model provider", "  model: string;\n  /** Model provider");
    await edit("v2/sandbox.ts", '  | /** Commands may write inside the workspace. */ "workspace-write"\n  | /** No sandbox. */ "danger-full-access";', '  | /** Commands may write inside the workspace. */ "workspace-write";');
    await edit("registry.ts", '  "thread/archive": Request<ThreadArchiveParams, ThreadArchiveResponse>;\n', "");

    const result = await diff(["--base", "base", "--format", "json"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { changes: { rule: string; severity: string; path: string }[] };
    const found = report.changes.map(({ rule, severity, path: where }) => `${severity} ${rule} ${where}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "breaking field-made-required thread/start params.model",
        "breaking nullable-removed thread/start params.model",
        "breaking enum-member-removed thread/start params.sandbox",
        "breaking method-removed thread/archive",
      ]),
    );
    // SandboxMode is also in what the server sends (the allowed modes it reports): there a removed value is safe.
    expect(found).toContain("safe enum-member-removed configRequirements/read result.requirements.allowedSandboxModes[]");
    expect(found.filter((line) => line.startsWith("breaking")).every((line) => /thread\/start params\.|thread\/archive|ThreadArchive|enum-member-removed/.test(line))).toBe(true);
  });
});
