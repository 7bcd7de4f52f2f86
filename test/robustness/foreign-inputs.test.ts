import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Real declaration files nobody wrote for schemagate: the compiler's libs, Node's types, library typings. */
const CORPORA = [
  "node_modules/typescript/lib",
  "node_modules/@types",
  "node_modules/ajv/dist",
  "node_modules/commander/typings",
  "node_modules/json-schema-to-typescript/dist",
  "node_modules/vitest/dist",
];

function typeScriptFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.[cm]?ts$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

describe("foreign TypeScript through the CLI", () => {
  const files = CORPORA.flatMap((corpus) => typeScriptFiles(path.join(ROOT, corpus)));

  it(`never crashes, and every failure is located (${files.length} files)`, async () => {
    expect(files.length).toBeGreaterThan(300);
    const scratch = mkdtempSync(path.join(tmpdir(), "schemagate-foreign-"));
    const outcomes: string[] = [];
    for (const [index, file] of files.entries()) {
      let stderr = "";
      const out = path.join(scratch, String(index));
      const code = await runCli(["generate-json-schema", "--input", file, "--out", out], {
        cwd: scratch,
        output: { stdout: () => {}, stderr: (text) => void (stderr += text) },
      });
      const located = stderr.split("\n").filter((line) => / - error SG\d{3} /.test(line));
      const unlocated = stderr.split("\n").filter((line) => line.includes(" error ") && !/^[^ ]+:\d+:\d+ - error SG\d{3} /.test(line));
      if (code === 1 && (located.length === 0 || unlocated.length > 0 || existsSync(out))) outcomes.push(`${file}: bad failure\n${stderr}`);
      if (code !== 0 && code !== 1) outcomes.push(`${file}: exit ${code}\n${stderr}`);
    }
    expect(outcomes).toEqual([]);
  }, 180_000);
});
