import { describe, expect, it } from "vitest";
import { evaluateDeclarations } from "../../src/model/evaluate/index.js";
import type { Declaration, UnionMember } from "../../src/model/types.js";
import { alias, object, prop, ref, string, union } from "../emit/builders.js";

/** Evaluations kept across runs for declarations without operators (`PlainEvaluations`), as `watch` runs them. */
describe("plain declarations evaluated again", () => {
  const members = (declarations: readonly Declaration[], id: string): readonly UnionMember[] => {
    const found = declarations.find((declaration) => declaration.id === id)!;
    return found.kind === "alias" && found.type.kind === "union" ? found.type.members : [];
  };
  const holder = alias("Holder", union(ref("Target"), string));

  it("are the same objects while what their members name stays as it was", () => {
    const target = alias("Target", object([prop("a", string)]));
    const first = evaluateDeclarations([holder, target]).declarations;
    const second = evaluateDeclarations([holder, { ...target }]).declarations;
    expect(second.find((declaration) => declaration.id === "Holder")).toBe(first.find((declaration) => declaration.id === "Holder"));
  });

  it("mark a member experimental once the declaration it names becomes experimental, and unmark it after", () => {
    const stable = alias("Target", object([prop("a", string)]));
    const experimental = { ...stable, experimental: { reason: "target.beta" } };
    expect(members(evaluateDeclarations([holder, stable]).declarations, "Holder")[0]!.experimental).toBeUndefined();
    expect(members(evaluateDeclarations([holder, experimental]).declarations, "Holder")[0]!.experimental).toEqual({ reason: "target.beta" });
    expect(members(evaluateDeclarations([holder, stable]).declarations, "Holder")[0]!.experimental).toBeUndefined();
    expect(members(evaluateDeclarations([holder]).declarations, "Holder")[0]!.experimental).toBeUndefined();
  });
});
