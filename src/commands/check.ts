import path from "node:path";
import { CONFIG_FILE, findConfig, type Config } from "../config.js";
import { UsageError } from "../errors.js";
import { FolderComparer, type Comparison, type FileChange } from "../output/disk.js";
import { isSameTree, MANAGED_MARKER, MANAGED_MARKER_TEXT, type TreeDifference } from "../output/tree.js";
import { AUDIENCES, type Model } from "../model/types.js";
import { audienceOfManagedFile, generateManagedTree, loadModel } from "../pipeline.js";
import type { Timings } from "../timings.js";
import { reportDiagnostics, withTimings, type CommonOptions } from "./io.js";

/** Unified diffs beyond this many lines are cut, so one huge drift cannot flood a CI log. */
const MAX_DIFF_LINES = 400;

/** Compares the managed folder with a fresh in-memory generation of both audiences; exit 1 on any drift. */
export async function check(options: CommonOptions): Promise<number> {
  return withTimings(options, async (timings) => {
    const config = await findConfig(options.cwd);
    if (!config) throw new UsageError(`check needs ${CONFIG_FILE} (in this folder or above) naming "input" and "output"`);
    const { model, diagnostics } = await loadModel(config, timings);
    reportDiagnostics(diagnostics, config, options);
    if (!model) return 1;
    const { difference, changed, compared } = compareManagedFolder(model, config, timings);
    const where = path.relative(options.cwd, config.output) || ".";
    if (isSameTree(difference)) {
      options.output.stdout(`${where} is up to date (${compared} files)\n`);
      return 0;
    }
    options.output.stderr(await describeDrift(difference, changed, where));
    options.output.stderr(`\nfix: ${fixCommand(difference, config)}\n`);
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
  const compare = (files: ReadonlyMap<string, string>) => comparer.compare(files);
  compare(new Map([[MANAGED_MARKER, MANAGED_MARKER_TEXT]]));
  generateManagedTree(model, AUDIENCES, config, timings, compare);
  // The listing (for extra files) happens here, after generation.
  return timings.time("list", () => comparer.result());
}

/** The diff library is loaded only when there is drift to show: a clean check never pays for it. */
async function describeDrift(difference: TreeDifference, changed: ReadonlyMap<string, FileChange>, where: string): Promise<string> {
  const { createTwoFilesPatch } = await import("diff");
  const lines: string[] = [`${where} differs from the definitions:`];
  for (const file of difference.missing) lines.push(`  missing: ${where}/${file}`);
  for (const file of difference.extra) lines.push(`  extra:   ${where}/${file}`);
  for (const file of difference.changed) lines.push(`  changed: ${where}/${file}`);
  const patches = difference.changed.map((file) =>
    createTwoFilesPatch(`a/${where}/${file}`, `b/${where}/${file}`, changed.get(file)!.actual, changed.get(file)!.expected, "committed", "generated"),
  );
  const diffLines = patches.join("").split("\n");
  lines.push("", ...diffLines.slice(0, MAX_DIFF_LINES));
  if (diffLines.length > MAX_DIFF_LINES) lines.push(`... ${diffLines.length - MAX_DIFF_LINES} more diff lines`);
  return lines.join("\n") + "\n";
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
