import {
  closeSync,
  constants,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  unlinkSync,
  writeSync,
  type Dirent,
  type Stats,
} from "node:fs";
import path from "node:path";
import { joinText, piecesOf, sameText, type FileText } from "./file-text.js";

/**
 * The file work of `write` and `check`, done batch by batch as generation hands
 * each format's files over, so a batch can be dropped once it is on disk or
 * compared. Synchronous on purpose: for thousands of small files a plain call is
 * as fast as any asynchronous scheme, and a second thread only competes with
 * V8's own collector and compiler threads on a two-core machine.
 */

/** Generated files as `[POSIX path relative to the folder, contents]`. */
export type FileEntry = readonly [file: string, contents: FileText];

export interface FileChange {
  readonly expected: string;
  readonly actual: string;
}

/** Missing, extra and changed files, each sorted. */
export interface TreeDifference {
  readonly missing: readonly string[];
  readonly extra: readonly string[];
  readonly changed: readonly string[];
}

/**
 * What a comparison with a folder found, with the texts of the changed files,
 * what each listed path that is not a regular file is (a symbolic link, a FIFO,
 * an empty folder, …) and how many files were compared.
 */
export interface Comparison {
  readonly difference: TreeDifference;
  readonly changed: ReadonlyMap<string, FileChange>;
  readonly notFiles: ReadonlyMap<string, string>;
  readonly compared: number;
}

/**
 * A file this process put in a tree: its text and what `lstat` said of it then.
 * While the same inode, size and modification time are there, the file still
 * holds that text, and is carried over without being read.
 */
export interface KnownFile {
  readonly contents: FileText;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

/** Files by POSIX path relative to the tree's folder. */
export type KnownFiles = ReadonlyMap<string, KnownFile>;

/** The tree being replaced, and what an earlier write of this process knows it holds. */
export interface PreviousTree {
  readonly folder: string;
  readonly known?: KnownFiles;
}

/** How a new tree's files are put in place: handed over batch by batch, then finished before the swap. */
export interface NewTreeFiles {
  /** Files whose bytes were written (new or changed). */
  readonly written: number;
  /** Files carried over unchanged from the tree being replaced. */
  readonly linked: number;
  /** What the tree holds, when asked to remember. */
  readonly known: KnownFiles | undefined;
  write(files: Iterable<FileEntry>): void;
  /** Completes the tree; after it every file handed over is in place. */
  finish(): Promise<void>;
  /** Stops any work still going on; the caller removes the tree. */
  abort(): Promise<void>;
}

/**
 * Writes files under `root`, creating each parent folder once. Given the tree
 * being replaced (`previous`), a file whose bytes are already there is carried
 * over by a hard link instead of written: on a real disk creating a file costs
 * ten times more than linking one, and reading to compare costs less than both.
 * Every file is created fresh (`wx`), never opened for writing where something
 * exists, so a file shared by link between the old and the new tree is never
 * written through. With `remember`, what was put where is kept (`known`) for
 * the next write of the same folder.
 */
export class FolderWriter implements NewTreeFiles {
  private readonly folders = new ParentFolders();
  private writtenCount = 0;
  private linkedCount = 0;
  private readonly remembered: Map<string, KnownFile> | undefined;

  constructor(
    private readonly root: string,
    private readonly previous?: PreviousTree,
    remember = false,
  ) {
    this.remembered = remember ? new Map() : undefined;
  }

  get written(): number {
    return this.writtenCount;
  }

  get linked(): number {
    return this.linkedCount;
  }

  get known(): KnownFiles | undefined {
    return this.remembered;
  }

  /** Every file is in place as soon as `write` returns. */
  finish(): Promise<void> {
    return Promise.resolve();
  }

  abort(): Promise<void> {
    return Promise.resolve();
  }

  write(files: Iterable<FileEntry>): void {
    for (const [file, contents] of files) {
      const target = path.join(this.root, file);
      this.folders.makeFor(target);
      const carried = this.previous && carryOver(this.previous, file, target, contents);
      if (carried) {
        this.linkedCount++;
        this.remembered?.set(file, { contents, ino: carried.ino, size: carried.size, mtimeMs: carried.mtimeMs });
        continue;
      }
      const { ino, size, mtimeMs } = writeNewFile(target, contents);
      this.writtenCount++;
      this.remembered?.set(file, { contents, ino, size, mtimeMs });
    }
  }
}

/** Makes the folder each file goes into, once however many files it gets. */
export class ParentFolders {
  readonly #made = new Set<string>();

