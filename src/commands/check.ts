import path from "node:path";
import { resolveManagedConfig, type Config, type SettingFlags } from "../config.js";
import { FolderComparer, type Comparison, type FileChange } from "../output/disk.js";
import type { FileText } from "../output/file-text.js";
import { assertSeparate, resolveManagedFolder } from "../output/managed-folder.js";
import { isSameTree, MANAGED_MARKER, markerText, type TreeDifference } from "../output/tree.js";
import { AUDIENCES, type Model } from "../model/types.js";
import { audienceOfManagedFile, generateManagedTree, loadModel } from "../pipeline.js";
import type { Timings } from "../timings.js";
import { reportDiagnostics, withTimings, type CommonOptions } from "./io.js";

/** Unified diffs beyond this many lines are cut, so one huge drift cannot flood a CI log. */
const MAX_DIFF_LINES = 400;

export interface CheckOptions extends CommonOptions, SettingFlags {}

/** Compares the managed folder with a fresh in-memory generation of both audiences; exit 1 on any drift. */
export async function check(options: CheckOptions): Promise<number> {
  return withTimings(options, async (timings) => {
    const settings = await resolveManagedConfig(options.cwd, options, "check");
    const config = { ...settings, output: await resolveManagedFolder(settings.output) };
    await assertSeparate(config.input, config.output);
    const { model, diagnostics } = await loadModel(config, timings);
    reportDiagnostics(diagnostics, config, options);
    if (!model) return 1;
    const comparison = compareManagedFolder(model, config, timings);
    const where = path.relative(options.cwd, settings.output) || ".";
    if (isSameTree(comparison.difference)) {
      // The marker is compared like any file but is not one of the artifacts.
      options.output.stdout(`${where} is up to date (${comparison.compared - 1} files)\n`);
      return 0;
    }
    options.output.stderr(await describeDrift(comparison, where));
    options.output.stderr(`\nfix: ${fixCommand(comparison.difference, config)}\n`);
    return 1;
  });
}

/**
 * Generates one format of one audience at a time and compares it with the
 * managed folder before generating the next, so neither tree is ever held in
 * memory whole. Batches come in the order `write` produces them.
 */
function compareManagedFolder(model: Model, config: Config, timings: Timings): Comparison {
  const comparer = new FolderComparer(config.output);
  const compare = (files: ReadonlyMap<string, FileText>) => comparer.compare(files);
  compare(new Map([[MANAGED_MARKER, markerText("write")]]));
  generateManagedTree(model, AUDIENCES, config, timings, compare);
  // The listing (for extra files) happens here, after generation.
  return timings.time("list", () => comparer.result());
}

/** The diff library is loaded only when there is drift to show: a clean check never pays for it. */
async function describeDrift({ difference, changed, notFiles }: Comparison, where: string): Promise<string> {
  const { createTwoFilesPatch } = await import("diff");
  const lines: string[] = [`${where} differs from the definitions:`];
  for (const file of difference.missing) lines.push(`  missing: ${where}/${file}${notFiles.has(file) ? ` (${notFiles.get(file)} is there, not a file)` : ""}`);
  for (const file of difference.extra) lines.push(`  extra:   ${where}/${file}${notFiles.has(file) ? ` (${notFiles.get(file)})` : ""}`);
  const endingsOnly = difference.changed.filter((file) => differsInLineEndingsOnly(changed.get(file)!));
  for (const file of difference.changed) {
    lines.push(`  changed: ${where}/${file}${endingsOnly.includes(file) ? " (line endings only: CRLF where LF is expected)" : ""}`);
  }
  if (endingsOnly.length > 0) {
    lines.push(
      "",
      `${endingsOnly.length} file${endingsOnly.length === 1 ? " differs" : "s differ"} only in line endings: a checkout converted them (git's core.autocrlf).`,
      `Keep generated files LF in git with a .gitattributes line such as: ${path.basename(where)}/** text eol=lf`,
    );
  }
  const shown = difference.changed.filter((file) => !endingsOnly.includes(file));
  const patches = shown.map((file) =>
    createTwoFilesPatch(`a/${where}/${file}`, `b/${where}/${file}`, changed.get(file)!.actual, changed.get(file)!.expected, "committed", "generated"),
  );
  const diffLines = patches.join("").split("\n");
  lines.push("", ...diffLines.slice(0, MAX_DIFF_LINES));
  if (diffLines.length > MAX_DIFF_LINES) lines.push(`... ${diffLines.length - MAX_DIFF_LINES} more diff lines`);
  return lines.join("\n") + "\n";
}

/** True when the file on disk is the expected text with CRLF (or a mix) for LF. */
function differsInLineEndingsOnly(change: FileChange): boolean {
  return change.actual.includes("\r\n") && change.actual.replace(/\r\n/g, "\n") === change.expected;
}

/** The commands that rewrite exactly the audiences that drifted. */
function fixCommand(difference: TreeDifference, config: Config): string {
  const files = [...difference.missing, ...difference.extra, ...difference.changed];
  const audiences = new Set(files.map(audienceOfManagedFile));
  const commands: string[] = [];
  if (audiences.has("stable") || audiences.has("shared") || !audiences.has("experimental")) commands.push(config.regenerateCommand);
  if (audiences.has("experimental")) commands.push(`${config.regenerateCommand} --experimental`);
  return commands.join(" && ");
}
