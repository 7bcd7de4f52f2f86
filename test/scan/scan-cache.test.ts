import { describe, expect, it } from "vitest";
import { scanProject, ScanCache } from "../../src/scan/index.js";
import { inputSetOf, type MemoryFile } from "../support/in-memory.js";

/**
 * A scan with a `ScanCache` (as `watch` runs it, one scan per cycle) gives
 * exactly what a scan without one gives, whatever changed since the previous
 * scan: in particular when a file's conversion depends on another file that
 * changed (an enum member it inlines, a re-export it follows, a generic it
 * expands) while its own text, and every file's names, stayed the same.
 */

type Version = Record<string, string>;

function files(version: Version): MemoryFile[] {
  return Object.entries(version).map(([path, text]) => ({ path, text }));
}

/** Scans each version in turn with one cache and checks every scan against a cold one; returns how many files the last scan reused. */
function scanInTurn(versions: readonly Version[]): number {
  const cache = new ScanCache();
  let reused = 0;
  const reusable = cache.reusable.bind(cache);
  cache.reusable = (input, names) => {
    const found = reusable(input, names);
    reused = found.conversions.size;
    return found;
  };
  for (const version of versions) {
    const input = inputSetOf(files(version));
    const warm = scanProject(input, cache);
    const cold = scanProject(input);
    expect(warm).toEqual(cold);
  }
  return reused;
}

const USES_KIND = `import { Kind } from "./kind.js";\nexport interface Uses { k: Kind.A; other: string }\n`;
const KIND = `export enum Kind { A = "a", B = "b" }\n`;

describe("ScanCache", () => {
  it("reuses files nothing they depend on changed, and converts again the one that changed", () => {
    const other = `export interface Other { n: number }\n`;
    const reused = scanInTurn([
      { "uses.ts": USES_KIND, "kind.ts": KIND, "other.ts": other },
      { "uses.ts": USES_KIND, "kind.ts": KIND, "other.ts": other.replace("n: number", "n: string") },
    ]);
    expect(reused).toBe(2);
  });

  it("converts again a file whose inlined enum member changed in another file", () => {
    const reused = scanInTurn([
      { "uses.ts": USES_KIND, "kind.ts": KIND },
      { "uses.ts": USES_KIND, "kind.ts": KIND.replace('A = "a"', 'A = "changed"') },
    ]);
    expect(reused).toBe(0);
  });

  it("converts again a file that imports through a re-export whose source changed", () => {
    const index = (from: string) => `export { Thing } from "./${from}/thing.js";\n`;
    const base = {
      "user.ts": `import type { Thing } from "./index.js";\nexport interface User { thing: Thing }\n`,
      "one/thing.ts": `export interface Thing { one: string }\n`,
      "two/thing.ts": `export interface Thing { two: string }\n`,
    };
    scanInTurn([
      { ...base, "index.ts": index("one") },
      { ...base, "index.ts": index("two") },
    ]);
  });

  it("converts again a file that expands a generic whose body changed", () => {
    const user = `import type { Page } from "./page.js";\nexport interface Threads { page: Page<string> }\n`;
    scanInTurn([
      { "user.ts": user, "page.ts": `export interface Page<T> { items: T[] }\n` },
      { "user.ts": user, "page.ts": `export interface Page<T> { items: T[]; next?: string }\n` },
    ]);
  });

  it("converts again a file that uses a recursive generic whose body changed, and names its instance afresh", () => {
    const user = `import type { Tree } from "./tree.js";\nexport interface Forest { trees: Tree<string>[] }\n`;
    const tree = `export interface Tree<T> { value: T; children: Tree<T>[] }\n`;
    const other = `export interface Other { n: number }\n`;
    const reused = scanInTurn([
      { "user.ts": user, "tree.ts": tree, "other.ts": other },
      { "user.ts": user, "tree.ts": tree.replace("value: T;", "value: T; label?: string;"), "other.ts": other },
      // A name the instance had is declared now: it takes another.
      { "user.ts": user, "tree.ts": tree, "other.ts": `${other}export interface TreeOfString { taken: true }\n` },
      { "user.ts": user, "tree.ts": tree, "other.ts": other },
      { "user.ts": user, "tree.ts": tree, "other.ts": other.replace("n: number", "n: string") },
    ]);
    // Only tree.ts is taken from the cache: it declares the generic but expands no instance of it.
    expect(reused).toBe(1);
  });

  it("decides duplicates afresh when a changed file declares new names, and reuses nothing after a scan with diagnostics", () => {
    const a = `export interface Same { a: string }\n`;
    const b = `export interface Other { b: string }\n`;
    scanInTurn([
      { "a.ts": a, "b.ts": b },
      { "a.ts": a, "b.ts": b.replace("Other", "Same") },
      { "a.ts": a, "b.ts": b },
      { "a.ts": a, "b.ts": `${b}export interface Broken {\n` },
      { "a.ts": a, "b.ts": b },
    ]);
  });

  it("follows files that appear, disappear and move", () => {
    const a = `export interface A { n: number }\n`;
    const user = `import type { A } from "./a.js";\nexport interface User { a: A }\n`;
    scanInTurn([
      { "a.ts": a, "user.ts": user },
      { "user.ts": user },
      { "a.ts": a, "user.ts": user },
      { "moved/a.ts": a, "user.ts": user.replace("./a.js", "./moved/a.js") },
    ]);
  });
});
