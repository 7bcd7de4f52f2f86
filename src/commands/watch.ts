import path from "node:path";
import { formatSummary } from "../diagnostics/format.js";
import { SchemagateError, EXIT_INTERNAL } from "../errors.js";
import { CycleScheduler } from "../watch/scheduler.js";
import { WatchSession, type CycleOutcome, type WatchSessionOptions } from "../watch/session.js";
import { watchSources, type WatchedPaths } from "../watch/sources-watcher.js";
import { noteTo } from "./io.js";

export interface WatchOptions extends WatchSessionOptions {
  /** Ends the watch: a running cycle finishes (or fails whole), then the watcher closes. */
  readonly signal: AbortSignal;
  /** How long changes must settle before a cycle starts; default 100 ms. */
  readonly debounceMs?: number;
  /**
   * Runs a full garbage collection (the CLI passes V8's). Called once a cycle
   * is over and no other is due: V8 otherwise keeps the heap a cycle grew for a
   * long while, and `watch` sits between cycles most of its life.
   */
  readonly collectGarbage?: () => void;
}

const DEFAULT_DEBOUNCE_MS = 100;

/**
 * `write`, then again on every change to the definitions or the config, until
 * `signal` aborts: one summary line per cycle on stdout, diagnostics on stderr
 * as `write` prints them. A cycle with errors, or one that cannot write (a
 * permission, another run holding the lock too long), leaves the last good tree
 * and waits for the next change. Resolves to 0 once stopped, to 2 when the
 * settings are unusable at the start, and to 70 after a bug.
 */
export async function watch(options: WatchOptions): Promise<number> {
  const note = noteTo(options);
  const session = new WatchSession(options);
  let watched = await session.watchedPaths();
  let finish: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const stop = () => finish(0);
  options.signal.addEventListener("abort", stop, { once: true });

  const report = (outcome: CycleOutcome & { watched: WatchedPaths }) => {
    options.output.stdout(summaryOf(outcome));
    if (!samePaths(outcome.watched, watched)) {
      watched = outcome.watched;
      watcher.update(watched);
      note(`now watching ${describe(options.cwd, watched)}`);
    }
  };
  const cycle = async () => {
    try {
      report(await session.cycle());
    } catch (error) {
      if (!(error instanceof SchemagateError)) throw error;
      note(`${error.message}; waiting for the next change`);
    }
    collectWhenIdle();
  };
  // After the cycle's promise settles, so the scheduler knows whether another is due.
  const collectWhenIdle = () =>
    setImmediate(() => {
      if (!scheduler.busy) options.collectGarbage?.();
    });
  const scheduler = new CycleScheduler(cycle, options.debounceMs ?? DEFAULT_DEBOUNCE_MS, (error) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    note(`internal error; the managed folder holds the last good tree. This is a bug: please report it.\n${detail}`);
    finish(EXIT_INTERNAL);
  });
  const watcher = await watchSources(watched, () => scheduler.notify(), (error) => note(`watching: ${error.message}`));
  try {
    if (options.signal.aborted) return 0;
    note(`watching ${describe(options.cwd, watched)} (Ctrl-C to stop)`);
    // The first cycle is the run the user asked for: unusable settings end the command, as with `write`.
    report(await scheduler.runNow(() => session.cycle()));
    collectWhenIdle();
    return await finished;
  } finally {
    options.signal.removeEventListener("abort", stop);
    await scheduler.close();
    await watcher.close();
    await session.close();
  }
}

function summaryOf(outcome: CycleOutcome): string {
  const ms = `${Math.round(outcome.ms)} ms`;
  const at = new Date().toTimeString().slice(0, 8);
  if (outcome.kind === "failed") return `${at} ${formatSummary(outcome.diagnostics)}; ${outcome.output} left as it was (${ms})\n`;
  const removed = outcome.removed === undefined ? "" : `, ${outcome.removed} removed`;
  return `${at} ${outcome.output}: ${outcome.changed} changed${removed}, ${outcome.files} files (${ms})\n`;
}

function describe(cwd: string, paths: WatchedPaths): string {
  const shown = (file: string) => path.relative(cwd, file) || ".";
  return paths.config === undefined ? shown(paths.input) : `${shown(paths.input)} and ${shown(paths.config)}`;
}

function samePaths(a: WatchedPaths, b: WatchedPaths): boolean {
  return a.input === b.input && a.config === b.config;
}
