import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import { compilerOptions } from "../support/virtual-program.js";

export type ModuleSetting = "bundler" | "nodenext-commonjs" | "nodenext-module";
export const MODULE_SETTINGS: readonly ModuleSetting[] = ["bundler", "nodenext-commonjs", "nodenext-module"];

/**
 * Writes `files` to a fresh temp folder and type checks them in one strict program.
 * Returns the diagnostics as "path(line,col): message" lines; [] when clean.
 * "nodenext-module" adds a package.json with "type": "module"; "nodenext-commonjs" has none.
 */
export function typecheck(files: ReadonlyMap<string, string>, setting: ModuleSetting): string[] {
  const dir = mkdtempSync(join(tmpdir(), "schemagate-emit-ts-"));
  try {
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    if (setting === "nodenext-module") writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    const options = compilerOptions(setting === "bundler" ? "bundler" : setting === "nodenext-module" ? "nodenext-esm" : "nodenext-cjs");
    const roots = [...files.keys()].filter((path) => path.endsWith(".ts")).map((path) => join(dir, path));
    const program = ts.createProgram(roots, options);
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
      if (!diagnostic.file || diagnostic.start === undefined) return message;
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${diagnostic.file.fileName.slice(dir.length + 1)}(${line + 1},${character + 1}): ${message}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
