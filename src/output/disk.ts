import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, writeFileSync, type Dirent } from "node:fs";
import path from "node:path";

/**
 * The file work of `write` and `check`, done batch by batch as generation hands
 * each format's files over, so a batch can be dropped once it is on disk or
 * compared. Synchronous on purpose: for thousands of small files a plain call is
 * as fast as any asynchronous scheme, and a second thread only competes with
 * V8's own collector and compiler threads on a two-core machine.
 */

/** Generated files as `[POSIX path relative to the folder, contents]`. */
export type FileEntry = readonly [file: string, contents: string];

export interface FileChange {
  readonly expected: string;
  readonly actual: string;
}

/** What a comparison with a folder found; `present` lists every file the folder held. */
export interface Comparison {
  readonly present: readonly string[];
  readonly missing: readonly string[];
  readonly changed: ReadonlyMap<string, FileChange>;
}

/** Writes files under `root`, creating each parent folder once. */
export class FolderWriter {
  private readonly made = new Set<string>();

  constructor(private readonly root: string) {}

  write(files: Iterable<FileEntry>): void {
    for (const [file, contents] of files) {
      const target = path.join(this.root, file);
      const folder = path.dirname(target);
      if (!this.made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.made.add(folder);
      }
      writeFileSync(target, contents);
    }
  }
}

/** Lists `folder` once, then compares files with it batch by batch; keeps the texts of changed files only. */
export class FolderComparer {
  private readonly present: ReadonlyMap<string, string>;
  private readonly missing: string[] = [];
  private readonly changed = new Map<string, FileChange>();

  constructor(folder: string) {
    this.present = listFiles(folder);
  }

  compare(files: Iterable<FileEntry>): void {
    for (const [file, contents] of files) {
      const absolute = this.present.get(file);
      if (absolute === undefined) this.missing.push(file);
      else if (!hasContents(absolute, contents)) this.changed.set(file, { expected: contents, actual: readFileSync(absolute, "utf8") });
    }
  }

  result(): Comparison {
    return { present: [...this.present.keys()], missing: this.missing, changed: this.changed };
  }
}

/** Files under `folder` (none when it does not exist): POSIX relative path → absolute path. */
export function listFiles(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  // A plain synchronous walk: Node's recursive readdir costs several times more on trees of a few hundred files.
  const walk = (absolute: string, relative: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return; // missing or unreadable: its files show up as missing in a comparison
    }
    for (const entry of entries) {
      const childRelative = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(absolute, entry.name), childRelative);
      else if (entry.isFile()) files.set(childRelative, path.join(absolute, entry.name));
    }
  };
  walk(path.resolve(folder), "");
  return files;
}

/** Reused between files: a comparison allocates nothing per file unless it finds a difference. */
const scratch = { disk: Buffer.alloc(0), expected: Buffer.alloc(0) };

/**
 * Whether the file holds exactly the UTF-8 bytes of `contents`. It asks for one
 * byte more than expected: a regular file gives fewer bytes than asked only at
 * its end, so a short read is the whole file and a full one means it is longer.
 */
function hasContents(absolute: string, contents: string): boolean {
  const length = Buffer.byteLength(contents);
  if (scratch.disk.length <= length) {
    scratch.disk = Buffer.allocUnsafe(Math.max(length + 1, 2 * scratch.disk.length));
    scratch.expected = Buffer.allocUnsafe(scratch.disk.length);
  }
  const descriptor = openSync(absolute, "r");
  let read = 0;
  try {
    while (read <= length) {
      const wanted = length + 1 - read;
      const chunk = readSync(descriptor, scratch.disk, read, wanted, read);
      read += chunk;
      if (chunk < wanted) break;
    }
  } finally {
    closeSync(descriptor);
  }
  if (read !== length) return false;
  scratch.expected.write(contents, 0, "utf8");
  return scratch.disk.compare(scratch.expected, 0, length, 0, length) === 0;
}
