import type { GateMethod, GateType, Inventory } from "../../src/runtime/index.js";

/** A hand-built inventory; `entries` are for reviewers and the gate ignores them. */
export function inventory(
  methods: Record<string, GateMethod>,
  types: Record<string, GateType> = {},
): Inventory {
  return { entries: [], gate: { methods, types } };
}

/** One client request whose params are `params`. */
export function requestWith(params: GateType, types: Record<string, GateType> = {}): Inventory {
  return inventory({ "test/method": { direction: "clientRequest", params } }, types);
}

export const ref = (target: string): GateType => ({ kind: "ref", target });
