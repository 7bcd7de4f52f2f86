import { spawn } from "node:child_process";
import { realpath } from "node:fs/promises";
import path from "node:path";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { UsageError } from "../errors.js";
import { decodeSource, SOURCE_EXTENSIONS, toPosix, type InputSet, type SourceText } from "./sources.js";

/**
 * Reads the input (a folder or one `.ts` file) as it is in a git revision,
 * from git's objects: `git ls-tree` lists it, one `git cat-file --batch`
 * reads every blob. The working tree, the index and HEAD are never touched.
 * Paths are relative to `baseDir`, as `readInputs` makes them, so both
 * versions of a file have the same name in every location.
 */
export async function readGitInputs(revision: string, inputPath: string, baseDir: string): Promise<InputSet> {
  const folder = path.dirname(inputPath);
  const top = (await git(["rev-parse", "--show-toplevel"], folder).catch(() => undefined))?.toString("utf8").trim();
  if (!top) throw new UsageError(`--base ${revision}: ${toPosix(path.relative(baseDir, inputPath)) || "."} is not inside a git repository`);
  const commit = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${revision}^{commit}`], top).catch(() => undefined);
  if (!commit) throw new UsageError(`--base ${revision}: not a folder, a .ts file, or a git revision`);
  const hash = commit.toString("utf8").trim();
  const realTop = await realpath(top);
  const realInput = await realpath(inputPath).catch(() => path.resolve(inputPath));
  const inRepo = toPosix(path.relative(realTop, realInput));
  const root = toPosix(path.relative(baseDir, inputPath)) || ".";
  const listing = await git(["ls-tree", "-r", "-z", "--full-tree", hash, "--", inRepo || "."], realTop);
  const entries = parseTree(listing);
  if (entries.length === 0) throw new UsageError(`--base ${revision}: ${root} does not exist in ${revision}`);
  const single = entries.length === 1 && entries[0]!.path === inRepo;
  const inputFolder = single ? path.posix.dirname(inRepo) : inRepo;
  const wanted = entries.filter((entry) => single || isSourceFile(path.posix.relative(inputFolder, entry.path)));
  // Named from the input as `readInputs` names it, so a symbolic link in the path to the repository changes nothing.
  const toBase = (repoPath: string) => (single ? root : path.posix.join(root, path.posix.relative(inRepo, repoPath)));
  const diagnostics: Diagnostic[] = [];
  const blobs = wanted.filter((entry) => entry.type === "blob" && entry.mode !== SYMLINK_MODE);
  for (const entry of wanted) {
    if (!blobs.includes(entry)) {
      const message = `cannot read file in ${revision}: a ${entry.mode === SYMLINK_MODE ? "symbolic link" : entry.type}, not a file`;
      diagnostics.push(createDiagnostic("unreadable-input", message, { file: toBase(entry.path), line: 1, column: 1 }));
    }
  }
  const contents = await readBlobs(blobs.map((entry) => entry.object), realTop);
  const files: SourceText[] = [];
  blobs.forEach((entry, index) => {
    const relative = toBase(entry.path);
    const decoded = decodeSource(contents[index]!, relative);
    if ("diagnostic" in decoded) return void diagnostics.push(decoded.diagnostic);
    const namespaceFolder = path.posix.relative(inputFolder, path.posix.dirname(entry.path));
    files.push({ path: relative, text: decoded.text, namespace: namespaceFolder === "" ? [] : namespaceFolder.split("/") });
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (wanted.length === 0) {
    diagnostics.push(createDiagnostic("no-declarations", `no .ts files found under ${root} in ${revision}`, { file: root, line: 1, column: 1 }));
  }
  return { root, files, diagnostics };
}

const SYMLINK_MODE = "120000";

interface TreeEntry {
  readonly mode: string;
  readonly type: string;
  readonly object: string;
  readonly path: string;
}

/** `git ls-tree -z` lines: `<mode> SP <type> SP <object> TAB <path> NUL`. */
function parseTree(listing: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const line of listing.toString("utf8").split("\0")) {
    if (line === "") continue;
    const tab = line.indexOf("\t");
    const [mode, type, object] = line.slice(0, tab).split(" ") as [string, string, string];
    entries.push({ mode, type, object, path: line.slice(tab + 1) });
  }
  return entries;
}

/** As `readInputs` lists a folder: source extensions only, no dot folders or files, no node_modules. */
function isSourceFile(relative: string): boolean {
  const segments = relative.split("/");
  if (segments.some((segment) => segment.startsWith(".") || segment === "node_modules")) return false;
  return SOURCE_EXTENSIONS.some((extension) => relative.endsWith(extension));
}

/** Every blob's bytes, in order, from one `git cat-file --batch`. */
async function readBlobs(objects: readonly string[], cwd: string): Promise<Buffer[]> {
  if (objects.length === 0) return [];
  const output = await git(["cat-file", "--batch"], cwd, objects.join("\n") + "\n");
  const blobs: Buffer[] = [];
  let offset = 0;
  for (const object of objects) {
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString("utf8");
    const [name, type, size] = header.split(" ");
    if (name !== object || type !== "blob" || size === undefined) throw new Error(`git cat-file: unexpected header "${header}" for ${object}`);
    const start = headerEnd + 1;
    blobs.push(output.subarray(start, start + Number(size)));
    offset = start + Number(size) + 1;
  }
  return blobs;
}

/** Runs git without a shell; resolves to its stdout, rejects with its stderr on failure. */
function git(args: readonly string[], cwd: string, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Only `cat-file --batch` reads its input; the others get none, so an early exit cannot break a pipe.
    const child = spawn("git", args, { cwd, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr!.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => reject(new UsageError(`cannot run git: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(Buffer.concat(err).toString("utf8").trim() || `git ${args[0]} exited with ${code}`));
    });
    if (child.stdin) {
      // A git that exits before reading everything reports why on stderr and through its exit code.
      child.stdin.on("error", () => {});
      child.stdin.end(input);
    }
  });
}
