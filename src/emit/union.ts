import type { UnionMember } from "../model/types.js";

/** Members of nested unions lifted into their parent: `A | (B | null)` is `A | B | null`. */
export function flattenUnion(members: readonly UnionMember[]): UnionMember[] {
  return members.flatMap((member) => (member.type.kind === "union" ? flattenUnion(member.type.members) : [member]));
}
