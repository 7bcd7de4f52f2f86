import { filterModel } from "../model/filter.js";
import type { Method, Model } from "../model/types.js";
import { reachedByMethods } from "../model/walk.js";
import { compareTypes, type Comparison } from "./compare-types.js";
import { compareDeclarations } from "./declarations.js";
import { ChangeList, type Position } from "./report.js";
import { sideOf } from "./resolve.js";
import type { DataDirection } from "./rules.js";
import type { Change } from "./types.js";

export type { Change } from "./types.js";

/** Who writes a method's params and its result. */
const SENDERS = {
  clientRequest: { params: "client-sent", result: "server-sent" },
  clientNotification: { params: "client-sent", result: "server-sent" },
  serverRequest: { params: "server-sent", result: "client-sent" },
  serverNotification: { params: "server-sent", result: "client-sent" },
} as const satisfies Record<Method["direction"], { params: DataDirection; result: DataDirection }>;

const SEVERITY_ORDER = { breaking: 0, safe: 1, addition: 2 } as const;

/**
 * The changes from `base` to `head` (both unfiltered, validated models) on
 * the stable surface: methods first, in head's order, each type judged by
 * who sends it; then the stable declarations no method reaches, judged both
 * ways; then renames and removals of declarations. Breaking changes first.
 */
export function diffModels(base: Model, head: Model): Change[] {
  const changes = new ChangeList();
  const baseStable = filterModel(base, "stable");
  const headStable = filterModel(head, "stable");
  const sourceChanges = new ChangeList();
  const renamed = compareDeclarations(baseStable, headStable, head, sourceChanges);
  const comparison: Comparison = { base: sideOf(base), head: sideOf(head), renamed, seen: new Set(), seenNodes: new WeakMap(), changes };
  compareMethods(comparison, base, head);
  compareUnreached(comparison, baseStable, headStable);
  const all = [...changes.changes, ...sourceChanges.changes];
  return all.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function compareMethods(comparison: Comparison, base: Model, head: Model): void {
  const { changes } = comparison;
  const headMethods = new Map(head.methods.map((method) => [method.name, method]));
  const baseNames = new Set(base.methods.map((method) => method.name));
  for (const was of base.methods) {
    const now = headMethods.get(was.name);
    const at: Position = { path: was.name, target: was.name, base: was.location, head: now?.location ?? was.location };
    if (was.experimental) {
      if (now && !now.experimental) changes.add("method-promoted", "surface", at, "head", `experimental ${was.direction} ${was.name} became stable`);
    } else if (!now) {
      changes.add("method-removed", "surface", at, "base", `${was.direction} ${was.name} removed`);
    } else if (now.experimental) {
      changes.add("method-made-experimental", "surface", at, "head", `${was.direction} ${was.name} became experimental`);
    } else if (now.direction !== was.direction) {
      changes.add("method-kind-changed", "surface", at, "head", `${was.name} moved from ${was.direction} to ${now.direction}`);
    } else {
      compareMethod(comparison, was, now, at);
    }
  }
  for (const now of head.methods) {
    if (baseNames.has(now.name) || now.experimental) continue;
    const at = { path: now.name, target: now.name, base: now.location, head: now.location };
    changes.add("method-added", "surface", at, "head", `${now.direction} ${now.name} added`);
  }
}

function compareMethod(comparison: Comparison, was: Method, now: Method, at: Position): void {
  for (const part of ["params", "result"] as const) {
    const before = was[part];
    const after = now[part];
    const direction = SENDERS[was.direction][part];
    const position = { ...at, path: `${at.path} ${part}`, target: `${at.target} ${part}` };
    if (before && after) compareTypes(comparison, before, after, direction, position);
    else if (after) comparison.changes.add("params-added", direction, position, "head", `${was.name} now takes params`);
    else if (before) comparison.changes.add("params-removed", direction, position, "base", `${was.name} no longer takes params`);
  }
}

/**
 * Stable declarations no stable method reaches in either version: nobody says
 * who sends them, so both readings apply. (One a method reaches in head is
 * judged by that method's direction, or is new to it when the method is.)
 */
function compareUnreached(comparison: Comparison, baseStable: Model, headStable: Model): void {
  const reachedBefore = reachedByMethods(baseStable);
  const reachedNow = reachedByMethods(headStable);
  for (const declaration of baseStable.declarations) {
    if (reachedBefore.has(declaration.id)) continue;
    const headId = comparison.renamed.get(declaration.id) ?? declaration.id;
    const now = comparison.head.byId.get(headId);
    if (!now || now.experimental || reachedNow.has(headId)) continue;
    const at = { path: declaration.id, target: declaration.id, base: declaration.location, head: now.location };
    for (const direction of ["client-sent", "server-sent"] as const) {
      compareTypes(comparison, { kind: "ref", target: declaration.id, location: declaration.location }, { kind: "ref", target: headId, location: now.location }, direction, at);
    }
  }
}
