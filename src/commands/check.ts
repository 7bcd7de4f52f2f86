import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { CONFIG_FILE, findConfig, type Config } from "../config.js";
import { UsageError } from "../errors.js";
import { compareTrees, isSameTree, MANAGED_MARKER, MANAGED_MARKER_TEXT, readTree, type TreeDifference } from "../output/tree.js";
import { audienceOfManagedFile, generateManagedTree, loadModel } from "../pipeline.js";
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
    const expected = new Map([
      ...generateManagedTree(model, "stable", config, timings),
      ...generateManagedTree(model, "experimental", config, timings),
      [MANAGED_MARKER, MANAGED_MARKER_TEXT],
    ]);
    const actual = await timings.time("read-tree", () => readTree(config.output));
    const difference = timings.time("compare", () => compareTrees(expected, actual));
    const where = path.relative(options.cwd, config.output) || ".";
    if (isSameTree(difference)) {
      options.output.stdout(`${where} is up to date (${expected.size} files)\n`);
      return 0;
    }
    options.output.stderr(describeDrift(difference, expected, actual, where));
    options.output.stderr(`\nfix: ${fixCommand(difference, config)}\n`);
    return 1;
  });
}

function describeDrift(
  difference: TreeDifference,
  expected: ReadonlyMap<string, string>,
  actual: ReadonlyMap<string, string>,
  where: string,
): string {
  const lines: string[] = [`${where} differs from the definitions:`];
  for (const file of difference.missing) lines.push(`  missing: ${where}/${file}`);
  for (const file of difference.extra) lines.push(`  extra:   ${where}/${file}`);
  for (const file of difference.changed) lines.push(`  changed: ${where}/${file}`);
  const patches = difference.changed.map((file) =>
    createTwoFilesPatch(`a/${where}/${file}`, `b/${where}/${file}`, actual.get(file)!, expected.get(file)!, "committed", "generated"),
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
