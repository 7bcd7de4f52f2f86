import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { Script } from "node:vm";

/** Set to any non-empty value to load without the cache. */
export const NO_COMPILE_CACHE_VARIABLE = "SCHEMAGATE_NO_COMPILE_CACHE";

type ModuleCompile = (this: ModuleInstance, content: string, filename: string) => unknown;
type ModuleLoad = (module: ModuleInstance & { _compile: ModuleCompile }, filename: string) => void;
interface ModuleInstance {
  exports: unknown;
  require(id: string): unknown;
}

/** Scripts compiled without usable cached code: their cache is written by `saveCompileCache`. */
const unsaved: { script: Script; file: string }[] = [];

/**
 * Runs `load`, which requires CommonJS modules (the 9 MB TypeScript compiler),
 * with V8's code cache: each module's compiled code is read from a cache folder
 * under the OS temp folder, keyed by V8 version, module path, size and mtime.
 * A module whose cache is missing or refused is compiled as usual and its cache
 * is written once, by `saveCompileCache`, so that it also holds the functions
 * the run compiled lazily. A cache hit writes nothing.
 */
export function requireWithCompileCache<T>(load: () => T, folder = defaultFolder()): T {
  if (process.env[NO_COMPILE_CACHE_VARIABLE]) return load();
  const prototype = Module.prototype as unknown as { _compile: ModuleCompile };
  const extensions = (Module as unknown as { _extensions: Record<string, ModuleLoad> })._extensions;
  const original = prototype._compile;
  const originalLoad = extensions[".js"]!;
  // The compiler's 9 MB source is ASCII: read as such, it skips UTF-8 decoding (about 9 ms).
  extensions[".js"] = function (module: ModuleInstance & { _compile: ModuleCompile }, filename: string): void {
    const bytes = readFileSync(filename);
    module._compile(isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8"), filename);
  };
  prototype._compile = function (this: ModuleInstance, content: string, filename: string): unknown {
    const file = cacheFile(folder, filename);
    const cachedData = readCache(file);
    const script = new Script(Module.wrap(withoutHashbang(content)), { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) unsaved.push({ script, file });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    const ownRequire = createRequire(filename);
    const require = Object.assign((id: string) => this.require(id), { resolve: ownRequire.resolve, cache: ownRequire.cache });
    return wrapper.call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  try {
    return load();
  } finally {
    prototype._compile = original;
    extensions[".js"] = originalLoad;
  }
}

/**
 * Writes the cache of every module loaded without one. Called once the compiler
 * has done its work (so the cache includes what it compiled lazily) and before
 * any V8 flag changes, which would make V8 refuse the cache next time.
 */
export function saveCompileCache(): void {
  for (const { script, file } of unsaved.splice(0)) {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, file);
    } catch {
      // A cache that cannot be written only costs the next run its head start.
    }
  }
}

function defaultFolder(): string {
  const user = typeof process.getuid === "function" ? `-${process.getuid()}` : "";
  return path.join(tmpdir(), `schemagate-compile-cache${user}`, `${process.versions.v8}-${process.arch}`);
}

function cacheFile(folder: string, filename: string): string {
  const { size, mtimeMs } = statSync(filename);
  const key = createHash("sha256").update(`${filename}\0${size}\0${mtimeMs}`).digest("hex").slice(0, 32);
  return path.join(folder, `${path.basename(filename)}-${key}.cache`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** `Module.wrap` puts the source inside a function, where a leading `#!` line is a syntax error. */
function withoutHashbang(content: string): string {
  return content.startsWith("#!") ? `//${content.slice(2)}` : content;
}
