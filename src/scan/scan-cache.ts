import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { InputSet, SourceText } from "../input/sources.js";
import type { Declaration, Method, SourceLocation } from "../model/types.js";
import type { ModuleScope } from "./scope.js";
import type { TS } from "./typescript.js";

/** One file's syntax tree and the diagnostics its parse gave. */
export interface ParsedFile {
  readonly text: string;
  readonly sourceFile: TS.SourceFile;
  readonly diagnostics: readonly Diagnostic[];
}

/** What converting one file's own declarations gave, and what it depended on. */
export interface ConvertedFile {
  readonly declarations: readonly Declaration[];
  readonly methods: readonly Method[];
  /** The ids this file declared first, in order, for telling later duplicates. */
  readonly firstIds: readonly (readonly [string, SourceLocation])[];
  /** The input files whose scopes the conversion looked into (the file itself included). */
  readonly used: ReadonlySet<string>;
  /** Whether it expanded or reused a generic instance: such results depend on what other files expanded first. */
  readonly generic: boolean;
}

/**
 * What one scan keeps for the next (`watch`), by path.
 *
 * Syntax trees are kept for one scan only (a file whose names are compared
 * is not parsed again to be converted): held between scans they would be most
 * of the memory `watch` keeps, and with conversions reused few files are
 * parsed at all.
 *
 * Conversions: a file's declarations and methods are taken as they were when
 * nothing they can depend on changed: the previous scan gave no diagnostics
 * at all (so none was deduplicated across files or cut short by a limit), the
 * input holds the same paths (imports resolve alike), the file's text and the
 * text of every file whose scope its conversion looked into are unchanged,
 * the files whose text changed declare the same names (so duplicates are
 * decided alike), and it touched no generic instance. Anything else is
 * converted again.
 */
export class ScanCache {
  readonly #parsed = new Map<string, ParsedFile>();
  #converted = new Map<string, ConvertedFile>();
  /** The texts of the previous scan's input, when it gave no diagnostics. */
  #previous: { readonly paths: string; readonly texts: ReadonlyMap<string, string> } | undefined;
  /** Each file's top-level names, as of the previous scan without diagnostics. */
  readonly #names = new Map<string, string>();
  /** Released scopes (names, ids, enum members, imports: no syntax tree) of the previous scan. */
  #scopes = new Map<string, ModuleScope>();

  /** The parse of `source`: the one made earlier in this scan, else `parse`'s. */
  parse(source: SourceText, parse: (source: SourceText) => ParsedFile): ParsedFile {
    const known = this.#parsed.get(source.path);
    if (known && known.text === source.text) return known;
    const parsed = parse(source);
    this.#parsed.set(source.path, parsed);
    return parsed;
  }

  /**
   * For a scan of `input`: the files whose previous conversion still holds,
   * and their released scopes (what files converted again look up in them; a
   * scope depends only on its file's text and the input's paths).
   * `declaredNames` gives a file's top-level names (from its syntax tree).
   */
  reusable(input: InputSet, declaredNames: (source: SourceText) => string): Reusable {
    const none = { conversions: new Map(), scopes: new Map() };
    const previous = this.#previous;
    if (previous === undefined || previous.paths !== pathsOf(input)) return none;
    const changed = new Set<string>();
    for (const source of input.files) {
      if (previous.texts.get(source.path) === source.text) continue;
      changed.add(source.path);
      // New names can take an id an unchanged file declared: then who is the duplicate is decided afresh everywhere.
      if (declaredNames(source) !== this.#names.get(source.path)) return none;
    }
    const conversions = new Map<string, ConvertedFile>();
    const scopes = new Map<string, ModuleScope>();
    for (const [path, converted] of this.#converted) {
      if (converted.generic || [...converted.used].some((used) => changed.has(used))) continue;
      conversions.set(path, converted);
      const scope = this.#scopes.get(path);
      if (scope) scopes.set(path, scope);
    }
    return { conversions, scopes };
  }

  /** Records a scan: its conversions, and whether the next one may reuse them (only after a scan without diagnostics). */
  finish(
    input: InputSet,
    converted: Map<string, ConvertedFile>,
    scopes: Map<string, ModuleScope>,
    clean: boolean,
    declaredNames: (source: SourceText) => string,
  ): void {
    const paths = new Set(input.files.map((file) => file.path));
    this.#converted = converted;
    this.#scopes = scopes;
    const previous = this.#previous;
    if (!clean) {
      this.#previous = undefined;
      this.#names.clear();
      this.#parsed.clear();
      return;
    }
    for (const path of this.#names.keys()) if (!paths.has(path)) this.#names.delete(path);
    for (const source of input.files) {
      if (previous?.texts.get(source.path) !== source.text || !this.#names.has(source.path)) this.#names.set(source.path, declaredNames(source));
    }
    this.#previous = { paths: pathsOf(input), texts: new Map(input.files.map((file) => [file.path, file.text])) };
    this.#parsed.clear();
  }
}

export interface Reusable {
  readonly conversions: ReadonlyMap<string, ConvertedFile>;
  readonly scopes: ReadonlyMap<string, ModuleScope>;
}

function pathsOf(input: InputSet): string {
  return input.files.map((file) => file.path).join("\n");
}
