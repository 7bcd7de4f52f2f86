import type { ChangeList, Position } from "./report.js";
import type { DataDirection } from "./rules.js";

type Tags = Readonly<Record<string, string>>;

/** Which way each constraint tag moves the set of accepted values when it changes. */
const CONSTRAINTS = {
  minimum: (before, after) => bound(before, after, (was, now) => now > was),
  maximum: (before, after) => bound(before, after, (was, now) => now < was),
  pattern: (before, after) => exact(before, after),
  format: (before, after) => exact(before, after),
} satisfies Record<string, (before: string | undefined, after: string | undefined) => Movement>;

const CONSTRAINT_TAGS = Object.keys(CONSTRAINTS);

interface Movement {
  readonly tightened: boolean;
  readonly loosened: boolean;
}

/** A bound added or made stricter tightens; removed or relaxed loosens. A value that is not a number counts as both. */
function bound(before: string | undefined, after: string | undefined, stricter: (was: number, now: number) => boolean): Movement {
  if (before === after) return { tightened: false, loosened: false };
  if (before === undefined) return { tightened: true, loosened: false };
  if (after === undefined) return { tightened: false, loosened: true };
  const was = Number(before);
  const now = Number(after);
  if (Number.isNaN(was) || Number.isNaN(now)) return { tightened: true, loosened: true };
  if (was === now) return { tightened: false, loosened: false };
  return stricter(was, now) ? { tightened: true, loosened: false } : { tightened: false, loosened: true };
}

/** A pattern or format added tightens, removed loosens; changed, it may do both. */
function exact(before: string | undefined, after: string | undefined): Movement {
  if (before === after) return { tightened: false, loosened: false };
  return { tightened: after !== undefined, loosened: before !== undefined };
}

/** Reports `@minimum`, `@maximum`, `@pattern` and `@format` changes, judged by who sends the value. */
export function compareConstraints(changes: ChangeList, before: Tags, after: Tags, direction: DataDirection, at: Position): void {
  // Most fields carry no constraint at all: answer without allocating.
  if (before === after || CONSTRAINT_TAGS.every((tag) => before[tag] === after[tag])) return;
  let tightened = false;
  let loosened = false;
  const moved: string[] = [];
  for (const [tag, judge] of Object.entries(CONSTRAINTS)) {
    const movement = judge(before[tag], after[tag]);
    if (!movement.tightened && !movement.loosened) continue;
    tightened ||= movement.tightened;
    loosened ||= movement.loosened;
    moved.push(`@${tag} ${before[tag] ?? "(none)"} → ${after[tag] ?? "(none)"}`);
  }
  if (moved.length === 0) return;
  const message = moved.join(", ");
  // The breaking reading wins: a changed pattern tightens for senders and loosens for readers.
  const breaking = direction === "client-sent" ? tightened : loosened;
  if (direction === "client-sent") changes.add(breaking ? "constraint-tightened" : "constraint-loosened", direction, at, "head", message);
  else changes.add(breaking ? "constraint-loosened" : "constraint-tightened", direction, at, "head", message);
}
