import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { resolveInputConfig } from "../config.js";
import { UsageError } from "../errors.js";
import { fillManagedTree } from "../output/tree.js";
import type { JsonSchemaDraft } from "../emit/json-schema/dialect.js";
import { FORMATS, type FormatName } from "../formats.js";
import type { EnvelopeStyle } from "../model/envelopes.js";
import { emitSettings, generateAudience, loadModel } from "../pipeline.js";
import { reportDiagnostics, withTimings, type CommonOptions } from "./io.js";

export interface GenerateOptions extends CommonOptions {
  readonly out: string;
  readonly input?: string;
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
    const config = await resolveInputConfig(options.cwd, options.input);
    const { model, diagnostics } = await loadModel(config, timings);
    reportDiagnostics(diagnostics, config, options);
    if (!model) return 1;
    const audience = options.experimental ? "experimental" : "stable";
    const out = path.resolve(options.cwd, options.out);
    const prettier = options.prettier;
    const count = await fillManagedTree(
      out,
      (writer) =>
        generateAudience(
          model,
          audience,
          {
            formats: [format],
            settings: {
              ...emitSettings(config),
              regenerateCommand: `schemagate ${FORMATS[format].command}`,
              jsonSchemaDraft: options.draft ?? config.jsonSchemaDraft,
              envelope: options.envelope ?? config.envelope,
            },
          },
          timings,
          (_format, files) => writer.add(files),
        ),
      prettier ? { beforeSwap: (folder) => runPrettier(prettier, folder) } : {},
      timings,
    );
    options.output.stdout(`wrote ${count} ${audience} files to ${path.relative(options.cwd, out) || "."}\n`);
    return 0;
  });
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
