import { setTimeout as sleep } from "node:timers/promises";
import type { Config, SettingFlags } from "../config.js";
import { hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { readInputs, type InputSet } from "../input/sources.js";
import { analyzeInput, createEmitCaches, type EmitCaches } from "../pipeline.js";
import { rm } from "node:fs/promises";
import { sameText } from "../output/file-text.js";
import { checkSpare, type KnownFiles, type SpareTree } from "../output/tree.js";
import type { ScanCache } from "../scan/scan-cache.js";
import type { SwapStep } from "../output/swap-folder.js";
import { noteTo, reportDiagnostics, withTimings, type CommonOptions } from "../commands/io.js";
import { audiencesOf, resolveWriteConfig, writeManagedFolder, type AudienceFlags } from "../commands/write.js";
import type { Timings } from "../timings.js";
import type { Model } from "../model/types.js";
import type { WatchedPaths } from "./sources-watcher.js";

export interface WatchSessionOptions extends CommonOptions, SettingFlags, AudienceFlags {}

/** What one cycle did, for its summary line. */
export type CycleOutcome =
  | {
      readonly kind: "written";
      /** The managed folder, as the settings name it. */
      readonly output: string;
      readonly files: number;
      /** Files new, or whose bytes differ from the tree the previous cycle left. */
      readonly changed: number;
      /** Files of the previous cycle's tree that the new one no longer holds (unknown in the first cycle). */
      readonly removed: number | undefined;
      /** From the start of the cycle to the new tree in place; the replaced one is removed after. */
      readonly ms: number;
    }
  | { readonly kind: "failed"; readonly output: string; readonly diagnostics: readonly Diagnostic[]; readonly ms: number };

/** A file replaced or being written is unreadable for a moment: read once more after this long before reporting it. */
const UNREADABLE_RETRY_MS = 50;

/**
 * The state `watch` keeps between cycles: the syntax trees and conversions of
 * the input files (`ScanCache`: a file is parsed again only when its text
 * changed, converted again only when it or a file it looks into changed) and
 * what the managed folder holds (a file whose bytes are unchanged is carried
 * over by link without being read). The later stages (model, validation,
 * emission) run each cycle by the same functions as `write`; the emitters'
 * caches (`EmitCaches`, keyed by declaration object and checked against what
 * each rendering looked up) are kept too, so a declaration a reused scan
 * result hands back unchanged is not rendered again. A cycle writes exactly
 * what a cold `write` would.
 */
export class WatchSession {
  readonly #options: WatchSessionOptions;
  #scanned: ScanCache | undefined;
  #known: { readonly folder: string; readonly files: KnownFiles } | undefined;
  /** Renderings by declaration object, kept while the settings stay the same (see `EmitCaches`). */
  #emitted: { readonly settings: string; readonly caches: EmitCaches } | undefined;
  #compileCacheSaved = false;
  /** The last model written: what the next cycle's unchanged declarations are taken from (`internModel`). */
  #model: Model | undefined;
  /** The last write's replaced tree, being removed on a second thread after the swap. */
  #cleaning: Promise<void> | undefined;
  /** The tree the last write replaced, kept for the next one to build on. */
  #spare: SpareTree | undefined;

  constructor(options: WatchSessionOptions) {
    this.#options = options;
  }

  /** Removes the kept tree, and waits until the last cycle's replaced tree is removed (and the folder's lock released). */
  async close(): Promise<void> {
    await this.#settle();
    const spare = this.#spare;
    this.#spare = undefined;
    if (spare) await rm(spare.container, { recursive: true, force: true });
  }

  async #settle(): Promise<void> {
    await this.#cleaning;
    this.#cleaning = undefined;
  }

  /** What to watch under the current settings. */
  async watchedPaths(): Promise<WatchedPaths> {
    const { config } = await resolveWriteConfig(this.#options, "watch");
    return watchedPathsOf(config);
  }

  /**
   * Reads the settings and the input again and regenerates the managed folder.
   * Diagnostics are printed as `write` prints them; with errors the folder is
   * left as it was. A usage error (settings, permissions) is thrown.
   */
  async cycle(): Promise<CycleOutcome & { readonly watched: WatchedPaths }> {
    const options = this.#options;
    await this.#settle();
    const start = performance.now();
    // The kept tree is checked on a second thread while the input is read and analysed (afresh each cycle: the live tree shares its files).
    if (this.#spare) this.#spare = checkSpare(this.#spare);
    return withTimings(options, async (timings) => {
      const { config, named } = await resolveWriteConfig(options, "watch");
      const watched = watchedPathsOf(config);
      const input = await readSettled(config, timings);
      const scan = await timings.time("load-ts", () => import("../scan/index.js"));
      const scanned = (this.#scanned ??= new scan.ScanCache());
      const { model, diagnostics } = analyzeInput(input, (files) => scan.scanProject(files, scanned), timings, this.#model);
      if (!this.#compileCacheSaved) {
        scan.saveCompileCache();
        this.#compileCacheSaved = true;
      }
      reportDiagnostics(diagnostics, config, options);
      if (hasErrors(diagnostics)) return { kind: "failed", output: named, diagnostics, ms: performance.now() - start, watched };
      const known = this.#known?.folder === config.output ? this.#known.files : undefined;
      let swappedAt = Number.NaN;
      const onStep = (step: SwapStep) => {
        if (step === "swapped") swappedAt = performance.now();
        options.onSwapStep?.(step);
      };
      const settings = JSON.stringify(config);
      if (this.#emitted?.settings !== settings) this.#emitted = { settings, caches: createEmitCaches() };
      const spare = this.#spare;
      this.#spare = undefined;
      const written = await writeManagedFolder(
        model,
        audiencesOf(options),
        config,
        { report: noteTo(options), onStep, known, remember: true, removeReplacedLater: true, keepReplaced: true, ...(spare ? { spare } : {}) },
        timings,
        this.#emitted.caches,
      ).catch(async (error: unknown) => {
        // Taken, it went with the failed write's temporary folder; otherwise it goes now.
        if (spare) await rm(spare.container, { recursive: true, force: true });
        throw error;
      });
      this.#model = model;
      this.#cleaning = written.cleaned;
      this.#spare = written.spare;
      const now = written.known!;
      this.#known = { folder: config.output, files: now };
      const removed = known === undefined ? undefined : countMissing(known, now);
      // Built on a kept tree, a write's own count is against that tree, not the one the reader saw last.
      const changed = known === undefined ? written.changed : countChanged(known, now);
      return { kind: "written", output: named, files: written.files, changed, removed, ms: swappedAt - start, watched };
    });
  }
}

function watchedPathsOf(config: Config): WatchedPaths {
  return config.file === undefined ? { input: config.input } : { input: config.input, config: config.file };
}

async function readSettled(config: Config, timings: Timings): Promise<InputSet> {
  const input = await timings.time("read", () => readInputs(config.input, config.baseDir));
  if (!input.diagnostics.some((diagnostic) => diagnostic.name === "unreadable-input")) return input;
  await sleep(UNREADABLE_RETRY_MS);
  return timings.time("read", () => readInputs(config.input, config.baseDir));
}

/** Files of `after` that `before` did not hold with the same text. */
function countChanged(before: KnownFiles, after: KnownFiles): number {
  let changed = 0;
  for (const [file, { contents }] of after) {
    const was = before.get(file);
    if (was === undefined || !sameText(was.contents, contents)) changed++;
  }
  return changed;
}

function countMissing(before: KnownFiles, after: KnownFiles): number {
  let missing = 0;
  for (const file of before.keys()) if (!after.has(file)) missing++;
  return missing;
}