  makeFor(target: string): void {
    const folder = path.dirname(target);
    if (this.#made.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    this.#made.add(folder);
  }
}

interface FileIdentity {
  readonly ino: number;
  readonly dev: number;
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * Links the previous tree's `file` as `target` when it holds exactly the UTF-8
 * bytes of `contents`: known unchanged since this process put it there, or
 * compared (sizes first, then bytes). Undefined when it does not, or when
 * linking fails (another file system, a file this user may not link under
 * `fs.protected_hardlinks`, too many links): the caller writes instead. The
 * link is kept only when it is the very file compared, in case the path was
 * replaced meanwhile.
 */
function carryOver(previous: PreviousTree, file: string, target: string, contents: FileText): FileIdentity | undefined {
  const source = path.join(previous.folder, file);
  const known = previous.known?.get(file);
  if (known !== undefined && sameText(known.contents, contents)) {
    const info = lstatOrUndefined(source);
    if (info?.isFile() && info.ino === known.ino && info.size === known.size && info.mtimeMs === known.mtimeMs) {
      return linkAs(source, target, info);
    }
  }
  return linkIfSame(source, target, contents);
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function linkIfSame(source: string, target: string, contents: FileText): FileIdentity | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(source, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(descriptor);
    if (!info.isFile() || info.size !== byteLength(contents) || !sameBytes(descriptor, contents)) return undefined;
    return linkAs(source, target, info);
  } finally {
    closeSync(descriptor);
  }
}

function linkAs(source: string, target: string, expected: FileIdentity): FileIdentity | undefined {
  try {
    linkSync(source, target);
  } catch {
    return undefined;
  }
  const linked = lstatSync(target, { throwIfNoEntry: false });
  if (linked === undefined) return undefined;
  if (linked.ino === expected.ino && linked.dev === expected.dev) return linked;
  unlinkSync(target);
  return undefined;
}

/**
 * Compares files with `folder` batch by batch, keeping the texts of changed files
 * only; the folder is listed once, at the end, for the files nothing expected (a
 * listing made first would stay in memory through the whole generation). Only
 * regular files count as files: an expected path holding anything else (a link
 * to the right file included) is missing, and anything else in the folder that
 * schemagate did not write (links, FIFOs, sockets, empty folders) is extra.
 */
export class FolderComparer {
  private readonly root: string;
  private readonly compared = new Set<string>();
  private readonly unreadable = new Set<string>();
  private readonly changed = new Map<string, FileChange>();

  constructor(folder: string) {
    this.root = path.resolve(folder);
  }

  compare(files: Iterable<FileEntry>): void {
    for (const [file, contents] of files) {
      this.compared.add(file);
      const absolute = path.join(this.root, file);
      const same = hasContents(absolute, contents);
      if (same === undefined) this.unreadable.add(file);
      else if (!same) this.changed.set(file, { expected: joinText(contents), actual: readFileSync(absolute, "utf8") });
    }
  }

