import path from "node:path";
import { ts } from "./typescript.js";
import type { SourceText } from "../input/sources.js";
import { enumMembers } from "./declaration-body.js";
import { typeParametersOf, type DeclarationSite, type FileScope, type ModuleScope, type ReleasedDeclaration } from "./scope.js";

/**
 * The input files by path. A file is parsed when first needed: at its turn in
 * input order, or earlier when another file imports from it. Once its own
 * declarations are converted, `release` swaps its scope for one without the
 * syntax tree, keeping what references from other files need (names, ids, enum
 * members). Each tree then dies young rather than being held, and copied by the
 * garbage collector, for the whole scan. A file declaring generics keeps its
 * tree: they are expanded where they are used.
 */
export class ModuleTable {
  readonly #files: ReadonlyMap<string, SourceText>;
  readonly #open: (source: SourceText) => FileScope;
  readonly #scopes = new Map<string, ModuleScope>();
  readonly #onUse: (filePath: string) => void;

  /**
   * `open` parses a file and collects its scope; `onUse` is told of every scope
   * asked for; `released` are scopes of files an earlier scan released, for
   * files this one does not convert (see `ScanCache`).
   */
  constructor(
    files: readonly SourceText[],
    open: (source: SourceText) => FileScope,
    onUse: (filePath: string) => void = () => undefined,
    released: ReadonlyMap<string, ModuleScope> = new Map(),
  ) {
    this.#files = new Map(files.map((file) => [file.path, file]));
    this.#open = open;
    this.#onUse = onUse;
    for (const [filePath, scope] of released) this.#scopes.set(filePath, scope);
  }

  /** The scopes released so far (files without generics, converted): what a later scan may start from. */
  released(): Map<string, ModuleScope> {
    return new Map([...this.#scopes].filter(([, scope]) => !("sourceFile" in scope)));
  }

  /** The input file a relative specifier names (`./x.js`, `./x`, `./x.ts`, `./dir`), if any. */
  resolvePath(fromFile: string, specifier: string): string | undefined {
    const base = path.posix.join(path.posix.dirname(fromFile), specifier);
    const stem = base.replace(/\.(m|c)?(j|t)s$/, "");
    return [`${stem}.ts`, `${stem}.mts`, `${stem}.cts`, `${stem}.d.ts`, `${base}/index.ts`, `${base}/index.d.ts`].find((candidate) => this.#files.has(candidate));
  }

  /** An input file's scope, parsing the file if it was not yet. */
  scope(filePath: string): ModuleScope {
    this.#onUse(filePath);
    return this.#scopes.get(filePath) ?? this.open(filePath);
  }

  /** A file's scope with its syntax tree, for converting its declarations; parsed on first use. */
  open(filePath: string): FileScope {
    this.#onUse(filePath);
    const known = this.#scopes.get(filePath);
    if (known) {
      if (!("sourceFile" in known)) throw new Error(`scan: "${filePath}" was opened after its release`);
      return known as FileScope;
    }
    const source = this.#files.get(filePath);
    if (!source) throw new Error(`scan: "${filePath}" is not an input file`);
    const scope = this.#open(source);
    this.#scopes.set(filePath, scope);
    return scope;
  }

  /** Drops a converted file's syntax tree, unless it declares generics. */
  release(scope: FileScope): void {
    const sites = [...scope.declarations.values()];
    if (sites.some(isTemplate) || scope.constants.size > 0 || scope.namespaces.size > 0) return;
    this.#scopes.set(scope.source.path, {
      source: scope.source,
      declarations: new Map(sites.map((site) => [site.name, released(site)])),
      imports: scope.imports,
      starExports: scope.starExports,
      namedExports: scope.namedExports,
      localExports: scope.localExports,
      ...(scope.defaultName !== undefined ? { defaultName: scope.defaultName } : {}),
    });
  }
}

function isTemplate(site: DeclarationSite): boolean {
  return typeParametersOf(site.node).length > 0;
}

function released(site: DeclarationSite): ReleasedDeclaration {
  const { name, id } = site;
  return ts.isEnumDeclaration(site.node) ? { name, id, enumMembers: enumMembers(site) } : { name, id };
}
