import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { relativeTo, resolveInputConfig, shellWord } from "../config.js";
import { UsageError } from "../errors.js";
import { assertSeparate, resolveManagedFolder } from "../output/managed-folder.js";
import { fillManagedTree } from "../output/tree.js";
import type { JsonSchemaDraft } from "../emit/json-schema/dialect.js";
import { FORMATS, type FormatName } from "../formats.js";
import type { EnvelopeStyle } from "../model/envelopes.js";
import { emitSettings, generateAudience, loadModel } from "../pipeline.js";
import { noteTo, reportDiagnostics, withTimings, type CommonOptions } from "./io.js";

export interface GenerateOptions extends CommonOptions {
  readonly out: string;
  readonly input?: string;
  /** A config file to read instead of the one found from `cwd`. */
  readonly config?: string;
  readonly experimental?: boolean;
  /** A prettier executable to format the emitted files (run without a shell). */
  readonly prettier?: string;
  /** Overrides the config's `jsonSchemaDraft`. */
  readonly draft?: JsonSchemaDraft;
  /** Overrides the config's `envelope`. */
  readonly envelope?: EnvelopeStyle;
}
const PRETTIER_TIMEOUT_MS = 120_000;

/** `generate-ts`, `generate-json-schema`, …: one audience, one format of the table, into a folder schemagate manages. */
export async function generate(format: FormatName, options: GenerateOptions): Promise<number> {
  return withTimings(options, async (timings) => {
    const config = await resolveInputConfig(options.cwd, options.input, options.config);
    const out = await resolveManagedFolder(path.resolve(options.cwd, options.out));
    await assertSeparate(config.input, out);
    const { model, diagnostics } = await loadModel(config, timings);
    reportDiagnostics(diagnostics, config, options);
    if (!model) return 1;
    const audience = options.experimental ? "experimental" : "stable";
    const prettier = options.prettier;
    const regenerateCommand = regenerateCommandOf(format, options, config.baseDir);
    const written = await fillManagedTree(
      out,
      (writer) =>
        generateAudience(
          model,
          audience,
          {
            formats: [format],
            settings: {
              ...emitSettings(config),
              regenerateCommand,
              jsonSchemaDraft: options.draft ?? config.jsonSchemaDraft,
              envelope: options.envelope ?? config.envelope,
            },
          },
          timings,
          (_format, files) => writer.add(files),
        ),
      {
        kind: FORMATS[format].command,
        report: noteTo(options),
        onStep: options.onSwapStep,
        ...(prettier ? { beforeSwap: (folder: string) => runPrettier(prettier, folder) } : {}),
      },
      timings,
    );
    options.output.stdout(`wrote ${written.files} ${audience} files to ${path.relative(options.cwd, out) || "."}\n`);
    return 0;
  });
}

/**
 * The command line that gives these files again, named in their headers: every
 * flag that shapes them, paths relative to the base folder (the config's, or the
 * input's), so the bytes do not depend on the current directory.
 */
function regenerateCommandOf(format: FormatName, options: GenerateOptions, baseDir: string): string {
  const relative = (flag: string) => shellWord(relativeTo(baseDir, path.resolve(options.cwd, flag)));
  const words = [`schemagate ${FORMATS[format].command}`];
  if (options.config !== undefined) words.push(`--config ${relative(options.config)}`);
  if (options.input !== undefined) words.push(`--input ${relative(options.input)}`);
  words.push(`--out ${relative(options.out)}`);
  if (options.draft !== undefined) words.push(`--draft ${options.draft}`);
  if (options.envelope !== undefined) words.push(`--envelope ${options.envelope}`);
  if (options.prettier !== undefined) words.push(`--prettier ${options.prettier.includes("/") ? relative(options.prettier) : shellWord(options.prettier)}`);
  return words.join(" ");
}

async function runPrettier(binary: string, folder: string): Promise<void> {
  try {
    await promisify(execFile)(binary, ["--write", "--log-level", "warn", "."], {
      cwd: folder,
      timeout: PRETTIER_TIMEOUT_MS,
      shell: false,
    });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string; killed?: boolean };
    const reason = failure.code === "ENOENT"
      ? "not found"
      : failure.killed
        ? `timed out after ${PRETTIER_TIMEOUT_MS / 1000} s`
        : (failure.stderr?.trim() || failure.message);
    throw new UsageError(`--prettier ${binary} failed (${reason}); nothing was written`);
  }
}
