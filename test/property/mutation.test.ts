import fc from "fast-check";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { emitMemoryModel, loadMemoryModel, MEMORY_ROOT, type MemoryFile } from "../support/in-memory.js";
import { applyMutations, mutations } from "./mutations.js";
import { protocolBlueprint } from "./protocol-blueprint.js";
import { renderProtocol } from "./render-protocol.js";

/**
 * Damaged definitions never crash schemagate: the pipeline returns
 * diagnostics instead of throwing, each located inside an input file, and the
 * CLI exits 0 or 1, never 70 (internal error).
 */

const NUM_RUNS = Number(process.env.SG_PROPERTY_RUNS ?? 50);
/** The CLI runs write to disk; fewer of them keep the file fast. */
const CLI_RUNS = Math.max(1, Math.round(NUM_RUNS / 2));

function describeSources(files: readonly MemoryFile[]): string {
  return files.map((file) => `--- ${file.path}\n${JSON.stringify(file.text)}`).join("\n");
}

/** Lines as TypeScript counts them (CR, LF, CRLF, LS and PS all end a line). */
function linesOf(text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029]/);
}

/** Why a diagnostic's location does not point into the input, or undefined when it does. */
function badLocation(diagnostic: Diagnostic, files: readonly MemoryFile[]): string | undefined {
  const { file, line, column } = diagnostic.location;
  if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) return `line ${line}, column ${column}`;
  if (file === MEMORY_ROOT) return line === 1 && column === 1 ? undefined : `input root at ${line}:${column}`;
  const source = files.find((candidate) => `${MEMORY_ROOT}/${candidate.path}` === file);
  if (!source) return `file "${file}" is not an input file`;
  const lines = linesOf(source.text);
  if (line > lines.length) return `line ${line} past the end (${lines.length} lines)`;
  if (column > lines[line - 1]!.length + 1) return `column ${column} past the end of line ${line} (${lines[line - 1]!.length} characters)`;
  return undefined;
}

/** Counterexamples found before, run first every time (fast-check `examples`). */
const EXAMPLES: MemoryFile[][] = [
  // An index signature without a type (a syntax error TypeScript recovers from) crashed the scanner.
  [{ path: "types.ts", text: "export interface Labels {\n  [key: string]\n}\n" }],
];

const damaged = fc.tuple(protocolBlueprint, mutations).map(([blueprint, list]) => applyMutations(renderProtocol(blueprint), list));

describe("damaged definitions", () => {
  it("never throw in the pipeline, and every diagnostic is located inside an input file", () => {
    fc.assert(
      fc.property(damaged, (files) => {
        let load;
        try {
          load = loadMemoryModel(files);
          if (load.model) emitMemoryModel(load.model);
        } catch (error) {
          throw new Error(`pipeline threw: ${(error as Error).stack}\n${describeSources(files)}`);
        }
        for (const diagnostic of load.diagnostics) {
          const problem = badLocation(diagnostic, files);
          if (problem) throw new Error(`${diagnostic.code} "${diagnostic.message}" at ${problem}\n${describeSources(files)}`);
        }
      }),
      { numRuns: NUM_RUNS, examples: EXAMPLES.map((files) => [files] as [MemoryFile[]]) },
    );
  });

  it("make the CLI exit 0 or 1 (never 70), printing path:line:col for each error", async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), "schemagate-mutation-"));
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(damaged, fc.constantFrom("generate-ts", "generate-json-schema"), async (files, command) => {
          const cwd = path.join(workspace, `run${run++}`);
          for (const file of files) {
            await mkdir(path.dirname(path.join(cwd, MEMORY_ROOT, file.path)), { recursive: true });
            await writeFile(path.join(cwd, MEMORY_ROOT, file.path), file.text);
          }
          let stderr = "";
          const code = await runCli([command, "--input", MEMORY_ROOT, "--out", "out"], {
            cwd,
            output: { stdout: () => {}, stderr: (text) => void (stderr += text) },
          });
          const context = `${command} exited ${code}\n${stderr}\n${describeSources(files)}`;
          if (code !== 0 && code !== 1) throw new Error(context);
          const expected = loadMemoryModel(files).model ? 0 : 1;
          if (code !== expected) throw new Error(`expected exit ${expected} (in-memory pipeline)\n${context}`);
          const errors = stderr.split("\n").filter((line) => / - error SG\d{3} /.test(line));
          if (code === 1 && errors.length === 0) throw new Error(`exit 1 without an error diagnostic\n${context}`);
          for (const line of errors) {
            const match = /^(.+):(\d+):(\d+) - error SG\d{3} /.exec(line);
            if (!match || Number(match[2]) < 1 || Number(match[3]) < 1 || !match[1]!.startsWith(`${MEMORY_ROOT}`)) {
              throw new Error(`diagnostic without a location inside the input: ${line}\n${context}`);
            }
          }
          await rm(cwd, { recursive: true, force: true });
        }),
        { numRuns: CLI_RUNS, examples: EXAMPLES.map((files) => [files, "generate-json-schema"] as [MemoryFile[], string]) },
      );
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
    expect(run).toBeGreaterThan(0);
  });
});
