import type { Config } from "../config.js";
import { formatDiagnostic, formatSummary } from "../diagnostics/format.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { StepProbe } from "../output/swap-folder.js";
import { createTimings, type Timings } from "../timings.js";

/** Where a command's text goes; the CLI passes the process streams, tests collect strings. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Colour diagnostics (the CLI decides from the terminal and NO_COLOR). */
  readonly color?: boolean;
}

export interface CommonOptions {
  readonly cwd: string;
  readonly output: Output;
  readonly verbose?: boolean;
  /** Called at each step of replacing a managed folder (the CLI stops there when a test asks it to). */
  readonly onSwapStep?: StepProbe;
}

/** How commands that replace a managed folder tell what they did besides writing. */
export function noteTo(options: CommonOptions): (message: string) => void {
  return (message) => options.output.stderr(`schemagate: ${message}\n`);
}

export function reportDiagnostics(diagnostics: readonly Diagnostic[], config: Config, options: CommonOptions): void {
  if (diagnostics.length === 0) return;
  const format = { baseDir: config.baseDir, cwd: options.cwd, color: options.output.color ?? false };
  for (const diagnostic of diagnostics) options.output.stderr(formatDiagnostic(diagnostic, format) + "\n");
  options.output.stderr(`\n${formatSummary(diagnostics)}\n`);
}

/** Runs a command body with stage timings, printed to stderr under --verbose. */
export async function withTimings<T>(options: CommonOptions, body: (timings: Timings) => Promise<T>): Promise<T> {
  const timings = createTimings();
  const start = performance.now();
  try {
    return await body(timings);
  } finally {
    if (options.verbose) {
      for (const line of timings.lines()) options.output.stderr(`[timing] ${line}\n`);
      options.output.stderr(`[timing] ${"total".padEnd(10)} ${(performance.now() - start).toFixed(1).padStart(8)} ms\n`);
    }
  }
}
