import type { GateMember, LiteralValue } from "../model/inventory-types.js";
import { literalValue, matchNeedsKind, type MatchTest } from "./match.js";
import { valueKind } from "./value.js";

/** What a selector needs of a compiled union member: its match test. */
export interface Matching {
  readonly matches: MatchTest;
}

/** The union member a value resolves to (the first that matches), or undefined. */
export type MemberSelector<M extends Matching> = (value: unknown) => M | undefined;

/**
 * How a union picks the member of a value, shared by every walk of the gate so
 * they agree on it: enum-style unions (every member a literal) by one map
 * lookup, any other by the first member whose match accepts the value.
 */
export function selectorFor<M extends Matching>(members: readonly GateMember[], compiled: readonly M[]): MemberSelector<M> {
  return members.every((member) => member.match.kind === "literal")
    ? literalSelector(members, compiled)
    : firstMatchSelector(members, compiled);
}

function firstMatchSelector<M extends Matching>(members: readonly GateMember[], compiled: readonly M[]): MemberSelector<M> {
  const needsKind = members.some((member) => matchNeedsKind(member.match));
  const count = compiled.length;
  return (value) => {
    const kind = needsKind ? valueKind(value) : "";
    for (let i = 0; i < count; i++) {
      const member = compiled[i]!;
      if (member.matches(value, kind)) return member;
    }
    return undefined;
  };
}

/**
 * Map keys compare with SameValueZero, which agrees with `===` on JSON values
 * (no NaN; -0 and 0 are equal under both). The first member with a value wins.
 */
function literalSelector<M extends Matching>(members: readonly GateMember[], compiled: readonly M[]): MemberSelector<M> {
  const byValue = new Map<LiteralValue, M>();
  members.forEach((member, i) => {
    const value = literalValue((member.match as { value: unknown }).value, "");
    if (!byValue.has(value)) byValue.set(value, compiled[i]!);
  });
  return (value) => byValue.get(value as LiteralValue);
}
