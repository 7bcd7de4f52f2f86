import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceText } from "../input/sources.js";
import type { TS } from "./typescript.js";

/** One file's syntax tree and the diagnostics its parse gave. */
export interface ParsedFile {
  readonly text: string;
  readonly sourceFile: TS.SourceFile;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Syntax trees kept from one scan to the next (`watch`), by path: a file whose
 * text is what was parsed before is not parsed again. Conversion reads trees
 * and never changes them, so a kept tree converts as a fresh one would.
 */
export class ParseCache {
  readonly #files = new Map<string, ParsedFile>();

  /** The parse of `source`: the kept one when the text is unchanged, else `parse`'s, kept for next time. */
  parse(source: SourceText, parse: (source: SourceText) => ParsedFile): ParsedFile {
    const known = this.#files.get(source.path);
    if (known && known.text === source.text) return known;
    const parsed = parse(source);
    this.#files.set(source.path, parsed);
    return parsed;
  }

  /** Forgets the files that are no longer input. */
  retainOnly(paths: ReadonlySet<string>): void {
    for (const path of this.#files.keys()) if (!paths.has(path)) this.#files.delete(path);
  }

  get size(): number {
    return this.#files.size;
  }
}
