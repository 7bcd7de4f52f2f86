import type { SourceLocation } from "../model/types.js";
import type { Category, RuleId, RuleScope, Severity } from "./rules.js";

/** One difference between the base and the head stable surface: a value, like a diagnostic. */
export interface Change {
  readonly rule: RuleId;
  readonly scope: RuleScope;
  readonly severity: Severity;
  readonly category: Category;
  /** Where a client meets it: `thread/start params.model`, or a declaration id for types no method reaches. */
  readonly path: string;
  /** The same place named from its declaration: `v2.ThreadStartParams.model` (the method path when no declaration encloses it). */
  readonly target: string;
  readonly message: string;
  /** Which definitions `location` points into: the head, or the base for what was removed. */
  readonly side: "base" | "head";
  readonly location: SourceLocation;
  /** Set when `schemagate.config.json` accepts this change. */
  readonly accepted?: { readonly reason: string };
}
