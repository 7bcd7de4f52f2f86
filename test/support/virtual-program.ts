import ts from "typescript";

/**
 * How a program resolves modules. "nodenext-esm" puts a `{ "type": "module" }`
 * package.json at the virtual root, "nodenext-cjs" a `{ "type": "commonjs" }` one:
 * emitted files must compile in both kinds of NodeNext package.
 */
export type ResolutionMode = "bundler" | "nodenext-esm" | "nodenext-cjs";
export const RESOLUTION_MODES: readonly ResolutionMode[] = ["bundler", "nodenext-esm", "nodenext-cjs"];

/** Every virtual file lives under this folder; the real file system is only read for TypeScript's lib files. */
export const VIRTUAL_ROOT = "/virtual";

export interface ProgramDiagnostic {
  /** Path under VIRTUAL_ROOT (without it), or "" for a global diagnostic. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export function formatProgramDiagnostic(diagnostic: ProgramDiagnostic): string {
  return diagnostic.file ? `${diagnostic.file}(${diagnostic.line},${diagnostic.column}): ${diagnostic.message}` : diagnostic.message;
}

export function compilerOptions(mode: ResolutionMode): ts.CompilerOptions {
  const nodeNext = mode !== "bundler";
  return {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: nodeNext ? ts.ModuleKind.NodeNext : ts.ModuleKind.ESNext,
    moduleResolution: nodeNext ? ts.ModuleResolutionKind.NodeNext : ts.ModuleResolutionKind.Bundler,
    verbatimModuleSyntax: true,
    types: [],
  };
}

/** Lib files parse once per process: they are most of a small program's cost. */
const libCache = new Map<string, ts.SourceFile>();

/**
 * Type checks `files` (paths relative to VIRTUAL_ROOT, every `.ts` file a root)
 * in one program, entirely in memory. Returns every pre-emit diagnostic, or
 * with `only`, the diagnostics of the files it selects (the checker then
 * checks just those, reading the others only as far as they are used).
 */
export function checkVirtualProgram(
  files: ReadonlyMap<string, string>,
  mode: ResolutionMode,
  only?: (file: string) => boolean,
): ProgramDiagnostic[] {
  const options = compilerOptions(mode);
  const virtual = new Map<string, string>();
  for (const [file, text] of files) virtual.set(`${VIRTUAL_ROOT}/${file}`, text);
  if (mode === "nodenext-esm") virtual.set(`${VIRTUAL_ROOT}/package.json`, '{ "type": "module" }\n');
  if (mode === "nodenext-cjs") virtual.set(`${VIRTUAL_ROOT}/package.json`, '{ "type": "commonjs" }\n');
  const directories = new Set<string>();
  for (const file of virtual.keys()) {
    for (let dir = parentOf(file); dir !== "/"; dir = parentOf(dir)) directories.add(dir);
  }
  directories.add("/");
  const isVirtual = (fileName: string) => fileName === VIRTUAL_ROOT || fileName.startsWith(`${VIRTUAL_ROOT}/`);

  const host: ts.CompilerHost = {
    getSourceFile(fileName, languageVersionOrOptions) {
      const text = virtual.get(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersionOrOptions, true);
      if (isVirtual(fileName)) return undefined;
      const key = `${fileName}\0${JSON.stringify(languageVersionOrOptions)}`;
      let cached = libCache.get(key);
      if (!cached) {
        const libText = ts.sys.readFile(fileName);
        if (libText === undefined) return undefined;
        cached = ts.createSourceFile(fileName, libText, languageVersionOrOptions, true);
        libCache.set(key, cached);
      }
      return cached;
    },
    getDefaultLibFileName: (opts) => ts.getDefaultLibFilePath(opts),
    writeFile: () => {},
    getCurrentDirectory: () => VIRTUAL_ROOT,
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (fileName) => (isVirtual(fileName) ? virtual.has(fileName) : ts.sys.fileExists(fileName)),
    readFile: (fileName) => (isVirtual(fileName) ? virtual.get(fileName) : ts.sys.readFile(fileName)),
    directoryExists: (dir) => (isVirtual(dir) || dir === "/" ? directories.has(dir) : ts.sys.directoryExists(dir)),
    getDirectories: (dir) =>
      isVirtual(dir)
        ? [...directories].filter((candidate) => parentOf(candidate) === dir).map((candidate) => candidate.slice(dir.length + 1))
        : ts.sys.getDirectories(dir),
    realpath: (fileName) => fileName,
  };
  const roots = [...virtual.keys()].filter((file) => file.endsWith(".ts"));
  const program = ts.createProgram({ rootNames: roots, options, host });
  const found = only
    ? [
        ...program.getOptionsDiagnostics(),
        ...program.getGlobalDiagnostics(),
        ...[...files.keys()]
          .filter(only)
          .flatMap((file) => {
            const sourceFile = program.getSourceFile(`${VIRTUAL_ROOT}/${file}`);
            return sourceFile ? [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)] : [];
          }),
      ]
    : ts.getPreEmitDiagnostics(program);
  return found.map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (!diagnostic.file || diagnostic.start === undefined) return { file: "", line: 0, column: 0, message };
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const fileName = diagnostic.file.fileName;
    const file = isVirtual(fileName) ? fileName.slice(VIRTUAL_ROOT.length + 1) : fileName;
    return { file, line: line + 1, column: character + 1, message };
  });
}

function parentOf(file: string): string {
  const index = file.lastIndexOf("/");
  return index <= 0 ? "/" : file.slice(0, index);
}
