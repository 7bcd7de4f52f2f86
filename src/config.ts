import { readFile } from "node:fs/promises";
import path from "node:path";
import { isRuleId, RULE_IDS, type RuleId } from "./diff/rules.js";
import { JSON_SCHEMA_DRAFTS, type JsonSchemaDraft } from "./emit/json-schema/dialect.js";
import { UsageError } from "./errors.js";
import { DEFAULT_FORMATS, FORMAT_NAMES, type FormatName } from "./formats.js";
import { ENVELOPE_STYLES, type EnvelopeStyle } from "./model/envelopes.js";

export const CONFIG_FILE = "schemagate.config.json";

/** `schemagate.config.json`, with paths made absolute against its folder. */
export interface Config {
  /** The folder holding the config file: paths in artifacts are relative to it. */
  readonly baseDir: string;
  readonly input: string;
  readonly output: string;
  readonly bundleName: string;
  /** Named in generated headers and in `check`'s fix hint; `--experimental` is appended for that audience. */
  readonly regenerateCommand: string;
  /** Breaking changes `schemagate diff` accepts (still printed, marked accepted). */
  readonly acceptedChanges?: readonly AcceptedChange[];
  /** The formats `write` and `check` produce, in table order. */
  readonly formats: readonly FormatName[];
  readonly jsonSchemaDraft: JsonSchemaDraft;
  /** The wire the envelope unions describe: standard JSON-RPC 2.0, or codex's `jsonrpc`-less "lite". */
  readonly envelope: EnvelopeStyle;
  /** Where the settings came from, for messages. */
  readonly file?: string;
}

/** A rule accepted everywhere, or at one path (`thread/start params.model` or `v2.ThreadStartParams.model`). */
export interface AcceptedChange {
  readonly rule: RuleId;
  readonly path?: string;
  readonly reason: string;
}

const SETTINGS = {
  input: "folder or .ts file holding the definitions",
  output: "managed output folder (default: generated)",
  bundleName: "name of the JSON Schema bundle (default: schema)",
  regenerateCommand: "command named in headers and in check's hint (default: npx schemagate write)",
  diff: 'settings of schemagate diff: { "accept": [{ "rule": "<rule id>", "path"?: "<path>", "reason": "<why>" }] }',
  formats: `what write produces and check compares: a list of ${FORMAT_NAMES.map((name) => `"${name}"`).join(", ")} (default: ${JSON.stringify(DEFAULT_FORMATS)})`,
  jsonSchemaDraft: `JSON Schema dialect: ${JSON_SCHEMA_DRAFTS.map((draft) => `"${draft}"`).join(" or ")} (default: "07")`,
  envelope: `message envelopes: "jsonrpc2" (standard JSON-RPC 2.0, "jsonrpc": "2.0" required) or "lite" (codex's wire, no "jsonrpc") (default: "jsonrpc2")`,
} as const;

/** The string settings and their defaults. */
const DEFAULTS = { output: "generated", bundleName: "schema", regenerateCommand: "npx schemagate write" };

/** What a config (or no config) gets for the settings it leaves out. */
export const DEFAULT_SETTINGS = {
  formats: DEFAULT_FORMATS,
  jsonSchemaDraft: "07",
  envelope: "jsonrpc2",
} as const satisfies Pick<Config, "formats" | "jsonSchemaDraft" | "envelope">;

/**
 * The config named by `--config PATH` (which must exist), else the nearest
 * config file from `cwd` upwards; undefined when there is none.
 */
export async function findConfig(cwd: string, configFlag?: string): Promise<Config | undefined> {
  if (configFlag !== undefined) {
    const file = path.resolve(cwd, configFlag);
    const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`--config ${configFlag}: ${error.code === "ENOENT" ? "no such file" : `cannot read it (${error.code})`}`);
    });
    return parseConfig(text, file);
  }
  for (let folder = path.resolve(cwd); ; folder = path.dirname(folder)) {
    const file = path.join(folder, CONFIG_FILE);
    const text = await readFile(file, "utf8").catch(() => undefined);
    if (text !== undefined) return parseConfig(text, file);
    if (path.dirname(folder) === folder) return undefined;
  }
}

