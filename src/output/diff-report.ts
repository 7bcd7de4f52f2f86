import type { Change } from "../diff/types.js";
import { assertNever } from "../model/types.js";

export const DIFF_FORMATS = ["text", "json", "markdown", "github"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** A change with its location as the reader should see it. */
export interface LocatedChange {
  readonly change: Change;
  /** Path relative to the current folder (POSIX). */
  readonly file: string;
  /** `file:line`, with `<revision>:` before a file read from a git revision. */
  readonly where: string;
}

export interface DiffReport {
  /** What `--base` named. */
  readonly base: string;
  readonly changes: readonly LocatedChange[];
}

/** Bump only when the JSON shape changes incompatibly. */
export const DIFF_JSON_VERSION = 1;

export function renderDiffReport(report: DiffReport, format: DiffFormat): string {
  switch (format) {
    case "text":
      return renderText(report);
    case "json":
      return renderJson(report);
    case "markdown":
      return renderMarkdown(report);
    case "github":
      return renderGithub(report);
    default:
      return assertNever(format);
  }
}

interface Counts {
  readonly breaking: number;
  readonly accepted: number;
  readonly safe: number;
  readonly additions: number;
}

function countChanges(changes: readonly LocatedChange[]): Counts {
  const count = (test: (change: Change) => boolean) => changes.filter(({ change }) => test(change)).length;
  return {
    breaking: count((change) => change.severity === "breaking" && !change.accepted),
    accepted: count((change) => change.accepted !== undefined),
    safe: count((change) => change.severity === "safe"),
    additions: count((change) => change.severity === "addition"),
  };
}

function summaryLine(report: DiffReport): string {
  if (report.changes.length === 0) return `no changes to the stable surface since ${report.base}`;
  const counts = countChanges(report.changes);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${counts.breaking} breaking, ${counts.accepted} accepted, ${counts.safe} safe, ${plural(counts.additions, "addition", "additions")} since ${report.base}`;
}

/** What the severity column says: `accepted` for an accepted break, `(source)` after a source-only rule. */
function severityLabel(change: Change): string {
  const severity = change.accepted ? "accepted" : change.severity;
  return change.category === "source" ? `${severity} (source)` : severity;
}

function messageOf(change: Change): string {
  return change.accepted ? `${change.message} (accepted: ${change.accepted.reason})` : change.message;
}

/** One aligned line per change: severity, rule, path, file:line, message; then a summary. */
function renderText(report: DiffReport): string {
  const rows = report.changes.map(({ change, where }) => [severityLabel(change), change.rule, change.path, where, messageOf(change)]);
  const widths = [0, 1, 2, 3].map((column) => Math.max(0, ...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]!) : cell)).join("  ").trimEnd());
  return [...lines, ...(lines.length > 0 ? [""] : []), summaryLine(report)].join("\n") + "\n";
}

/** The shape documented in docs/diff-rules.md ("JSON output"). */
function renderJson(report: DiffReport): string {
  const counts = countChanges(report.changes);
  const document = {
    version: DIFF_JSON_VERSION,
    base: report.base,
    breaking: counts.breaking > 0,
    summary: counts,
    changes: report.changes.map(({ change, file }) => ({
      rule: change.rule,
      severity: change.severity,
      category: change.category,
      scope: change.scope,
      path: change.path,
      target: change.target,
      message: change.message,
      location: { side: change.side, file, line: change.location.line, column: change.location.column },
      ...(change.accepted ? { accepted: { reason: change.accepted.reason } } : {}),
    })),
  };
  return JSON.stringify(document, null, 2) + "\n";
}

/** A table for a pull-request comment. */
function renderMarkdown(report: DiffReport): string {
  const lines = [`### schemagate diff against \`${report.base}\``, "", summaryLine(report)];
  if (report.changes.length > 0) {
    lines.push("", "| severity | rule | path | location | change |", "| --- | --- | --- | --- | --- |");
    for (const { change, where } of report.changes) {
      const severity = change.severity === "breaking" && !change.accepted ? `**${severityLabel(change)}**` : severityLabel(change);
      lines.push(`| ${severity} | \`${change.rule}\` | \`${cell(change.path)}\` | \`${cell(where)}\` | ${cell(messageOf(change))} |`);
    }
  }
  return lines.join("\n") + "\n";
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/** GitHub workflow commands: an error annotation per unaccepted break, a notice for the rest. */
function renderGithub(report: DiffReport): string {
  const lines = report.changes.map(({ change, file }) => {
    const level = change.severity === "breaking" && !change.accepted ? "error" : "notice";
    const properties = `file=${property(file)},line=${change.location.line},col=${change.location.column},title=${property(`schemagate diff ${change.rule}`)}`;
    return `::${level} ${properties}::${data(`${change.path}: ${messageOf(change)}`)}`;
  });
  return [...lines, summaryLine(report)].join("\n") + "\n";
}

function data(text: string): string {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

function property(text: string): string {
  return data(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
