import { isPatternKey, type PatternIndex, type TypeNode } from "../types.js";
import type { Env, Evaluator } from "./evaluator.js";
import { distributionMembers } from "./members.js";

/**
 * A declared object's index signatures with keys other than `string`, as
 * TypeScript reads them: a key that evaluates to `string` types every other
 * key (`additional`), a template literal type that is not finite types the keys
 * its pattern matches, and a union key gives one signature per member.
 */
export function indexSignatures(
  evaluator: Evaluator,
  declared: readonly PatternIndex[],
  env: Env,
): { readonly additional: TypeNode[]; readonly patterns: PatternIndex[] } {
  const additional: TypeNode[] = [];
  const patterns: PatternIndex[] = [];
  for (const index of declared) {
    const value = evaluator.evaluate(index.value, env);
    for (const member of distributionMembers(evaluator.resolve(evaluator.evaluate(index.key, env), index.location))) {
      const key = evaluator.resolve(member.type, index.location);
      if (isPatternKey(key)) patterns.push({ key, value, location: index.location });
      else if (key.kind === "primitive" && key.name === "string" && key.pattern === undefined && key.format === undefined) additional.push(value);
      else {
        const message =
          "an index signature key must be `string` or a template literal type that is not finite; a finite key names properties: write them, or use a mapped type";
        evaluator.report("unsupported-construct", message, index.location);
      }
    }
  }
  return { additional, patterns };
}