export function parseConfig(text: string, file: string): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(describeJsonError(text, file, (error as Error).message));
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new UsageError(`${file}: must be a JSON object`);
  const settings = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(settings)) {
    if (key === "$schema") continue;
    if (!Object.hasOwn(SETTINGS, key)) {
      const known = Object.entries(SETTINGS).map(([name, meaning]) => `  ${name}: ${meaning}`).join("\n");
      throw new UsageError(`${file}: unknown setting "${key}"; the settings are:\n${known}`);
    }
    if (key === "diff" || key === "formats") continue;
    if (typeof value !== "string" || value.trim() === "") throw new UsageError(`${file}: "${key}" must be a non-empty string`);
  }
  const formats = settings.formats === undefined ? DEFAULT_SETTINGS.formats : parseFormats(settings.formats, file);
  const jsonSchemaDraft = oneOf(settings, "jsonSchemaDraft", JSON_SCHEMA_DRAFTS, file) ?? DEFAULT_SETTINGS.jsonSchemaDraft;
  const envelope = oneOf(settings, "envelope", ENVELOPE_STYLES, file) ?? DEFAULT_SETTINGS.envelope;
  if (settings.bundleName !== undefined && !/^[\w.-]+$/.test(settings.bundleName as string)) {
    throw new UsageError(`${file}: "bundleName" may hold only letters, digits, "_", "." and "-"`);
  }
  if (settings.input === undefined) throw new UsageError(`${file}: "input" is required (${SETTINGS.input})`);
  const baseDir = path.dirname(file);
  const value = (key: keyof typeof DEFAULTS) => (settings[key] as string | undefined) ?? DEFAULTS[key];
  return {
    baseDir,
    file,
    input: path.resolve(baseDir, settings.input as string),
    output: path.resolve(baseDir, value("output")),
    bundleName: value("bundleName"),
    regenerateCommand: value("regenerateCommand"),
    acceptedChanges: parseDiffSettings(settings.diff, file),
    formats,
    jsonSchemaDraft,
    envelope,
  };
}

/** A setting that must be one of a few strings; undefined when absent. */
function oneOf<T extends string>(settings: Record<string, unknown>, key: keyof typeof SETTINGS, allowed: readonly T[], file: string): T | undefined {
  const value = settings[key];
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new UsageError(`${file}: "${key}" must be ${allowed.map((option) => JSON.stringify(option)).join(" or ")}, not ${JSON.stringify(value)}`);
  return value as T;
}

/** A non-empty list of known format names, without repeats; kept in table order so output does not depend on it. */
function parseFormats(value: unknown, file: string): readonly FormatName[] {
  const known = FORMAT_NAMES.map((name) => JSON.stringify(name)).join(", ");
  if (!Array.isArray(value) || value.length === 0) throw new UsageError(`${file}: "formats" must be a non-empty list of ${known}`);
  for (const name of value) {
    if (!FORMAT_NAMES.includes(name as FormatName)) throw new UsageError(`${file}: "formats" lists ${JSON.stringify(name)}; the formats are ${known}`);
  }
  return FORMAT_NAMES.filter((name) => value.includes(name));
}

/** The `diff` section: every accepted change names a known rule and says why. */
function parseDiffSettings(raw: unknown, file: string): AcceptedChange[] {
  if (raw === undefined) return [];
  const fail = (message: string): never => {
    throw new UsageError(`${file}: ${message}`);
  };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return fail(`"diff" must be an object: ${SETTINGS.diff}`);
  const section = raw as Record<string, unknown>;
  for (const key of Object.keys(section)) if (key !== "accept") fail(`unknown setting "diff.${key}"; the only one is "accept"`);
  const accept = section.accept ?? [];
  if (!Array.isArray(accept)) return fail(`"diff.accept" must be an array of { "rule", "path"?, "reason" }`);
  return accept.map((entry: unknown, index) => {
    const at = `"diff.accept[${index}]"`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return fail(`${at} must be an object { "rule", "path"?, "reason" }`);
    const { rule, path: where, reason, ...rest } = entry as Record<string, unknown>;
    const unknown = Object.keys(rest)[0];
    if (unknown !== undefined) fail(`${at}: unknown key "${unknown}"; the keys are "rule", "path" and "reason"`);
    if (typeof rule !== "string" || !isRuleId(rule)) fail(`${at}: unknown rule ${JSON.stringify(rule)}; the rules are: ${RULE_IDS.join(", ")}`);
    if (typeof reason !== "string" || reason.trim() === "") fail(`${at}: "reason" is required: say why this break is accepted`);
    if (where !== undefined && (typeof where !== "string" || where.trim() === "")) fail(`${at}: "path" must be a non-empty string when given`);
    return { rule: rule as RuleId, reason: reason as string, ...(where === undefined ? {} : { path: where as string }) };
  });
}

