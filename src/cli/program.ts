import { Command, CommanderError, Option } from "commander";
import { check } from "../commands/check.js";
import { diff } from "../commands/diff.js";
import { generate } from "../commands/generate.js";
import { inventory } from "../commands/inventory.js";
import type { Output } from "../commands/io.js";
import type { StepProbe } from "../output/swap-folder.js";
import { watch } from "../commands/watch.js";
import { write } from "../commands/write.js";
import { JSON_SCHEMA_DRAFTS } from "../emit/json-schema/dialect.js";
import { DEFAULT_FORMATS, FORMAT_NAMES, FORMATS, type Format } from "../formats.js";
import { ENVELOPE_STYLES } from "../model/envelopes.js";
import { EXIT_INTERNAL, EXIT_USAGE, SchemagateError } from "../errors.js";
import { DIFF_FORMATS } from "../output/diff-report.js";

export interface CliContext {
  readonly cwd: string;
  readonly output: Output;
  /** Printed by `--version`. */
  readonly version?: string;
  /** Called at each step of replacing a managed folder (see `SWAP_STEPS`). */
  readonly onSwapStep?: StepProbe;
  /**
   * For commands that run until stopped (`watch`): a signal that aborts when the
   * user asks them to stop (Ctrl-C, SIGTERM). Without it they stop never.
   */
  readonly stopSignal?: () => AbortSignal;
  /** A full garbage collection, for commands that stay idle between bursts of work (`watch`). */
  readonly collectGarbage?: () => void;
}

/** Flags people type from habit, and the one schemagate has. */
const MISTAKEN_FLAGS: Readonly<Record<string, string>> = { "--output": "--out", "--out-dir": "--out", "--outDir": "--out", "--outdir": "--out" };

const EXIT_CODES_HELP = `
Exit codes:
  0   success
  1   drift (check) or errors in the definitions, each printed as path:line:col
  2   usage or configuration error
  70  internal error (a bug in schemagate)
`;

