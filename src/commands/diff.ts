import { stat } from "node:fs/promises";
import path from "node:path";
import { resolveInputConfig, type Config } from "../config.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { acceptChanges, unacceptedBreaks, unusedAcceptedChanges } from "../diff/accept.js";
import { diffModels } from "../diff/index.js";
import type { Change } from "../diff/types.js";
import { UsageError } from "../errors.js";
import { readGitInputs } from "../input/git.js";
import { readInputs, type InputSet } from "../input/sources.js";
import { DIFF_FORMATS, renderDiffReport, type DiffFormat, type LocatedChange } from "../output/diff-report.js";
import { loadInputModel, loadModel } from "../pipeline.js";
import { reportDiagnostics, withTimings, type CommonOptions } from "./io.js";

export interface DiffOptions extends CommonOptions {
  /** A folder, a `.ts` file, or a git revision. */
  readonly base: string;
  readonly input?: string;
  /** A config file to read instead of the one found from `cwd` (its accepted changes apply). */
  readonly config?: string;
  readonly format?: string;
}

/**
 * Compares the stable surface of `--base` with the current definitions:
 * exit 1 when a breaking change is not accepted by the config, else 0.
 * Both versions go through the same read → scan → model → validate stages.
 */
export async function diff(options: DiffOptions): Promise<number> {
  return withTimings(options, async (timings) => {
    const format = (options.format ?? "text") as DiffFormat;
    if (!DIFF_FORMATS.includes(format)) throw new UsageError(`--format ${options.format}: use one of ${DIFF_FORMATS.join(", ")}`);
    const config = await resolveInputConfig(options.cwd, options.input, options.config);
    const { input: baseInput, revision } = await timings.time("read-base", () => readBase(options.base, config, options.cwd));
    const base = await loadInputModel(baseInput, timings);
    reportBaseDiagnostics(base.diagnostics, config, options, revision);
    const head = await loadModel(config, timings);
    reportDiagnostics(head.diagnostics, config, options);
    if (!base.model || !head.model) return 1;
    const { model: baseModel } = base;
    const { model: headModel } = head;
    const changes = timings.time("diff", () => acceptChanges(diffModels(baseModel, headModel), config.acceptedChanges ?? []));
    for (const entry of unusedAcceptedChanges(changes, config.acceptedChanges ?? [])) {
      const where = entry.path === undefined ? "" : ` at "${entry.path}"`;
      const file = config.file === undefined ? "the config" : path.relative(options.cwd, config.file).split(path.sep).join("/");
      options.output.stderr(`note: ${file} accepts ${entry.rule}${where}, which matched no breaking change\n`);
    }
    const located = changes.map((change) => locate(change, config, options.cwd, revision));
    options.output.stdout(renderDiffReport({ base: options.base, changes: located }, format));
    return unacceptedBreaks(changes).length > 0 ? 1 : 0;
  });
}

/** A path that exists is read as a folder or file; anything else is a git revision of the input. */
async function readBase(base: string, config: Config, cwd: string): Promise<{ input: InputSet; revision?: string }> {
  if (base.trim() === "") throw new UsageError("--base needs a folder, a .ts file or a git revision");
  const onDisk = path.resolve(cwd, base);
  if (await stat(onDisk).catch(() => undefined)) return { input: await readInputs(onDisk, config.baseDir) };
  return { input: await readGitInputs(base, config.input, config.baseDir), revision: base };
}

function reportBaseDiagnostics(diagnostics: readonly Diagnostic[], config: Config, options: CommonOptions, revision: string | undefined): void {
  if (diagnostics.length === 0) return;
  const format = { baseDir: config.baseDir, cwd: options.cwd, color: options.output.color ?? false };
  options.output.stderr(`the base (${revision ?? "folder"}) does not load:\n`);
  for (const diagnostic of diagnostics) options.output.stderr(`${revision ? `${revision}:` : ""}${formatDiagnostic(diagnostic, format)}\n`);
  options.output.stderr("\n");
}

/** Paths relative to the current folder; a location in a git revision is written `<revision>:<path>:<line>`. */
function locate(change: Change, config: Config, cwd: string, revision: string | undefined): LocatedChange {
  const file = path.relative(cwd, path.resolve(config.baseDir, change.location.file)).split(path.sep).join("/");
  const prefix = change.side === "base" && revision !== undefined ? `${revision}:` : "";
  return { change, file, where: `${prefix}${file}:${change.location.line}` };
}
