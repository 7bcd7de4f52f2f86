import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NO_COMPILE_CACHE_VARIABLE, requireWithCompileCache, saveCompileCache } from "../../src/scan/compile-cache.js";

const folders: string[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe("requireWithCompileCache", () => {
  it("loads ASCII and non-ASCII modules with their text intact, cached or not", async () => {
    vi.stubEnv(NO_COMPILE_CACHE_VARIABLE, ""); // the test run turns the cache off
    const folder = await mkdtemp(path.join(tmpdir(), "schemagate-cache-test-"));
    folders.push(folder);
    await writeFile(path.join(folder, "ascii.cjs"), `module.exports = "plain text";\n`);
    await writeFile(path.join(folder, "wide.cjs"), `module.exports = "h\u00e9llo \u2713 \u{1F600}";\n`);
    const cache = path.join(folder, "cache");
    for (let run = 0; run < 2; run++) {
      const require = createRequire(path.join(folder, "index.cjs"));
      for (const name of ["./ascii.cjs", "./wide.cjs"]) delete require.cache[require.resolve(name)];
      const loaded = requireWithCompileCache(() => [require("./ascii.cjs"), require("./wide.cjs")], cache);
      expect(loaded).toEqual(["plain text", "h\u00e9llo \u2713 \u{1F600}"]);
      saveCompileCache();
      expect((await readdir(cache)).filter((name) => name.endsWith(".cache"))).toHaveLength(2);
    }
  });
});
