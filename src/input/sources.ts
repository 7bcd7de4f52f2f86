import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { UsageError } from "../errors.js";
import { forEachConcurrently } from "../concurrency.js";

/** One input file, already decoded. */
export interface SourceText {
  /** POSIX path relative to the base folder: the name used in every location. */
  readonly path: string;
  readonly text: string;
  /** Folder segments between the input root and the file: its namespace. */
  readonly namespace: readonly string[];
}

export interface InputSet {
  /** POSIX path of the input root relative to the base folder. */
  readonly root: string;
  /** Sorted by path, so later stages never see the file system's order. */
  readonly files: readonly SourceText[];
  /**
   * For a one-file input: that file's path. Its declarations (and what it
   * re-exports) are the roots; the files it imports are read for what they
   * declare, which appears where it is reached.
   */
  readonly entry?: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Which files are definitions; others under the input are ignored. */
export const SOURCE_EXTENSIONS = [".ts", ".mts", ".cts"];
const utf8 = new TextDecoder("utf-8", { fatal: true });

export function toPosix(relative: string): string {
  return relative.split(path.sep).join("/");
}

/**
 * Reads a folder of `.ts` files (recursively, skipping node_modules and dot
 * folders) or one `.ts` file. Paths are made relative to `baseDir`, so the
 * locations in artifacts do not depend on the current directory.
 */
export async function readInputs(inputPath: string, baseDir: string): Promise<InputSet> {
  const info = await stat(inputPath).catch(() => undefined);
  if (!info) throw new UsageError(`input not found: ${inputPath}`);
  const root = toPosix(path.relative(baseDir, inputPath)) || ".";
  if (!info.isDirectory()) return readFileWithImports(inputPath, baseDir, root);
  const absoluteFiles = await listSourceFiles(inputPath);
  const { files, diagnostics } = await readSources(absoluteFiles, baseDir, inputPath);
  if (absoluteFiles.length === 0) {
    diagnostics.push(
      createDiagnostic("no-declarations", `no .ts files found under ${root}`, { file: root, line: 1, column: 1 }),
    );
  }
  return { root, files, diagnostics };
}

/**
 * One file and every input file it reaches through relative imports and
 * re-exports, breadth first. Files in its folder and below are namespaced by
 * their folders, as in a folder input; files above it are in the root namespace.
 */
async function readFileWithImports(inputPath: string, baseDir: string, root: string): Promise<InputSet> {
  const rootDir = path.dirname(inputPath);
  const seen = new Set([inputPath]);
  const files: SourceText[] = [];
  const diagnostics: Diagnostic[] = [];
  let wave = [inputPath];
  while (wave.length > 0) {
    const read = await readSources(wave, baseDir, rootDir);
    files.push(...read.files);
    diagnostics.push(...read.diagnostics);
    const next: string[] = [];
    for (const file of read.files) {
      const absolute = path.resolve(baseDir, file.path);
      for (const specifier of relativeSpecifiers(file.text)) {
        const target = await resolveOnDisk(path.dirname(absolute), specifier);
        if (target !== undefined && !seen.has(target)) {
          seen.add(target);
          next.push(target);
        }
      }
    }
    wave = next;
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root, files, diagnostics, entry: toPosix(path.relative(baseDir, inputPath)) };
}

/**
 * The relative module specifiers of `import … from`, `export … from` and
 * `import("…")` in a file's text. A specifier inside a comment may be found
 * too; it only reads one file more, whose declarations appear only if reached.
 */
function relativeSpecifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"'\n]*)\1/g)) found.push(match[2]!);
  return found;
}

/** The file a relative specifier names, as the scanner resolves it: `./x.js` and `./x` are `./x.ts`, `./dir` is `./dir/index.ts`. */
async function resolveOnDisk(fromDir: string, specifier: string): Promise<string | undefined> {
  const base = path.resolve(fromDir, specifier);
  const stem = base.replace(/\.(m|c)?(j|t)s$/, "");
  for (const candidate of [`${stem}.ts`, `${stem}.mts`, `${stem}.cts`, `${stem}.d.ts`, path.join(base, "index.ts"), path.join(base, "index.d.ts")]) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

async function readSources(absoluteFiles: readonly string[], baseDir: string, rootDir: string): Promise<{ files: SourceText[]; diagnostics: Diagnostic[] }> {
  const files: SourceText[] = [];
  const diagnostics: Diagnostic[] = [];
  // Read side by side (each read waits on the file system, not the CPU), kept in listing order.
  const relatives = absoluteFiles.map((absolute) => toPosix(path.relative(baseDir, absolute)));
  const reads: Awaited<ReturnType<typeof readSource>>[] = [];
  await forEachConcurrently(absoluteFiles, async (absolute, index) => (reads[index] = await readSource(absolute, relatives[index]!)));
  for (const [index, absolute] of absoluteFiles.entries()) {
    const relative = relatives[index]!;
    const decoded = reads[index]!;
    if ("diagnostic" in decoded) {
      diagnostics.push(decoded.diagnostic);
      continue;
    }
    const folder = path.relative(rootDir, path.dirname(absolute));
    const namespace = folder === "" || folder.startsWith("..") ? [] : folder.split(path.sep);
    files.push({ path: relative, text: decoded.text, namespace });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics };
}

async function listSourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await listSourceFiles(full)));
    else if (SOURCE_EXTENSIONS.some((extension) => entry.name.endsWith(extension))) found.push(full);
  }
  return found;
}

/** Plain words for the usual read errors (Node's own messages hold absolute paths). */
const READ_ERRORS: Record<string, string> = {
  ENOENT: "it does not exist; a symbolic link to a missing file?",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ELOOP: "too many levels of symbolic links",
  EISDIR: "it is a folder",
};

async function readSource(absolute: string, relative: string): Promise<{ text: string } | { diagnostic: Diagnostic }> {
  const at = { file: relative, line: 1, column: 1 };
  let bytes: Buffer;
  try {
    // Only regular files: opening a FIFO would wait forever for a writer.
    if (!(await stat(absolute)).isFile()) {
      const message = "cannot read file: not a regular file (a FIFO, socket, device or folder)";
      return { diagnostic: createDiagnostic("unreadable-input", message, at) };
    }
    bytes = await readFile(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "read failed";
    const explanation = READ_ERRORS[code] ? `: ${READ_ERRORS[code]}` : "";
    return { diagnostic: createDiagnostic("unreadable-input", `cannot read file (${code}${explanation})`, at) };
  }
  return decodeSource(bytes, relative);
}

/** Decodes a file's bytes as strict UTF-8 (a BOM dropped), or a located diagnostic at the first bad byte. */
export function decodeSource(bytes: Uint8Array, relative: string): { text: string } | { diagnostic: Diagnostic } {
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, "") };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
    const lines = before.split("\n");
    const location = { file: relative, line: lines.length, column: lines[lines.length - 1]!.length + 1 };
    return {
      diagnostic: createDiagnostic("unreadable-input", `file is not valid UTF-8 (bad byte at offset ${offset})`, location),
    };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Binary search on the longest valid prefix: the byte after it is the first bad one.
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (isValidPrefix(bytes.subarray(0, middle))) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** True when `prefix` is valid UTF-8, allowing it to end inside a multi-byte sequence. */
function isValidPrefix(prefix: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(prefix, { stream: true });
    return true;
  } catch {
    return false;
  }
}
