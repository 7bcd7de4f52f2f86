import path from "node:path";
import { resolveManagedConfig, type Config, type SettingFlags } from "../config.js";
import { assertSeparate, resolveManagedFolder } from "../output/managed-folder.js";
import { fillManagedTree, type WriteOptions as TreeWriteOptions, type WrittenTree } from "../output/tree.js";
import { AUDIENCES, type Audience, type Model } from "../model/types.js";
import { audienceOfManagedFile, generateManagedTree, loadModel, type EmitCaches } from "../pipeline.js";
import type { Timings } from "../timings.js";
import { noteTo, reportDiagnostics, withTimings, type CommonOptions } from "./io.js";

export interface AudienceFlags {
  readonly experimental?: boolean;
  /** Both audiences in one run and one swap. */
  readonly all?: boolean;
}

export interface WriteOptions extends CommonOptions, SettingFlags, AudienceFlags {}

/**
 * Regenerates one audience's tree (and the inventory) in the configured managed
 * folder, keeping the other audience's; with `all`, both audiences.
 */
export async function write(options: WriteOptions): Promise<number> {
  return withTimings(options, async (timings) => {
    const { config, named } = await resolveWriteConfig(options, "write");
    const { model, diagnostics } = await loadModel(config, timings);
    reportDiagnostics(diagnostics, config, options);
    if (!model) return 1;
    const audiences = audiencesOf(options);
    const written = await writeManagedFolder(model, audiences, config, { report: noteTo(options), onStep: options.onSwapStep }, timings);
    options.output.stdout(`wrote ${written.files} files (${audiences.join(" and ")}) to ${named}, ${written.changed} changed\n`);
    return 0;
  });
}

/**
 * The settings of `write` (and `watch`), with the managed folder resolved (its
 * links followed) and kept apart from the input; `named` is the folder as the
 * settings name it, relative to the current folder, for messages.
 */
export async function resolveWriteConfig(options: CommonOptions & SettingFlags, command: string): Promise<{ config: Config; named: string }> {
  const settings = await resolveManagedConfig(options.cwd, options, command);
  const config = { ...settings, output: await resolveManagedFolder(settings.output) };
  await assertSeparate(config.input, config.output);
  return { config, named: path.relative(options.cwd, settings.output) || "." };
}

export function audiencesOf(flags: AudienceFlags): readonly Audience[] {
  return flags.all ? AUDIENCES : [flags.experimental ? "experimental" : "stable"];
}

/** Generates the audiences' trees and the inventory into the managed folder in one swap, keeping the other audience's files. */
export function writeManagedFolder(
  model: Model,
  audiences: readonly Audience[],
  config: Config,
  options: Omit<TreeWriteOptions, "keep">,
  timings: Timings,
  caches?: EmitCaches,
): Promise<WrittenTree> {
  // The inventory is shared, and every write writes it afresh.
  const keep = (entry: string) => {
    const owner = audienceOfManagedFile(entry);
    return owner !== "shared" && !audiences.includes(owner);
  };
  return fillManagedTree(
    config.output,
    (writer) => generateManagedTree(model, audiences, config, timings, (files) => writer.add(files), caches),
    { ...options, keep },
    timings,
  );
}
