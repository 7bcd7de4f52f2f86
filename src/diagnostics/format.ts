import path from "node:path";
import type { Diagnostic } from "./diagnostic.js";

export interface FormatOptions {
  /** Folder the locations are relative to (the config's or input's folder). */
  readonly baseDir: string;
  /** Paths are printed relative to this folder. */
  readonly cwd: string;
  readonly color: boolean;
}

const RED = "\u001b[31m";
const YELLOW = "\u001b[33m";
const GREY = "\u001b[90m";
const RESET = "\u001b[0m";

/** `path:line:col - error SG001 syntax-error: message` */
export function formatDiagnostic(diagnostic: Diagnostic, options: FormatOptions): string {
  const file = path.relative(options.cwd, path.resolve(options.baseDir, diagnostic.location.file)).split(path.sep).join("/");
  const where = `${file}:${diagnostic.location.line}:${diagnostic.location.column}`;
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${RESET}` : text);
  const severity = paint(diagnostic.severity === "error" ? RED : YELLOW, diagnostic.severity);
  return `${where} - ${severity} ${paint(GREY, `${diagnostic.code} ${diagnostic.name}`)}: ${diagnostic.message}`;
}

export function formatSummary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return warnings > 0 ? `${count(errors, "error")}, ${count(warnings, "warning")}` : count(errors, "error");
}
