import type { SourceLocation } from "../model/types.js";
import { DIFF_RULES, severityOf, type RuleId, type RuleScope } from "./rules.js";
import type { Change } from "./types.js";

/** Where the comparison stands: the path a client sees, the declaration path, and the nearest locations on both sides. */
export interface Position {
  readonly path: string;
  readonly target: string;
  readonly base: SourceLocation;
  readonly head: SourceLocation;
}

/** `thread/start params` + `model` → `thread/start params.model`. */
export function childPosition(position: Position, segment: string, base = position.base, head = position.head): Position {
  return { path: `${position.path}${segment}`, target: `${position.target}${segment}`, base, head };
}

/** Collects the changes of one comparison; a change is a value, like a diagnostic. */
export class ChangeList {
  readonly changes: Change[] = [];

  add(rule: RuleId, scope: RuleScope, position: Position, side: "base" | "head", message: string): void {
    this.changes.push({
      rule,
      scope,
      severity: severityOf(rule, scope),
      category: DIFF_RULES[rule].category,
      path: position.path,
      target: position.target,
      message,
      side,
      location: side === "base" ? position.base : position.head,
    });
  }
}
