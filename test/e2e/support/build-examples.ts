import path from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "./paths.js";

/**
 * Type checks and compiles `examples/` with its own tsconfig into `outDir`
 * (under the repo, so `ws` and `schemagate.config.json` are found walking up,
 * as they are from `dist-examples/`). Throws with every diagnostic when the
 * examples do not compile. Returns the compiled entry points.
 */
export function buildExamples(outDir: string): { serverMain: string; clientMain: string } {
  const configPath = path.join(REPO_ROOT, "examples", "tsconfig.json");
  const diagnostics: ts.Diagnostic[] = [];
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    { outDir },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => diagnostics.push(diagnostic) },
  );
  if (!config) throw new Error(format(diagnostics));
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, projectReferences: config.projectReferences });
  diagnostics.push(...config.errors, ...ts.getPreEmitDiagnostics(program));
  if (diagnostics.length === 0) diagnostics.push(...program.emit().diagnostics);
  if (diagnostics.length > 0) throw new Error(`examples/ does not compile:\n${format(diagnostics)}`);
  return {
    serverMain: path.join(outDir, "examples", "app-server", "main.js"),
    clientMain: path.join(outDir, "examples", "client", "main.js"),
  };
}

export function format(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (file) => file,
    getCurrentDirectory: () => REPO_ROOT,
    getNewLine: () => "\n",
  });
}
