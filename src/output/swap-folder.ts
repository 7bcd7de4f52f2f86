import { readdirSync, rmSync } from "node:fs";
import { lstat, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The temporary folder of one write, and what a later run does with one left
 * behind by a killed run.
 *
 * A write creates `<folder>.tmp-XXXXXX` exclusively (`mkdtemp`: a fresh random
 * name, mode 0700, never an existing path or link) and works only inside it:
 *
 *   tree/     the new tree, written batch by batch
 *   old/      the previous tree, moved here at the swap
 *   carried   the top-level entries moved from old/ into tree/ (kept entries)
 *
 * The swap is: move the folder to old/, write `carried`, move the kept entries
 * from old/ to tree/, move tree/ to the folder. So the state of a temporary
 * folder says how far its run got, and the recovery rule follows from it:
 *
 * - no old/: the run stopped before the swap; the folder is as it was. Removed.
 * - no tree/: the run stopped after the swap; old/ is the replaced tree, perhaps
 *   half removed. Removed, never put back.
 * - old/ and tree/, and no folder: the run stopped during the swap. old/ is the
 *   previous tree whole but for the entries `carried` names, which are in tree/;
 *   they are moved back and old/ is put back as the folder.
 * - old/ and tree/, and a folder made since: left alone, and said so.
 */

export const TREE = "tree";
export const OLD = "old";
export const CARRIED = "carried";
const CARRIED_PARTIAL = "carried.partial";
const CONTAINER_ENTRIES = new Set([TREE, OLD, CARRIED, CARRIED_PARTIAL]);

/** Points a test can stop a run at (with a real SIGKILL) to prove each state recoverable. */
export const SWAP_STEPS = [
  "locked",
  "temporary-created",
  "batch-written",
  "marker-written",
  "old-moved-aside",
  "journal-written",
  "entry-carried",
  "swapped",
  "old-partly-removed",
  "restoring",
] as const;
export type SwapStep = (typeof SWAP_STEPS)[number];
export type StepProbe = (step: SwapStep) => void;

export function temporaryPrefix(folder: string): string {
  return `${folder}.tmp-`;
}

/** Records which kept entries are about to move into the new tree; the file appears whole or not at all. */
export async function writeCarriedJournal(container: string, entries: readonly string[]): Promise<void> {
  await writeFile(path.join(container, CARRIED_PARTIAL), `${entries.join("\n")}\n`);
  await rename(path.join(container, CARRIED_PARTIAL), path.join(container, CARRIED));
}

/**
 * Puts the old tree back as `folder` when the swap did not finish: the
 * container holds both old/ and tree/ (without tree/, the swap did finish and
 * old/ may be half removed) and the folder is missing. The carried entries go
 * back first. True when it did.
 */
export async function restoreOldTree(container: string, folder: string, onStep?: StepProbe): Promise<boolean> {
  const old = path.join(container, OLD);
  if (!(await isRealFolder(old)) || !(await isRealFolder(path.join(container, TREE))) || (await exists(folder))) return false;
  const journal = await readFile(path.join(container, CARRIED), "utf8").catch(() => "");
  for (const entry of journal.split("\n").filter(Boolean)) {
    const moved = path.join(container, TREE, entry);
    if (!(await exists(moved)) || (await exists(path.join(old, entry)))) continue;
    await rename(moved, path.join(old, entry));
    onStep?.("restoring");
  }
  await rename(old, folder);
  return true;
}

/** Removes the replaced tree entry by entry, then the container. */
export function removeContainer(container: string, onStep?: StepProbe): void {
  const old = path.join(container, OLD);
  let first = true;
  for (const entry of readdirOrEmpty(old)) {
    rmSync(path.join(old, entry), { recursive: true, force: true });
    if (first) onStep?.("old-partly-removed");
    first = false;
  }
  // Synchronous: on a tree of thousands of files it takes about two thirds of the time of `fs/promises` rm.
  rmSync(container, { recursive: true, force: true });
}

function readdirOrEmpty(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/**
 * Deals with what killed runs left beside `folder` (see the rule above), while
 * the caller holds the folder's lock, so nothing found is in use. Only folders
 * that are provably a run's own are touched: the name schemagate gives them, a
 * real folder (not a link), owned by `uid`, holding nothing else than a run
 * puts there; `inUse` (a tree this process keeps, see `SpareTree`) is left
 * alone. Returns what was done, in words.
 */
export async function recoverLeftovers(folder: string, uid: number, onStep?: StepProbe, inUse?: string): Promise<string[]> {
  const parent = path.dirname(folder);
  const name = path.basename(folder);
  const said: string[] = [];
  const siblings = (await readdir(parent).catch(() => [] as string[])).sort();
  for (const sibling of siblings) {
    const container = path.join(parent, sibling);
    if (container === inUse) continue;
    if (isContainerName(sibling, name) && (await isOwnContainer(container, uid))) {
      if (await restoreOldTree(container, folder, onStep)) {
        said.push(`put back ${folder} from ${container}: a run was killed in the middle of replacing it`);
        await rm(container, { recursive: true, force: true });
      } else if (await holdsBoth(container)) {
        said.push(
          `left ${container} alone: it holds the tree a killed run had moved aside (in ${OLD}/), and ${folder} was made since; remove it, or remove ${folder} to have it put back`,
        );
      } else {
        await rm(container, { recursive: true, force: true });
        said.push(`removed ${container}, left by a run that was killed`);
      }
    } else if (isLegacyName(sibling, name) && (await isOwnFolder(container, uid))) {
      if (await exists(folder)) {
        await rm(container, { recursive: true, force: true });
        said.push(`removed ${container}, left by a run of an earlier schemagate that was killed`);
      } else {
        said.push(`left ${container} alone: an earlier schemagate left it, and whether it is whole cannot be known; look inside, then remove it`);
      }
    }
  }
  return said;
}

function isContainerName(sibling: string, name: string): boolean {
  const prefix = `${name}.tmp-`;
  return sibling.startsWith(prefix) && /^[A-Za-z0-9]{6}$/.test(sibling.slice(prefix.length));
}

/** `<name>.tmp-<pid>-<ms>` and `<name>.old-<pid>-<ms>`, as earlier versions named them. */
function isLegacyName(sibling: string, name: string): boolean {
  return sibling.startsWith(`${name}.`) && /^(tmp|old)-\d+-\d+$/.test(sibling.slice(name.length + 1));
}

async function isOwnContainer(container: string, uid: number): Promise<boolean> {
  if (!(await isOwnFolder(container, uid))) return false;
  const entries = await readdir(container).catch(() => [] as string[]);
  return entries.every((entry) => CONTAINER_ENTRIES.has(entry));
}

async function holdsBoth(container: string): Promise<boolean> {
  const entries = await readdir(container).catch(() => [] as string[]);
  return entries.includes(OLD) && entries.includes(TREE);
}

async function isOwnFolder(folder: string, uid: number): Promise<boolean> {
  const info = await lstat(folder).catch(() => undefined);
  return info !== undefined && info.isDirectory() && info.uid === uid;
}

async function isRealFolder(folder: string): Promise<boolean> {
  return (await lstat(folder).catch(() => undefined))?.isDirectory() ?? false;
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(() => true, () => false);
}