/** `file:line:column: not valid JSON (reason)`, the place taken from the parser's offset (the end when it gives none). */
function describeJsonError(text: string, file: string, message: string): string {
  const offset = /at position (\d+)/.exec(message)?.[1];
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  let line: number;
  let column: number;
  if (lineColumn) {
    [line, column] = [Number(lineColumn[1]), Number(lineColumn[2])];
  } else {
    const before = text.slice(0, offset === undefined ? text.length : Number(offset)).split("\n");
    [line, column] = [before.length, before[before.length - 1]!.length + 1];
  }
  const reason = message.replace(/\s*(in JSON )?at position \d+.*$/, "").replace(/\s*\(line \d+ column \d+\)$/, "");
  return `${file}:${line}:${column}: not valid JSON (${reason})`;
}

/** Flags that name or override settings: `--input`, `--out`, `--config`. */
export interface SettingFlags {
  readonly input?: string;
  readonly out?: string;
  readonly config?: string;
}

/**
 * Settings for `write` and `check`: the config (found, or named by `--config`),
 * with `--input` and `--out` winning over it; without a config `--input` is
 * needed, and artifact paths are relative to the input's folder. When a flag
 * overrides the config, the regenerate command names the flags (paths relative
 * to the base folder), so the headers and `check`'s hint say how to get the
 * same bytes again.
 */
export async function resolveManagedConfig(cwd: string, flags: SettingFlags, command: string): Promise<Config> {
  const found = await findConfig(cwd, flags.config);
  if (!found && flags.input === undefined) {
    throw new UsageError(`${command} needs ${CONFIG_FILE} (in this folder or above, or named by --config PATH) or --input PATH (and --out DIR)`);
  }
  const withInput = flags.input === undefined ? found! : await resolveInputConfig(cwd, flags.input, flags.config);
  const config = flags.out === undefined ? withInput : { ...withInput, output: path.resolve(cwd, flags.out) };
  if (flags.input === undefined && flags.out === undefined && flags.config === undefined) return config;
  const named = [
    flags.config === undefined ? "" : ` --config ${shellWord(relativeTo(config.baseDir, path.resolve(cwd, flags.config)))}`,
    flags.input === undefined ? "" : ` --input ${shellWord(relativeTo(config.baseDir, config.input))}`,
    flags.out === undefined ? "" : ` --out ${shellWord(relativeTo(config.baseDir, config.output))}`,
  ].join("");
  // Without a config, `resolveInputConfig` gave the default command, `write`'s: `check` names it too.
  return { ...config, regenerateCommand: `${config.regenerateCommand}${named}` };
}

/** A POSIX path relative to `baseDir` ("." for the folder itself). */
export function relativeTo(baseDir: string, absolute: string): string {
  return path.relative(baseDir, absolute).split(path.sep).join("/") || ".";
}

/** Quoted for a POSIX shell when it holds anything beyond plain path characters. */
export function shellWord(word: string): string {
  return /^[\w./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

/**
 * Settings for commands that take `--input`: the flag wins over the config;
 * without a config, artifact paths are relative to the input's folder, so the
 * output does not depend on the current directory.
 */
export async function resolveInputConfig(cwd: string, input: string | undefined, configFlag?: string): Promise<Config> {
  const config = await findConfig(cwd, configFlag);
  if (input === undefined) {
    if (!config) throw new UsageError(`no input: pass --input PATH or create ${CONFIG_FILE} with an "input" setting`);
    return config;
  }
  const absolute = path.resolve(cwd, input);
  if (config) return { ...config, input: absolute };
  return { baseDir: path.dirname(absolute), input: absolute, ...DEFAULTS, ...DEFAULT_SETTINGS, output: path.resolve(cwd, DEFAULTS.output) };
}
