import { it } from "vitest";
import { emitMemoryModel, loadMemoryModel } from "../support/in-memory.js";
it("explore", () => {
  const text = `
export interface Base { id: string; count?: number; mode: "a" | "b"; tags: string[] }
export enum Color { Red = "red", Green = "green" }
export const MODES = ["x", "y"] as const;
export const CFG = { a: 1, b: "s" } as const;
export type K = keyof Base;
export type P = Partial<Base>;
export type Pk = Pick<Base, "id" | "mode">;
export type Om = Omit<Base, "tags">;
export type M = (typeof MODES)[number];
export type C = typeof CFG;
export type T = \`v-\${number}\`;
export type Tu = [string, number?, ...boolean[]];
export type R = Record<"p" | "q", number>;
export type D = { when: Date };
export type Cond<X> = X extends string ? "s" : "n";
export type CC = Cond<string | 1>;
export type Map1 = { readonly [Q in keyof Base as \`get\${Capitalize<Q>}\`]-?: Base[Q] };
`;
  const { model, diagnostics } = loadMemoryModel([{ path: "types.ts", text }]);
  console.log(diagnostics.map((d) => `${d.code} ${d.message}`));
  if (!model) return;
  const out = emitMemoryModel(model);
  console.log([...out.keys()]);
  console.log(out.get("stable/json/schema.schemas.json"));
});
