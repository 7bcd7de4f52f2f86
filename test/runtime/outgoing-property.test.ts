/**
 * The outgoing gate on the flagship protocol: for random messages generated
 * from the experimental JSON Schema of generated/, whatever `toStable` lets
 * through validates against the stable JSON Schema (Ajv is the judge), the
 * input is never mutated, and a message already valid for the stable audience
 * comes back as it was.
 */
import fc from "fast-check";
import type { ValidateFunction } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { findConfig } from "../../src/config.js";
import type { Inventory } from "../../src/model/inventory-types.js";
import { loadModel } from "../../src/pipeline.js";
import { createGate, type ExperimentalGate } from "../../src/runtime/index.js";
import { createTimings } from "../../src/timings.js";
import { bundleOf, GENERATED_EXISTS, loadGeneratedArtifacts, REPO } from "../support/artifacts.js";
import { treeAjv } from "../support/json-schema.js";
import { schemaArbitrary } from "../support/schema-arbitrary.js";

interface OutgoingCase {
  readonly method: string;
  readonly part: "params" | "result";
  /** Pointer into the bundle of the type sent: `#/definitions/v2/ThreadStartResponse`. */
  readonly pointer: string;
  readonly experimentalMethod: boolean;
}

const generated = await loadGeneratedArtifacts();

describe.skipIf(!GENERATED_EXISTS)("toStable on every outgoing message of generated/", () => {
  let gate: ExperimentalGate;
  let cases: OutgoingCase[];
  let experimentalBundle: unknown;
  let validators: { stable(pointer: string): ValidateFunction; experimental(pointer: string): ValidateFunction };

  beforeAll(async () => {
    gate = createGate(generated!.inventory as Inventory);
    cases = await outgoingCases();
    experimentalBundle = bundleOf(generated!, "experimental");
    const bundleFile = `${generated!.bundleName}.schemas.json`;
    const validatorOf = (audience: "stable" | "experimental") => {
      const ajv = treeAjv(generated!.audiences[audience].json);
      const cache = new Map<string, ValidateFunction>();
      return (pointer: string) => {
        let validate = cache.get(pointer);
        if (!validate) cache.set(pointer, (validate = ajv.compile({ $ref: `${bundleFile}${pointer}` })));
        return validate;
      };
    };
    validators = { stable: validatorOf("stable"), experimental: validatorOf("experimental") };
  });

  it("covers results, notifications and server requests", () => {
    const parts = new Set(cases.map((entry) => `${entry.part}`));
    expect(parts).toEqual(new Set(["params", "result"]));
    expect(cases.length).toBeGreaterThan(40);
  });

  it("what it lets through validates against the stable schema; the input is never mutated", () => {
    let changed = 0;
    let refused = 0;
    for (const entry of cases) {
      const arbitrary = schemaArbitrary(experimentalBundle, { $ref: entry.pointer });
      fc.assert(
        fc.property(arbitrary, (value) => {
          // The generator is judged too: its values must be valid experimental messages.
          const experimental = validators.experimental(entry.pointer);
          expect(experimental(value), `${entry.method} ${entry.part}: generated ${JSON.stringify(value)}`).toBe(true);
          const before = structuredClone(value);
          const outcome = gate.toStable(entry.method, entry.part, value);
          expect(value).toEqual(before);
          if (entry.experimentalMethod) {
            expect(outcome.sendable).toBe(false);
            return;
          }
          if (!outcome.sendable) {
            refused++;
            expect(outcome.reason).not.toBe("");
            return;
          }
          if (outcome.value !== value) changed++;
          const stable = validators.stable(entry.pointer);
          const valid = stable(outcome.value);
          expect(valid, `${entry.method} ${entry.part}: ${JSON.stringify(outcome.value)}\n${JSON.stringify(stable.errors)}`).toBe(true);
        }),
        { numRuns: 60, seed: 16 },
      );
    }
    // The runs reached experimental data: some values were changed, some refused.
    expect(changed).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it("gives a message that is already stable back as it is", () => {
    for (const entry of cases.filter((candidate) => !candidate.experimentalMethod)) {
      fc.assert(
        fc.property(schemaArbitrary(experimentalBundle, { $ref: entry.pointer }), (value) => {
          if (!validators.stable(entry.pointer)(value)) return;
          expect(gate.toStable(entry.method, entry.part, value)).toEqual({ sendable: true, value });
        }),
        { numRuns: 40, seed: 61 },
      );
    }
  });
});

/** What the server sends: results of client requests, params of server notifications and server requests. */
async function outgoingCases(): Promise<OutgoingCase[]> {
  const config = await findConfig(REPO);
  const { model } = await loadModel(config!, createTimings());
  if (!model) throw new Error("protocol-defs do not load");
  const cases: OutgoingCase[] = [];
  const pointerOf = (target: string) => `#/definitions/${target.split(".").join("/")}`;
  for (const method of model.methods) {
    const experimentalMethod = method.experimental !== undefined;
    if (method.direction === "clientRequest" && method.result?.kind === "ref") {
      cases.push({ method: method.name, part: "result", pointer: pointerOf(method.result.target), experimentalMethod });
    }
    if ((method.direction === "serverNotification" || method.direction === "serverRequest") && method.params?.kind === "ref") {
      cases.push({ method: method.name, part: "params", pointer: pointerOf(method.params.target), experimentalMethod });
    }
  }
  return cases;
}
