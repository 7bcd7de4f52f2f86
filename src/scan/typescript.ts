import { createRequire } from "node:module";
import type { ts as TypeScript } from "ts-morph";

/**
 * The TypeScript compiler that ts-morph bundles (from its `@ts-morph/common`),
 * loaded with `require`. Imported from ESM instead, Node would first lex the
 * CommonJS sources for their export names and load all of ts-morph, about a
 * third more load time. `TS` names the compiler's types.
 */
const requireHere = createRequire(import.meta.url);
// V8's compiled code for the 9 MB compiler is kept between runs (under the OS temp folder, one
// cache per working directory): loading it and parsing the first files get about 150 ms faster.
// DISABLE_V8_COMPILE_CACHE=1 turns it off.
requireHere("v8-compile-cache");
const fromMorph = createRequire(requireHere.resolve("ts-morph"));
export const ts: typeof TypeScript = (fromMorph("@ts-morph/common") as { ts: typeof TypeScript }).ts;
export type { TypeScript as TS };
