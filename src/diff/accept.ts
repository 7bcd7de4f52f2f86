import type { AcceptedChange } from "../config.js";
import type { Change } from "./types.js";

/**
 * Marks the breaking changes the config accepts: an entry without a path
 * accepts its rule everywhere, one with a path only there (the path a client
 * sees, or the declaration path). Accepted changes stay in the report.
 */
export function acceptChanges(changes: readonly Change[], accepted: readonly AcceptedChange[]): Change[] {
  return changes.map((change) => {
    if (change.severity !== "breaking") return change;
    const entry = accepted.find((candidate) => matches(candidate, change));
    return entry ? { ...change, accepted: { reason: entry.reason } } : change;
  });
}

/** Breaking changes the config does not accept: any one of them fails the command. */
export function unacceptedBreaks(changes: readonly Change[]): Change[] {
  return changes.filter((change) => change.severity === "breaking" && !change.accepted);
}

/** Accepted entries that match no change: left over from a break that is no longer there, or a mistyped path. */
export function unusedAcceptedChanges(changes: readonly Change[], accepted: readonly AcceptedChange[]): AcceptedChange[] {
  return accepted.filter((entry) => !changes.some((change) => change.accepted !== undefined && matches(entry, change)));
}

function matches(entry: AcceptedChange, change: Change): boolean {
  return entry.rule === change.rule && (entry.path === undefined || entry.path === change.path || entry.path === change.target);
}
