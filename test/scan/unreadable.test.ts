import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readInputs } from "../../src/input/sources.js";

/**
 * Inputs that git cannot hold as a committed fixture (a FIFO) or that depend on
 * the platform: each is made in a temp folder and must give one located
 * SG011 unreadable-input instead of hanging or crashing. The committed
 * fixture `fixtures/unreadable-file` covers a dangling symbolic link.
 */

let dir: string | undefined;

function tempInput(): string {
  dir = mkdtempSync(path.join(tmpdir(), "schemagate-unreadable-"));
  const input = path.join(dir, "input");
  mkdirSync(input);
  writeFileSync(path.join(input, "thread.ts"), "export interface Thread {\n  id: string;\n}\n");
  return input;
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe.skipIf(process.platform === "win32")("unreadable input files", () => {
  it("reports a FIFO named x.ts without opening it (opening would wait forever)", async () => {
    const input = tempInput();
    execFileSync("mkfifo", [path.join(input, "x.ts")]);
    const result = await readInputs(input, dir!);
    expect(result.files.map((file) => file.path)).toEqual(["input/thread.ts"]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: "SG011",
        name: "unreadable-input",
        location: { file: "input/x.ts", line: 1, column: 1 },
        message: expect.stringContaining("not a regular file"),
      }),
    ]);
  }, 10_000);

  it("reports a dangling symbolic link named x.ts as a missing file", async () => {
    const input = tempInput();
    symlinkSync("missing.ts", path.join(input, "x.ts"));
    const result = await readInputs(input, dir!);
    expect(result.files.map((file) => file.path)).toEqual(["input/thread.ts"]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: "SG011",
        location: { file: "input/x.ts", line: 1, column: 1 },
        message: expect.stringContaining("ENOENT"),
      }),
    ]);
  });

  it("reports a symbolic link named x.ts that points at a folder", async () => {
    const input = tempInput();
    mkdirSync(path.join(dir!, "elsewhere"));
    symlinkSync(path.join(dir!, "elsewhere"), path.join(input, "x.ts"));
    const result = await readInputs(input, dir!);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: "SG011", location: { file: "input/x.ts", line: 1, column: 1 } }),
    ]);
  });

  it("locates the first bad byte of a non-UTF-8 file exactly", async () => {
    const input = tempInput();
    const bytes = Buffer.concat([Buffer.from("export interface A {\n  name: \"caf\u00e9 na"), Buffer.from([0xff]), Buffer.from("ve\";\n}\n")]);
    writeFileSync(path.join(input, "bad.ts"), bytes);
    const result = await readInputs(input, dir!);
    const offset = bytes.indexOf(0xff);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: "SG011",
        // Line 2, after `  name: "café na` (16 UTF-16 units): column 17.
        location: { file: "input/bad.ts", line: 2, column: 17 },
        message: `file is not valid UTF-8 (bad byte at offset ${offset})`,
      }),
    ]);
  });
});
