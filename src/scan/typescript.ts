import { createRequire } from "node:module";
import type { ts as TypeScript } from "ts-morph";
import { requireWithCompileCache } from "./compile-cache.js";

/**
 * The TypeScript compiler that ts-morph bundles (`@ts-morph/common/dist/typescript.js`,
 * the module `@ts-morph/common` re-exports as `ts`), loaded with `require`.
 * Imported from ESM instead, Node would first lex the CommonJS sources for their
 * export names and load all of ts-morph, about a third more load time; through
 * `@ts-morph/common`'s main module it would also load that package's file-system
 * helpers (minimatch, tinyglobby), which the scanner never uses. V8's compiled
 * code for it is kept between runs (see `compile-cache.ts`): about 150 ms less
 * per run. `TS` names the compiler's types.
 */
const requireHere = createRequire(import.meta.url);
const fromMorph = createRequire(requireHere.resolve("ts-morph"));
export const ts: typeof TypeScript = requireWithCompileCache(
  () => fromMorph("@ts-morph/common/dist/typescript.js") as typeof TypeScript,
);
export type { TypeScript as TS };
