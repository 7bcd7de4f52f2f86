import { readFile as readFileCallback } from "node:fs";
import { lstat, mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { compareStrings } from "../diagnostics/diagnostic.js";
import { UsageError } from "../errors.js";
import { forEachConcurrently } from "../concurrency.js";
import type { Timings } from "../timings.js";
import { FolderComparer, FolderWriter, listFiles, type KnownFiles, type NewTreeFiles, type TreeDifference } from "./disk.js";
import { checkKnownTree, KnownTreeWriter, type KnownCheck } from "./known-tree-writer.js";
import type { FileText } from "./file-text.js";
import { acquireLock, type FolderLock } from "./lock.js";
import { assertManaged, assertReplaceable, MANAGED_MARKER, markerText, resolveManagedFolder, type ManagedKind } from "./managed-folder.js";
import {
  CARRIED,
  OLD,
  recoverLeftovers,
  removeContainer,
  restoreOldTree,
  temporaryPrefix,
  TREE,
  writeCarriedJournal,
  type StepProbe,
} from "./swap-folder.js";

export type { KnownFiles, TreeDifference };
export { MANAGED_MARKER, markerText, type ManagedKind };

/** Output files by POSIX path relative to their folder. */
export type FileTree = ReadonlyMap<string, FileText>;

const readWholeFile = promisify(readFileCallback);

/** Reads every file under `folder` (empty when the folder does not exist), sorted by path. */
export async function readTree(folder: string): Promise<Map<string, string>> {
  const files = [...listFiles(folder)].sort(([a], [b]) => compareStrings(a, b));
  const contents = new Map<string, string>();
  await forEachConcurrently(files, async ([file, absolute]) => contents.set(file, await readWholeFile(absolute, "utf8")));
  return new Map(files.map(([file]) => [file, contents.get(file)!]));
}

/** Byte comparison of `expected` with a folder: missing, extra and changed files, each sorted. */
export async function compareFolder(expected: FileTree, folder: string): Promise<TreeDifference> {
  const comparer = new FolderComparer(folder);
  comparer.compare(expected);
  return comparer.result().difference;
}

export function isSameTree(difference: TreeDifference): boolean {
  return difference.missing.length + difference.extra.length + difference.changed.length === 0;
}

export interface WriteOptions {
  /**
   * Top-level entries of the existing folder to keep as they are (for example
   * the other audience's subtrees). An entry that `files` writes into is not kept.
   */
  readonly keep?: (entry: string) => boolean;
  /**
   * Runs on the finished temporary folder before it replaces the old one
   * (formatting). A formatter may rewrite files in place, so with it every file
   * is written afresh instead of being carried over from the old tree by link.
   */
  readonly beforeSwap?: (temporaryFolder: string) => Promise<void>;
  /** The command whose tree the folder holds (named in the marker); default `write`. */
  readonly kind?: ManagedKind;
  /** Told what was done besides writing: leftovers of killed runs cleaned, waiting for another run. */
  readonly report?: (message: string) => void;
  /** How long to wait for another run writing the same folder; default 60 s. */
  readonly lockTimeoutMs?: number;
  /** Called at each step of the write (tests stop the process there). */
  readonly onStep?: StepProbe;
  /** What an earlier write of this process left in the folder (`WrittenTree.known`): those files are carried over without being read. */
  readonly known?: KnownFiles;
  /** Keep what this write puts in the folder, for the next one (`WrittenTree.known`). */
  readonly remember?: boolean;
  /**
   * Remove the replaced tree on a second thread after the swap, and return
   * without waiting (`WrittenTree.cleaned`); the lock is held until it is gone.
   */
  readonly removeReplacedLater?: boolean;
  /**
   * When `known` says what the replaced tree holds, keep it beside the folder
   * (`WrittenTree.spare`) instead of removing it, for the next write to build on.
   */
  readonly keepReplaced?: boolean;
  /**
   * A tree an earlier write of this process kept (`WrittenTree.spare`): it
   * becomes the new tree, so only the files that differ are removed and
   * written, instead of every file being linked afresh. Removed unused when
   * it cannot serve (gone, changed, for a formatted write).
   */
  readonly spare?: SpareTree;
}

/**
 * A replaced tree kept in its temporary folder beside the managed folder,
 * with what this process knows it holds. It is never seen at the folder's
 * path. A run killed while one is kept leaves a temporary folder that the
 * next run removes like any other (see `swap-folder.ts`); another run that
 * takes the lock in between may remove it too, and then the next write of
 * this process links its files afresh.
 */
export interface SpareTree {
  readonly container: string;
  readonly known: KnownFiles;
  /** Its check (`checkSpare`), when the caller started it early; otherwise the write starts it. */
  readonly check?: Promise<KnownCheck | undefined>;
}

/**
 * Starts checking a kept tree on a second thread (which known files it still
 * holds as written, and what else it holds), so a caller that does so at the
 * start of its work (`watch`, before reading the input) has the answer by the
 * time it writes. The check only reads; an answer of undefined means the tree
 * could not be checked (removed by another run, say) and will not serve.
 */
export function checkSpare(spare: SpareTree): SpareTree {
  return { ...spare, check: checkKnownTree(path.join(spare.container, OLD), spare.known).catch(() => undefined) };
}

const DEFAULT_LOCK_TIMEOUT_MS = 60_000;

/**
 * Replaces `folder` with `files` (plus the managed marker) as one swap; see
 * `ManagedTreeWriter`. Refuses a non-empty folder that schemagate did not create.
 */
export async function writeManagedTree(folder: string, files: FileTree, options: WriteOptions = {}): Promise<void> {
  await fillManagedTree(folder, (writer) => writer.add(files), options);
}

/** What a write put in place: how many files the tree holds (the marker aside) and how many of them were written rather than carried over unchanged. */
export interface WrittenTree {
  readonly files: number;
  readonly changed: number;
  /** With `remember`: the files written or carried over, for the next write's `known`. */
  readonly known?: KnownFiles;
  /** With `removeReplacedLater`: settles once the replaced tree is removed and the lock released. */
  readonly cleaned?: Promise<void>;
  /** With `keepReplaced`: the replaced tree, for the next write's `spare`. */
  readonly spare?: SpareTree;
}

/**
 * Opens a `ManagedTreeWriter`, lets `fill` hand it files (generating as it goes),
 * then swaps the new tree in; if `fill` throws, nothing is written.
 */
export async function fillManagedTree(
  folder: string,
  fill: (writer: ManagedTreeWriter) => void | Promise<void>,
  options: WriteOptions = {},
  timings?: Timings,
): Promise<WrittenTree> {
  const writer = await ManagedTreeWriter.open(folder, options);
  try {
    await fill(writer);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  // What is left after generation: the marker, any formatting, the swap.
  const { cleaned, spare } = await (timings ? timings.time("write", () => writer.commit()) : writer.commit());
  return {
    files: writer.size,
    changed: writer.changed,
    ...(writer.known ? { known: writer.known } : {}),
    ...(cleaned ? { cleaned } : {}),
    ...(spare ? { spare } : {}),
  };
}

/**
 * Writes a new tree into a temporary folder beside `folder`, batch by batch as
 * the caller generates them, so no batch outlives its write. `commit` then moves
 * the old tree aside, moves its kept entries (renamed, not copied) into the new
 * tree, and moves the new tree into place. One run at a time holds the folder's
 * lock; a failed run leaves the previous tree whole, and what a killed run left
 * is dealt with by the next one (see `swap-folder.ts`).
 */
export class ManagedTreeWriter {
  /** Top-level entries the new tree writes into: never carried over from the old one. */
  private readonly written = new Set<string>();
  private count = 0;
  private readonly tree: string;
  /** What the tree moved aside at the swap holds, as far as this process knows (`known`). */
  private replacedKnown: KnownFiles | undefined;

  private constructor(
    /** The managed folder, symbolic links resolved. */
    readonly folder: string,
    private readonly container: string,
    private readonly lock: FolderLock,
    private readonly options: WriteOptions,
    private readonly files: NewTreeFiles,
  ) {
    this.tree = path.join(container, TREE);
  }

  /**
   * Takes the folder's lock, deals with leftovers of killed runs, and refuses
   * (before anything changes) a folder that is not a folder, not schemagate's,
   * of another command, or not writable.
   */
  static async open(folder: string, options: WriteOptions = {}): Promise<ManagedTreeWriter> {
    const target = await resolveManagedFolder(folder);
    const report = options.report ?? (() => undefined);
    await mkdir(path.dirname(target), { recursive: true }).catch((error: unknown) => {
      throw describeFailure(error, target, "nothing was written");
    });
    const lock = await acquireLock(target, { timeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, report });
    try {
      options.onStep?.("locked");
      const spare = options.spare?.container.startsWith(temporaryPrefix(target)) ? options.spare : undefined;
      // A tree kept beside another folder (the settings changed) serves nobody.
      if (options.spare && !spare) await rm(options.spare.container, { recursive: true, force: true });
      for (const message of await recoverLeftovers(target, lock.uid, options.onStep, spare?.container)) report(message);
      const info = await lstat(target).catch(() => undefined);
      if (info && !info.isDirectory()) throw new UsageError(`output folder ${target} is no longer a folder; nothing was written`);
      await assertManaged(target, options.kind ?? "write");
      await assertReplaceable(target, (entry) => options.keep?.(entry) ?? false);
      const keepEntry = options.keep;
      const keep = (file: string) => keepEntry?.(topEntry(file)) ?? false;
      const reused = spare && info && !options.beforeSwap ? await takeSpare(spare, lock.uid) : undefined;
      if (reused) {
        options.onStep?.("temporary-created");
        const files = new KnownTreeWriter(path.join(spare!.container, TREE), { checked: reused }, spare!.known, keep);
        return new ManagedTreeWriter(target, spare!.container, lock, options, files);
      }
      if (spare) await rm(spare.container, { recursive: true, force: true });
      const container = await mkdtemp(temporaryPrefix(target));
      await mkdir(path.join(container, TREE));
      options.onStep?.("temporary-created");
      // Unchanged files are linked from the tree being replaced, which the lock keeps still.
      const previous = info && !options.beforeSwap ? { folder: target, known: options.known } : undefined;
      const files = newTreeFiles(path.join(container, TREE), previous, options, keep);
      return new ManagedTreeWriter(target, container, lock, options, files);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** How many files were handed over so far. */
  get size(): number {
    return this.count;
  }

  /** How many of them were written (new or changed); the others were carried over from the old tree. */
  get changed(): number {
    return this.files.written;
  }

  /** With `remember`: what the new tree holds. */
  get known(): KnownFiles | undefined {
    return this.files.known;
  }

  /** Writes files into the new tree; a path that leaves the folder is refused before anything of the batch is written. */
  add(files: FileTree): void {
    for (const file of files.keys()) {
      assertInside(file);
      this.written.add(topEntry(file));
    }
    this.count += files.size;
    this.files.write(files);
    this.options.onStep?.("batch-written");
  }

  /** Adds the marker, runs `beforeSwap`, then swaps; on failure the old tree stays as it was. */
  async commit(): Promise<{ readonly cleaned?: Promise<void>; readonly spare?: SpareTree }> {
    const { folder, container, tree, options } = this;
    let releasedLater = false;
    try {
      try {
        await this.files.finish();
        await writeFile(path.join(tree, MANAGED_MARKER), markerText(options.kind ?? "write"));
        options.onStep?.("marker-written");
        if (options.beforeSwap) await options.beforeSwap(tree);
        await this.swap();
      } catch (error) {
        await restoreOldTree(container, folder);
        await rm(container, { recursive: true, force: true });
        throw describeFailure(error, folder, "the previous tree was left as it was");
      }
      const unremoved = (error: unknown) =>
        options.report?.(`${folder} was written, but the replaced tree in ${container} could not be removed (${(error as Error).message}); the next run removes it`);
      if (options.keepReplaced && this.replacedKnown) {
        // The journal served the swap; a kept tree's folder holds the tree alone.
        await rm(path.join(container, CARRIED), { force: true });
        return { spare: { container, known: this.replacedKnown } };
      }
      if (options.removeReplacedLater) {
        releasedLater = true;
        const lock = this.lock;
        return { cleaned: removeOnSecondThread(container).catch(unremoved).finally(() => lock.release()) };
      }
      try {
        removeContainer(container, options.onStep);
      } catch (error) {
        unremoved(error);
      }
      return {};
    } finally {
      if (!releasedLater) await this.lock.release();
    }
  }

  private async swap(): Promise<void> {
    const { folder, container, tree, options } = this;
    const existing = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (existing !== undefined) {
      const old = path.join(container, OLD);
      await rename(folder, old);
      this.replacedKnown = options.known;
      // Only a folder may be taken apart: a link put in its place since the checks goes back untouched.
      if (!(await lstat(old)).isDirectory()) {
        await rename(old, folder);
        throw new UsageError(`output folder ${folder} was replaced by something that is not a folder while schemagate ran; nothing was written`);
      }
      options.onStep?.("old-moved-aside");
      const keep = options.keep;
      const carried = keep ? existing.filter((entry) => entry !== MANAGED_MARKER && !this.written.has(entry) && keep(entry)) : [];
      if (carried.length > 0) {
        await writeCarriedJournal(container, carried);
        options.onStep?.("journal-written");
      }
      for (const entry of carried) {
        await rename(path.join(old, entry), path.join(tree, entry));
        options.onStep?.("entry-carried");
      }
    }
    await rename(tree, folder);
    options.onStep?.("swapped");
  }

  /** Removes the temporary tree; the old tree is untouched. */
  async abort(): Promise<void> {
    try {
      await this.files.abort();
      await rm(this.container, { recursive: true, force: true });
    } finally {
      await this.lock.release();
    }
  }
}

/** Removes a run's temporary folder on a worker thread, so the caller's thread goes on at once. */
function removeOnSecondThread(container: string): Promise<void> {
  const worker = new Worker('require("node:fs").rmSync(require("node:worker_threads").workerData, { recursive: true, force: true });', {
    eval: true,
    workerData: container,
  });
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the removing thread stopped (exit code ${code})`))));
  });
}

/**
 * With what an earlier write of this process put in the folder (`watch`), the
 * new tree starts as links to those files, made on a second thread while the
 * caller generates; otherwise each file is written or carried over as it comes.
 */
function newTreeFiles(
  root: string,
  previous: { folder: string; known?: KnownFiles } | undefined,
  options: WriteOptions,
  keep: (file: string) => boolean,
): NewTreeFiles {
  if (previous?.known === undefined || previous.known.size === 0 || !options.remember) return new FolderWriter(root, previous, options.remember);
  return new KnownTreeWriter(root, { linkFrom: previous.folder }, previous.known, keep);
}

/**
 * Turns a kept tree into the new tree of its temporary folder (`tree/`, as a
 * fresh write would have it), when the folder is still the one kept (a real
 * folder of this user holding the replaced tree alone) and its check came
 * through. Returns what the check found.
 */
async function takeSpare(spare: SpareTree, uid: number): Promise<KnownCheck | undefined> {
  const { container } = spare;
  const info = await lstat(container).catch(() => undefined);
  if (!info?.isDirectory() || info.uid !== uid) return undefined;
  const entries = await readdir(container).catch(() => [] as string[]);
  if (entries.length !== 1 || entries[0] !== OLD || !(await lstat(path.join(container, OLD))).isDirectory()) return undefined;
  const check = await (spare.check ?? checkSpare(spare).check);
  if (!check) return undefined;
  await rename(path.join(container, OLD), path.join(container, TREE));
  return check;
}

/** A permission problem met during the swap (after the checks passed) is still the user's to fix, not a bug. */
function describeFailure(error: unknown, folder: string, outcome: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return new UsageError(`cannot write ${folder}: ${(error as Error).message}; ${outcome}`);
  }
  return error;
}

/**
 * A path from an emitter must stay inside the output folder: relative, its
 * segments neither empty nor "." nor "..". Told apart by its text alone, as
 * this runs for every file of every write.
 */
function assertInside(file: string): void {
  if (file === "" || file.startsWith("/") || file.endsWith("/") || file.includes("//") || file.includes("\0") || DOT_SEGMENT.test(file)) {
    throw new Error(`refusing to write outside the output folder: ${file} (paths are relative, without "." or ".." segments)`);
  }
}

const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

/** The first segment of a relative path: the entry of the folder it sits in. */
function topEntry(file: string): string {
  const slash = file.indexOf("/");
  return slash < 0 ? file : file.slice(0, slash);
}
