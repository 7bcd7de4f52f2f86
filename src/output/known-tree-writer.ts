import { rmdirSync, rmSync, unlinkSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { sameText, type FileText } from "./file-text.js";
import { ParentFolders, writeNewFile, type FileEntry, type KnownFile, type KnownFiles, type NewTreeFiles } from "./disk.js";

/**
 * Where the new tree's known files come from: links to the tree being
 * replaced, or a kept tree that already holds them, checked beforehand
 * (`checkKnownTree`, run on it before it became the new tree).
 */
export type KnownSource = { readonly linkFrom: string } | { readonly checked: KnownCheck };

/** What a kept tree holds besides the known files as written: known files it lacks or holds changed, and entries nothing accounts for. */
export interface KnownCheck {
  readonly missed: readonly string[];
  readonly stray: readonly string[];
}

/**
 * The known files for the second thread, in two flat values that cost little
 * to hand over: the relative paths joined by NUL (which no path holds), and
 * each file's inode, size and modification time, three numbers per file.
 */
interface KnownJob {
  /** Link from this folder; without it, check the files already under `to`. */
  readonly from: string | undefined;
  readonly to: string;
  readonly paths: string;
  readonly identities: Float64Array;
}

/**
 * Runs on a worker thread, so it must stand alone (no imports; `fs` and
 * `path` are handed in). Links each file of the tree being replaced into the
 * new tree and keeps the link only when it is still the file this process
 * wrote: same inode, size and modification time. Returns the files it did not
 * carry over.
 */
function linkKnownFiles(fs: typeof import("node:fs"), nodePath: typeof import("node:path"), job: KnownJob & { readonly from: string }): string[] {
  const made = new Set<string>();
  const missed: string[] = [];
  const files = job.paths === "" ? [] : job.paths.split("\0");
  for (let index = 0; index < files.length; index++) {
    const file = files[index]!;
    const [ino, size, mtimeMs] = job.identities.subarray(3 * index, 3 * index + 3);
    const target = nodePath.join(job.to, file);
    const folder = nodePath.dirname(target);
    if (!made.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      fs.linkSync(nodePath.join(job.from, file), target);
    } catch {
      missed.push(file);
      continue;
    }
    const linked = fs.lstatSync(target, { throwIfNoEntry: false });
    if (linked?.isFile() && linked.ino === ino && linked.size === size && linked.mtimeMs === mtimeMs) continue;
    fs.unlinkSync(target);
    missed.push(file);
  }
  return missed;
}

/**
 * Runs on a worker thread, like `linkKnownFiles`, and changes nothing. Finds
 * what keeps a tree this process wrote before from holding exactly the known
 * files: a known file missing, or no longer the one written (edited through a
 * link it shares with the live tree, replaced), and anything the files do not
 * account for (another file, a link, a folder they do not need).
 */
function checkKnownFiles(fs: typeof import("node:fs"), nodePath: typeof import("node:path"), job: KnownJob): KnownCheck {
  const files = job.paths === "" ? [] : job.paths.split("\0");
  const identities = new Map(
    files.map((file, index) => [file, { ino: job.identities[3 * index]!, size: job.identities[3 * index + 1]!, mtimeMs: job.identities[3 * index + 2]! }]),
  );
  const folders = new Set<string>();
  for (const file of files) {
    for (let folder = nodePath.posix.dirname(file); folder !== "." && !folders.has(folder); folder = nodePath.posix.dirname(folder)) folders.add(folder);
  }
  const stray: string[] = [];
  const held = new Set<string>();
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(nodePath.join(job.to, relative), { withFileTypes: true })) {
      const file = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory() && folders.has(file)) {
        walk(file);
        continue;
      }
      const identity = entry.isFile() ? identities.get(file) : undefined;
      if (identity === undefined) {
        stray.push(file);
        continue;
      }
      const found = fs.lstatSync(nodePath.join(job.to, file));
      if (found.isFile() && found.ino === identity.ino && found.size === identity.size && found.mtimeMs === identity.mtimeMs) held.add(file);
    }
  };
  walk("");
  return { missed: files.filter((file) => !held.has(file)), stray };
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const link = ${linkKnownFiles.toString()};
const check = ${checkKnownFiles.toString()};
parentPort.postMessage((workerData.from === undefined ? check : link)(require("node:fs"), require("node:path"), workerData));
`;

/**
 * Builds a new tree from one this process wrote before (`watch`), where most
 * files come out unchanged. Either every known file is linked from the old
 * tree into the new one on a second thread, from the start, while the main
 * thread generates; or the new tree is a kept tree that already holds them
 * (`SpareTree`), checked on a second thread beforehand (`checkKnownTree`),
 * whose files out of place are removed at once. `write` only sorts what it is
 * handed into unchanged (already being carried over) and new or changed
 * (kept for `finish`). `finish` then removes what the new tree no longer
 * holds and writes the rest, each file created fresh (`wx`) after the one it
 * replaces is gone, so no file shared with the old tree is written through. A
 * known file that is no longer what this process wrote (edited, replaced, a
 * link put in its place) is not carried over but written.
 */
export class KnownTreeWriter implements NewTreeFiles {
  readonly #root: string;
  readonly #known: KnownFiles;
  readonly #carrying: Promise<readonly string[]>;
  readonly #stop: () => Promise<unknown>;
  /** New and changed files, written by `finish`. */
  readonly #pending = new Map<string, FileText>();
  readonly #seen = new Set<string>();
  readonly #remembered = new Map<string, KnownFile>();
  #written = 0;
  #linked = 0;

  /** `keep` says which known files to leave out (they are carried over otherwise, as a whole). */
  constructor(root: string, source: KnownSource, known: KnownFiles, keep: (file: string) => boolean) {
    this.#root = root;
    this.#known = [...known.keys()].some(keep) ? new Map([...known].filter(([file]) => !keep(file))) : known;
    if ("linkFrom" in source) {
      const linking = onSecondThread<string[]>(source.linkFrom, root, this.#known);
      this.#carrying = linking.result;
      this.#stop = linking.stop;
      return;
    }
    // A kept tree: what its check found out of place goes, so every file written later is created afresh.
    for (const file of [...source.checked.stray, ...source.checked.missed]) rmSync(path.join(root, file), { recursive: true, force: true });
    this.#carrying = Promise.resolve(source.checked.missed);
    this.#stop = async () => undefined;
  }

  get written(): number {
    return this.#written;
  }

  get linked(): number {
    return this.#linked;
  }

  get known(): KnownFiles {
    return this.#remembered;
  }

  write(files: Iterable<FileEntry>): void {
    for (const [file, contents] of files) {
      this.#seen.add(file);
      const known = this.#known.get(file);
      if (known !== undefined && sameText(known.contents, contents)) {
        this.#linked++;
        this.#remembered.set(file, known);
      } else {
        this.#pending.set(file, contents);
      }
    }
  }

  /** Waits for the second thread, then takes out what the new tree no longer holds and writes new, changed and uncarried files. */
  async finish(): Promise<void> {
    const missed = new Set(await this.#carrying);
    const root = this.#root;
    const emptied = new Set<string>();
    for (const [file, known] of this.#known) {
      const unchanged = this.#seen.has(file) && !this.#pending.has(file);
      if (missed.has(file)) {
        if (unchanged) {
          this.#linked--;
          this.#pending.set(file, known.contents);
        }
        continue;
      }
      if (unchanged) continue;
      const target = path.join(root, file);
      unlinkSync(target);
      if (!this.#seen.has(file)) emptied.add(path.dirname(target));
    }
    removeEmptyFolders(emptied, root);
    const folders = new ParentFolders();
    for (const [file, contents] of this.#pending) {
      const target = path.join(root, file);
      folders.makeFor(target);
      const { ino, size, mtimeMs } = writeNewFile(target, contents);
      this.#remembered.set(file, { contents, ino, size, mtimeMs });
      this.#written++;
    }
    this.#pending.clear();
  }

  /** Stops the second thread; the caller removes the new tree. */
  async abort(): Promise<void> {
    await this.#stop();
  }
}

/**
 * Checks on a second thread which known files `folder` (a tree this process
 * wrote before) still holds as written, and what else it holds; changes nothing.
 */
export function checkKnownTree(folder: string, known: KnownFiles): Promise<KnownCheck> {
  return onSecondThread<KnownCheck>(undefined, folder, known).result;
}

/** Links known files from `from` into `to` (`linkKnownFiles`), or without `from` checks them in `to` (`checkKnownFiles`), on a worker thread. */
function onSecondThread<T>(from: string | undefined, to: string, known: KnownFiles): { readonly result: Promise<T>; readonly stop: () => Promise<number> } {
  const identities = new Float64Array(3 * known.size);
  let index = 0;
  for (const { ino, size, mtimeMs } of known.values()) identities.set([ino, size, mtimeMs], 3 * index++);
  const job: KnownJob = { from, to, paths: [...known.keys()].join("\0"), identities };
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: job, transferList: [identities.buffer] });
  const result = new Promise<T>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the thread carrying known files over stopped (exit code ${code})`)));
  });
  // Until the caller asks, a failure has nobody to go to.
  result.catch(() => undefined);
  return { result, stop: () => worker.terminate() };
}

/** Removes each of `folders` that is empty, and then its parents up to `root`, as a write into an empty folder would not have made them. */
function removeEmptyFolders(folders: Iterable<string>, root: string): void {
  for (const start of [...folders].sort((a, b) => b.length - a.length)) {
    for (let folder = start; folder.startsWith(root + path.sep); folder = path.dirname(folder)) {
      try {
        rmdirSync(folder);
      } catch {
        break; // not empty, or already gone
      }
    }
  }
}
