import { readFile } from "node:fs/promises";
import path from "node:path";
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
  /** The formats `write` and `check` produce, in table order. */
  readonly formats: readonly FormatName[];
  readonly jsonSchemaDraft: JsonSchemaDraft;
  /** The wire the envelope unions describe: standard JSON-RPC 2.0, or codex's `jsonrpc`-less "lite". */
  readonly envelope: EnvelopeStyle;
  /** Where the settings came from, for messages. */
  readonly file?: string;
}

const SETTINGS = {
  input: "folder or .ts file holding the definitions",
  output: "managed output folder (default: generated)",
  bundleName: "name of the JSON Schema bundle (default: schema)",
  regenerateCommand: "command named in headers and in check's hint (default: npx schemagate write)",
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

/** Finds the nearest config file from `cwd` upwards; undefined when there is none. */
export async function findConfig(cwd: string): Promise<Config | undefined> {
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
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new UsageError(`${file}: must be a JSON object`);
  const settings = raw as Record<string, unknown>;
  for (const [key, value] of Object.entries(settings)) {
    if (key === "$schema") continue;
    if (!Object.hasOwn(SETTINGS, key)) {
      const known = Object.entries(SETTINGS).map(([name, meaning]) => `  ${name}: ${meaning}`).join("\n");
      throw new UsageError(`${file}: unknown setting "${key}"; the settings are:\n${known}`);
    }
    if (key === "formats") continue;
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

/**
 * Settings for commands that take `--input`: the flag wins over the config;
 * without a config, artifact paths are relative to the input's folder, so the
 * output does not depend on the current directory.
 */
export async function resolveInputConfig(cwd: string, input: string | undefined): Promise<Config> {
  const config = await findConfig(cwd);
  if (input === undefined) {
    if (!config) throw new UsageError(`no input: pass --input PATH or create ${CONFIG_FILE} with an "input" setting`);
    return config;
  }
  const absolute = path.resolve(cwd, input);
  if (config) return { ...config, input: absolute };
  return { baseDir: path.dirname(absolute), input: absolute, ...DEFAULTS, ...DEFAULT_SETTINGS, output: path.resolve(cwd, DEFAULTS.output) };
}
