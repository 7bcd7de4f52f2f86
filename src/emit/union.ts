import type { UnionMember } from "../model/types.js";

/** Members of nested unions lifted into their parent: `A | (B | null)` is `A | B | null`. */
export function flattenUnion(members: readonly UnionMember[]): readonly UnionMember[] {
  if (!members.some((member) => member.type.kind === "union")) return members;
  return members.flatMap((member) => (member.type.kind === "union" ? flattenUnion(member.type.members) : [member]));
}