  /** Lists the folder and sorts out what differs; files present but never compared are extra. */
  result(): Comparison {
    const { files: present, others } = listTree(this.root);
    const changed = new Map([...this.changed].filter(([file]) => present.has(file)));
    const difference = {
      missing: [...this.compared].filter((file) => this.unreadable.has(file) || !present.has(file)).sort(),
      extra: [...present.keys(), ...others.keys()].filter((file) => !this.compared.has(file)).sort(),
      changed: [...changed.keys()].sort(),
    };
    return { difference, changed, notFiles: others, compared: this.compared.size };
  }
}

/** Files under `folder` (none when it does not exist): POSIX relative path → absolute path. */
export function listFiles(folder: string): Map<string, string> {
  return listTree(folder).files;
}

/** A folder's regular files, and everything else in it that is not a folder with something inside. */
export interface TreeListing {
  /** POSIX relative path → absolute path. */
  readonly files: Map<string, string>;
  /** POSIX relative path → what it is, in words. */
  readonly others: Map<string, string>;
}

/** Lists `folder` without following links (none when it does not exist). */
export function listTree(folder: string): TreeListing {
  const files = new Map<string, string>();
  const others = new Map<string, string>();
  // A plain synchronous walk: Node's recursive readdir costs several times more on trees of a few hundred files.
  const walk = (absolute: string, relative: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return; // missing or unreadable: its files show up as missing in a comparison
    }
    if (entries.length === 0 && relative !== "") others.set(relative, "an empty folder");
    for (const entry of entries) {
      const childRelative = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(absolute, entry.name), childRelative);
      else if (entry.isFile()) files.set(childRelative, path.join(absolute, entry.name));
      else others.set(childRelative, describeEntry(entry));
    }
  };
  walk(path.resolve(folder), "");
  return { files, others };
}

function describeEntry(entry: Dirent): string {
  if (entry.isSymbolicLink()) return "a symbolic link";
  if (entry.isFIFO()) return "a FIFO";
  if (entry.isSocket()) return "a socket";
  return "a device";
}

/**
 * Files are written and compared a chunk at a time in buffers made once:
 * neither allocates per file, and a bundle of tens of megabytes costs no buffer
 * of its size (a fresh one is fresh memory for the kernel to hand over page by
 * page, ten times the cost of the write itself, and large buffers count as
 * external memory and bring on full garbage collections).
 */
const CHUNK_BYTES = 256 * 1024;
const scratch = { disk: Buffer.allocUnsafe(CHUNK_BYTES + 1), expected: new Uint8Array(CHUNK_BYTES), written: new Uint8Array(CHUNK_BYTES) };
const encoder = new TextEncoder();

/**
 * Creates `target` holding the UTF-8 bytes of `contents`, never opening a
 * path that exists (`wx`), and returns what `fstat` says of it.
 */
export function writeNewFile(target: string, contents: FileText): Stats {
  const descriptor = openSync(target, "wx");
  try {
    eachChunk(contents, scratch.written, (bytes) => {
      for (let offset = 0; offset < bytes; ) offset += writeSync(descriptor, scratch.written, offset, bytes - offset);
      return true;
    });
    return fstatSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Encodes `contents` as UTF-8 into `buffer`, handing `take` the number of
 * bytes each time the buffer is full and once at the end; false from `take`
 * stops it (and is returned).
 */
function eachChunk(contents: FileText, buffer: Uint8Array, take: (bytes: number) => boolean): boolean {
  let filled = 0;
  for (const piece of piecesOf(contents)) {
    let rest = piece;
    for (;;) {
      const { read: characters, written } = encoder.encodeInto(rest, filled === 0 ? buffer : buffer.subarray(filled));
      filled += written;
      if (characters === rest.length) break;
      // The buffer is full, or too nearly so for the next character.
      if (!take(filled)) return false;
      filled = 0;
      rest = rest.slice(characters);
    }
  }
  return filled === 0 || take(filled);
}

function byteLength(contents: FileText): number {
  let bytes = 0;
  for (const piece of piecesOf(contents)) bytes += Buffer.byteLength(piece);
  return bytes;
}

/** Not a readable file where one was expected: nothing there, a folder, a path through a file, or a link. */
const NOT_A_FILE = new Set(["ENOENT", "EISDIR", "ENOTDIR", "ELOOP"]);
/** Never follows a link in the last place, never waits for a FIFO's writer. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Whether the file holds exactly the UTF-8 bytes of `contents`; undefined when there is no regular file to read. */
function hasContents(absolute: string, contents: FileText): boolean | undefined {
  try {
    const descriptor = openSync(absolute, OPEN_FLAGS);
    try {
      if (!fstatSync(descriptor).isFile()) return undefined;
      return sameBytes(descriptor, contents);
    } finally {
      closeSync(descriptor);
    }
  } catch (error) {
    if (NOT_A_FILE.has((error as NodeJS.ErrnoException).code ?? "")) return undefined;
    throw error;
  }
}

function sameBytes(descriptor: number, contents: FileText): boolean {
  let position = 0;
  const same = eachChunk(contents, scratch.expected, (bytes) => {
    const got = readAt(descriptor, bytes, position);
    position += bytes;
    return got === bytes && scratch.disk.compare(scratch.expected, 0, bytes, 0, bytes) === 0;
  });
  // A byte more means the file is longer.
  return same && readAt(descriptor, 1, position) === 0;
}

/** Reads up to `wanted` bytes at `position` into the disk buffer; a regular file gives fewer only at its end. */
function readAt(descriptor: number, wanted: number, position: number): number {
  return readSync(descriptor, scratch.disk, 0, wanted, position);
}
