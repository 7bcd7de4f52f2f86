import { constants } from "node:fs";
import { open, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { UsageError } from "../errors.js";

/**
 * One writer at a time per managed folder. The lock is a file beside the folder
 * (`<folder>.lock`), created exclusively and holding the owner's pid and host.
 * A lock whose owner is no longer running on this host is stale and is removed;
 * a live owner is waited for, up to a timeout, then the run fails with a
 * message naming the owner and the lock file.
 *
 * Removing a stale lock happens under a second exclusive file (`<lock>.break`),
 * with the lock read again once that is held: only a breaker ever removes
 * someone else's lock, so what it read cannot change before it removes it, and
 * two runs that both saw the same stale lock never remove a fresh one.
 */
export interface FolderLock {
  readonly file: string;
  /** The user id that owns the lock file: the user this run writes as. */
  readonly uid: number;
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long to wait for a live owner before failing. */
  readonly timeoutMs: number;
  /** Told once when the lock is busy, and when a stale lock is removed. */
  readonly report: (message: string) => void;
}

interface Owner {
  readonly pid: number;
  readonly host: string;
}

const POLL_MS = 50;
/** A lock or breaker file naming no owner, or a breaker whose owner is gone, is stale after this long. */
const STALE_UNNAMED_MS = 10_000;

export function lockFileOf(folder: string): string {
  return `${folder}.lock`;
}

export async function acquireLock(folder: string, options: LockOptions): Promise<FolderLock> {
  const file = lockFileOf(folder);
  const deadline = Date.now() + options.timeoutMs;
  let toldWaiting = false;
  for (;;) {
    const uid = await createExclusively(file, ownerText());
    if (uid !== undefined) return { file, uid, release: () => unlink(file).catch(() => undefined) };
    const found = await readLock(file);
    if (found && isStale(found)) {
      if (await breakStaleLock(file, found.text)) {
        const who = found.owner ? `process ${found.owner.pid}, which is no longer running` : "a run that stopped before naming itself";
        options.report(`removed a stale lock left by ${who} (${file})`);
      }
      continue;
    }
    const owner = found?.owner;
    if (Date.now() >= deadline) {
      const who = owner ? `process ${owner.pid}${owner.host === hostname() ? "" : ` on ${owner.host}`}` : "another run";
      throw new UsageError(
        `${folder} is being written by ${who} (lock ${file}); waited ${Math.round(options.timeoutMs / 1000)} s. If no schemagate runs, remove the lock file and retry`,
      );
    }
    if (!toldWaiting) {
      options.report(`waiting for ${owner ? `process ${owner.pid}` : "another run"}, which is writing ${folder}`);
      toldWaiting = true;
    }
    await sleep(POLL_MS);
  }
}

function ownerText(): string {
  return `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`;
}

/** Creates `file` only if nothing is there (not even a link) and returns its owner's uid; undefined when it exists. */
async function createExclusively(file: string, contents: string): Promise<number | undefined> {
  let handle;
  try {
    handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return undefined;
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      throw new UsageError(`cannot create ${file}: permission denied (the folder holding the output must be writable); nothing was written`);
    }
    throw error;
  }
  try {
    await handle.writeFile(contents);
    return (await handle.stat()).uid;
  } finally {
    await handle.close();
  }
}

interface FoundLock {
  readonly text: string;
  /** Undefined when the text names no owner (a run killed between creating and filling it, or not a lock). */
  readonly owner: Owner | undefined;
  readonly ageMs: number;
}

/** The lock file as it is now; undefined when it is gone. Never follows a link, never waits on a FIFO. */
async function readLock(file: string): Promise<FoundLock | undefined> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    return { text: "", owner: undefined, ageMs: 0 }; // a link or worse: never stale, so never removed
  }
  try {
    const info = await handle.stat();
    const text = info.isFile() ? await handle.readFile("utf8") : "";
    return { text, owner: parseOwner(text), ageMs: info.isFile() ? Date.now() - info.mtimeMs : 0 };
  } finally {
    await handle.close();
  }
}

function parseOwner(text: string): Owner | undefined {
  try {
    const parsed = JSON.parse(text) as Partial<Owner>;
    return typeof parsed.pid === "number" && typeof parsed.host === "string" ? { pid: parsed.pid, host: parsed.host } : undefined;
  } catch {
    return undefined;
  }
}

function isStale(lock: FoundLock): boolean {
  return lock.owner ? !isRunning(lock.owner) : lock.ageMs > STALE_UNNAMED_MS;
}

/** On another host nothing can be known: such an owner counts as running. */
function isRunning(owner: Owner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // running, as another user
  }
}

/** Removes the lock if it still holds `staleText`; false when another run got there first. */
async function breakStaleLock(file: string, staleText: string): Promise<boolean> {
  const breaker = `${file}.break`;
  if ((await createExclusively(breaker, ownerText())) === undefined) {
    const other = await readLock(breaker);
    if (other && isStale(other) && other.ageMs > STALE_UNNAMED_MS) await unlink(breaker).catch(() => undefined);
    await sleep(POLL_MS);
    return false;
  }
  try {
    if ((await readLock(file))?.text !== staleText) return false;
    await unlink(file);
    return true;
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
}
