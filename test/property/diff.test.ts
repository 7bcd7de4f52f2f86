import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffModels, type Change } from "../../src/diff/index.js";
import type { Model } from "../../src/model/types.js";
import { declarationsById, reachableIds, referencedIds } from "../../src/model/walk.js";
import { loadMemoryModel } from "../support/in-memory.js";
import { applyEdits, edits } from "./blueprint-edits.js";
import { protocolBlueprint, type ProtocolBlueprint } from "./protocol-blueprint.js";
import { renderProtocol } from "./render-protocol.js";

/**
 * `schemagate diff` on generated protocols: a version compared with itself
 * (scanned twice, so no object is shared) has no changes; and along a chain
 * of edited versions A → B → C, every wire break from A to C shows up, at the
 * same place or one enclosing it, in A → B or in B → C: a break cannot come
 * from nowhere, and two safe steps cannot add up to a break. The one way to
 * reach a break through non-breaking steps is the documented one: add it as
 * experimental, then promote it; a promotion step covers it. "The same place"
 * includes what a broken place reaches: moving a method or retyping a field
 * changes who sends the types below it, and so which rules judge them.
 */

const NUM_RUNS = Number(process.env.SG_PROPERTY_RUNS ?? 50);

function modelOf(blueprint: ProtocolBlueprint): Model | undefined {
  return loadMemoryModel(renderProtocol(blueprint)).model;
}

/** `a` names `b` or a place inside it: `thread/start params` encloses `thread/start params.model` and `…params(kind)`. */
function encloses(outer: string, inner: string): boolean {
  return inner === outer || (inner.startsWith(outer) && /^[ .[({]/.test(inner.slice(outer.length)));
}

/** The declaration a place is in: the longest leading run of segments that is a declaration id in one of the versions. */
function declarationOf(place: string, models: readonly Model[]): string | undefined {
  const segments = place.split(" ")[0]!.split(".");
  for (let length = segments.length; length > 0; length--) {
    const id = segments.slice(0, length).join(".");
    if (models.some((model) => declarationsById(model).has(id))) return id;
  }
  return undefined;
}

/** Every declaration reachable from a place, in any of the versions: from a method's params and result, or from its declaration. */
function reachedFrom(place: string, models: readonly Model[]): Set<string> {
  const method = place.split(" ")[0]!;
  const reached = new Set<string>();
  for (const model of models) {
    const owner = model.methods.find((candidate) => candidate.name === method);
    const start = owner
      ? [owner.params, owner.result].flatMap((type) => (type ? referencedIds(type) : []))
      : [declarationOf(place, models)].filter((id): id is string => id !== undefined);
    for (const id of reachableIds(model, start)) reached.add(id);
  }
  return reached;
}

/**
 * A step covers a change when one's place encloses the other's, or when the
 * change's declaration is reachable from the step's place: a method that
 * moved, or a field that stopped referring to a type, changes who sends the
 * types below it, and so how they are judged.
 */
function covers(step: Change, change: Change, models: readonly Model[]): boolean {
  const places = [step.path, step.target];
  const changed = [change.path, change.target];
  if (places.some((place) => changed.some((other) => encloses(place, other) || encloses(other, place)))) return true;
  const declarations = changed.map((place) => declarationOf(place, models)).filter((id): id is string => id !== undefined);
  return places.some((place) => declarations.some((id) => reachedFrom(place, models).has(id)));
}

function describeSources(blueprint: ProtocolBlueprint): string {
  return renderProtocol(blueprint).map((file) => `--- ${file.path}\n${file.text}`).join("\n");
}

const wireBreaks = (changes: readonly Change[]) => changes.filter((change) => change.severity === "breaking" && change.category === "wire");

describe("diff properties", () => {
  it("a version compared with itself has no changes", () => {
    fc.assert(
      fc.property(protocolBlueprint, (blueprint) => {
        const first = modelOf(blueprint);
        const second = modelOf(blueprint);
        fc.pre(first !== undefined && second !== undefined);
        expect(diffModels(first!, second!)).toEqual([]);
        expect(diffModels(first!, first!)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("every break from A to C is covered by a break from A to B or from B to C", () => {
    const chains = protocolBlueprint.chain((a) => fc.tuple(fc.constant(a), edits, edits).map(([start, first, second]) => {
      const b = applyEdits(start, first);
      return [start, b, applyEdits(b, second)] as const;
    }));
    let compared = 0;
    let checked = 0;
    fc.assert(
      fc.property(chains, ([a, b, c]) => {
        const [modelA, modelB, modelC] = [modelOf(a), modelOf(b), modelOf(c)];
        fc.pre(modelA !== undefined && modelB !== undefined && modelC !== undefined);
        compared++;
        // A declaration can leave the stable output (a source break) and come back changed; and a
        // field or member made experimental first and stable later is a promotion, by design never a break.
        const steps = [...diffModels(modelA!, modelB!), ...diffModels(modelB!, modelC!)].filter(
          (change) => change.severity === "breaking" || change.rule.endsWith("-promoted"),
        );
        for (const change of wireBreaks(diffModels(modelA!, modelC!))) {
          checked++;
          if (steps.some((step) => covers(step, change, [modelA!, modelB!, modelC!]))) continue;
          const versions = [a, b, c].map((blueprint, index) => `=== ${"ABC"[index]}\n${describeSources(blueprint)}`).join("\n");
          const found = steps.map((step) => `${step.rule} ${step.path}`).join("; ") || "none";
          throw new Error(`${change.rule} at ${change.path} (${change.target}) from A to C is not covered; breaks in the steps: ${found}\n${versions}`);
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(compared).toBeGreaterThan(0);
    // The edits do break things: the property is not checked on empty sets only.
    expect(checked).toBeGreaterThan(0);
  });
});
