import { ts, type TS } from "./typescript.js";

/**
 * The parser's own diagnostics. Each source file carries them as `parseDiagnostics`
 * (what `program.getSyntacticDiagnostics` returns for a .ts file); that field is
 * not in the public typings, so when it is missing they are read through a
 * program, which costs a few tens of milliseconds on a large input.
 */
export function syntaxDiagnostics(sourceFiles: readonly TS.SourceFile[]): readonly TS.Diagnostic[] {
  const attached = sourceFiles.map((sourceFile) => (sourceFile as { parseDiagnostics?: unknown }).parseDiagnostics);
  if (attached.every(Array.isArray)) return (attached as TS.Diagnostic[][]).flat();
  return programSyntaxDiagnostics(sourceFiles);
}

export function programSyntaxDiagnostics(sourceFiles: readonly TS.SourceFile[]): readonly TS.Diagnostic[] {
  const byName = new Map(sourceFiles.map((sourceFile) => [sourceFile.fileName, sourceFile]));
  const host: TS.CompilerHost = {
    getSourceFile: (fileName) => byName.get(fileName),
    getDefaultLibFileName: () => "lib.d.ts",
    writeFile: () => {},
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (fileName) => byName.has(fileName),
    readFile: () => undefined,
  };
  const program = ts.createProgram({
    rootNames: [...byName.keys()],
    options: { noLib: true, noResolve: true, types: [] },
    host,
  });
  return program.getSyntacticDiagnostics();
}