/** Parses `argv` (without node and script) and runs the command; resolves to the exit code. */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const mistaken = argv.map((arg) => arg.split("=")[0]!).find((flag) => Object.hasOwn(MISTAKEN_FLAGS, flag));
  if (mistaken !== undefined) {
    context.output.stderr(`error: unknown option '${mistaken}' (Did you mean ${MISTAKEN_FLAGS[mistaken]}?)\n(run with --help for usage)\n`);
    return EXIT_USAGE;
  }
  let exitCode = 0;
  const program = buildProgram(context, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof SchemagateError) {
      context.output.stderr(`schemagate: ${error.message}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    context.output.stderr(
      `schemagate: internal error; nothing was written. This is a bug: please report it with the command and the input that caused it.\n${detail}\n`,
    );
    return EXIT_INTERNAL;
  }
}

function buildProgram(context: CliContext, setExitCode: (code: number) => void): Command {
  const common = (options: { verbose?: boolean }) => ({
    cwd: context.cwd,
    output: context.output,
    verbose: options.verbose,
    onSwapStep: context.onSwapStep,
  });
  const run = (work: Promise<number>) => work.then(setExitCode);
  const verbose = () => new Option("--verbose", "print per-stage timings and memory to stderr");
  const input = () => new Option("--input <path>", "folder or .ts file with the definitions (default: \"input\" in schemagate.config.json)");
  const config = () => new Option("--config <path>", "read this config file instead of the schemagate.config.json found in this folder or above");
  const requiredOut = () => new Option("--out <dir>", "output folder, required (created; replaced if schemagate made it)").makeOptionMandatory();
  const managedInput = () => new Option("--input <path>", "folder or .ts file with the definitions, instead of the config's \"input\"");
  const managedOut = () => new Option("--out <dir>", "the managed folder, instead of the config's \"output\" (default: generated)");
  const experimental = () => new Option("--experimental", "emit the experimental audience (everything) instead of the stable one");

  const program = new Command("schemagate")
    .description(
      "Declare a JSON-RPC protocol once in TypeScript, mark what is experimental, and generate stable and experimental TypeScript, JSON Schema, OpenRPC and a Markdown reference, checked in CI.",
    )
    .version(context.version ?? "unknown", "-V, --version", "print the schemagate version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.output.stdout(text),
      writeErr: (text) => context.output.stderr(text),
    })
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Examples:
  $ schemagate generate-json-schema --input schema.ts --out schemas     any .ts file, markers or not
  $ schemagate generate-ts --out types --experimental                   input from schemagate.config.json
  $ schemagate generate-openrpc --out openrpc                           an OpenRPC document for OpenRPC tools
  $ schemagate write --all                                              regenerate generated/ (both audiences)
  $ schemagate watch --all                                              regenerate on every save until Ctrl-C
  $ schemagate check                                                    fail CI when generated/ drifted
  $ schemagate inventory                                                what is experimental, and why
  $ schemagate diff --base main                                         breaking changes to the stable surface since main
${EXIT_CODES_HELP}`,
    );

  for (const name of FORMAT_NAMES) {
    const format: Format = FORMATS[name];
    const command = program
      .command(format.command)
      .description(`emit ${format.summary}, into a folder`)
      .usage("--out <dir> [options]")
      .addOption(requiredOut())
      .addOption(experimental());
    if (format.settings.includes("jsonSchemaDraft")) {
      command.addOption(new Option("--draft <draft>", 'JSON Schema draft (default: "jsonSchemaDraft" in the config, else 07)').choices(JSON_SCHEMA_DRAFTS));
    }
    if (format.settings.includes("envelope")) {
      command.addOption(new Option("--envelope <style>", 'message envelopes: jsonrpc2 (standard JSON-RPC 2.0) or lite (no "jsonrpc") (default: "envelope" in the config, else jsonrpc2)').choices(ENVELOPE_STYLES));
    }
    command
      .option("--prettier <bin>", "format the output with this prettier executable (run without a shell)")
      .addOption(input())
      .addOption(config())
      .addOption(verbose())
      .addHelpText("after", `\nExample:\n  $ schemagate ${format.command} ${format.example}\n`)
      .action((options) => run(generate(name, { ...common(options), ...options })));
  }

  /** `write` and `watch`: one audience's tree (or both) in the managed folder, with the flags that choose them. */
  const managedTreeCommand = (name: string, description: string, allHelp: string) =>
    program
      .command(name)
      .description(description)
      .addOption(experimental().conflicts("all"))
      .addOption(new Option("--all", allHelp))
      .addOption(managedInput())
      .addOption(managedOut())
      .addOption(config())
      .addOption(verbose());

  managedTreeCommand(
    "write",
    "regenerate one audience's tree (or both) and the inventory in the managed folder named by schemagate.config.json",
    "regenerate both audiences in one run, reading and checking the definitions once",
  )
    .addHelpText(
      "after",
      `\nWrites one folder per format the config's "formats" lists (default: ${DEFAULT_FORMATS.join(", ")}; the\nformats: ${FORMAT_NAMES.map((name) => `${FORMATS[name].folder}/`).join(" ")}), for the stable audience or under experimental/,\nplus experimental-inventory.json, atomically; the other audience's files are kept.\nWith --all, both audiences are written in one swap. One run at a time writes a folder;\nanother waits for it (up to 60 s).\n\nExamples:\n  $ schemagate write --all\n  $ schemagate write && schemagate write --experimental     the same, in two runs\n  $ schemagate write --all --input defs --out gen           without a config file\n`,
    )
    .action((options) => run(write({ ...common(options), ...options })));

  managedTreeCommand(
    "watch",
    "write, then write again whenever the definitions or the config change, until Ctrl-C",
    "regenerate both audiences on every change",
  )
    .addHelpText(
      "after",
      `
Runs write once, then watches the input (every file it reads, new folders
included) and the config file. Saves that come together are one cycle, and a
save during a cycle makes one more. Each cycle prints one line on stdout:
  12:04:31 generated: 3 changed, 0 removed, 412 files (87 ms)
A cycle with errors prints them as write does and leaves the last good tree.
Only files whose bytes changed are written; the rest are carried over. Every
cycle is the same atomic swap as write, so readers never see a half-written
tree. Ctrl-C (or SIGTERM) ends it after the running cycle, leaving nothing behind.

Examples:
  $ schemagate watch --all
  $ schemagate watch --experimental --input defs --out gen     without a config file
`,
    )
    .action((options) =>
      run(
        watch({
          ...common(options),
          ...options,
          signal: context.stopSignal?.() ?? new AbortController().signal,
          collectGarbage: context.collectGarbage,
        }),
      ),
    );

  program
    .command("check")
    .description("compare the managed folder with a fresh generation of both audiences (every format the config lists, byte for byte); exit 1 and print a diff on drift")
    .addOption(managedInput())
    .addOption(managedOut())
    .addOption(config())
    .addOption(verbose())
    .addHelpText("after", "\nExamples (CI):\n  $ schemagate check\n  $ schemagate check --input defs --out gen                 without a config file\n")
    .action((options) => run(check({ ...common(options), ...options })));

  program
    .command("inventory")
    .description("list every experimental method, type, field and member with its reason and location")
    .option("--json", "print the inventory JSON that the runtime gate reads")
    .addOption(input())
    .addOption(config())
    .addOption(verbose())
    .addHelpText("after", "\nExample:\n  $ schemagate inventory --input protocol-defs\n")
    .action((options) => run(inventory({ ...common(options), ...options })));

  program
    .command("diff")
    .description("compare the stable surface of a base version with the current definitions; exit 1 on a breaking change")
    .requiredOption("--base <ref|folder|file>", "the version to compare with: a git revision (read from git objects, no checkout), a folder or a .ts file")
    .addOption(new Option("--format <format>", "how to print the changes").choices(DIFF_FORMATS).default("text"))
    .addOption(input())
    .addOption(config())
    .addOption(verbose())
    .addHelpText(
      "after",
      `
Each change names its rule (docs/diff-rules.md), severity, the path a client sees
(thread/start params.model) and file:line (in the base, after "<revision>:", for removals).
Data clients send may only widen, data the server sends may only narrow; experimental
surface never breaks. Accept an intended break in schemagate.config.json:
  "diff": { "accept": [{ "rule": "enum-member-added", "reason": "clients ignore unknown values" }] }

Exit codes: 0 nothing breaking (or every break accepted), 1 a breaking change or errors
in either version's definitions, 2 usage or configuration error.

Examples:
  $ schemagate diff --base main
  $ schemagate diff --base "$(git merge-base HEAD origin/main)" --format github
  $ schemagate diff --base v1.2.0 --format markdown > comment.md
  $ schemagate diff --base ../old/schema.ts --input schema.ts --format json`,
    )
    .action((options) => run(diff({ ...common(options), base: options.base, input: options.input, config: options.config, format: options.format })));

  return program;
}
