import path from "node:path";
import { ts, type TS } from "./typescript.js";
import type { SourceText } from "../input/sources.js";

/** A top-level type declaration the scanner can turn into IR. */
export type DeclarationNode = TS.InterfaceDeclaration | TS.TypeAliasDeclaration | TS.EnumDeclaration | TS.ClassDeclaration;

export interface DeclarationSite {
  readonly name: string;
  readonly id: string;
  readonly namespace: readonly string[];
  readonly node: DeclarationNode;
  readonly scope: FileScope;
}

export interface ImportBinding {
  /** The name exported by the other module. */
  readonly importedName: string;
  readonly specifier: string;
  readonly node: TS.Node;
}

export interface FileScope {
  readonly source: SourceText;
  readonly sourceFile: TS.SourceFile;
  readonly declarations: Map<string, DeclarationSite>;
  readonly imports: Map<string, ImportBinding>;
  /** `export * from "./x.js"` specifiers and `export { A } from "./x.js"` bindings, for resolving through index files. */
  readonly starExports: string[];
  readonly namedExports: Map<string, ImportBinding>;
}

export function isDeclarationNode(node: TS.Node): node is DeclarationNode {
  return (
    ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node) || ts.isClassDeclaration(node)
  );
}

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../");
}

/** Resolutions by scope set, then by `<from file>\0<specifier>`: every reference through an import asks again. */
const resolutions = new WeakMap<ReadonlyMap<string, FileScope>, Map<string, FileScope | undefined>>();

/** The input file a relative specifier names (`./x.js`, `./x`, `./x.ts`, `./dir`), if any. */
export function resolveModule(
  fromFile: string,
  specifier: string,
  scopes: ReadonlyMap<string, FileScope>,
): FileScope | undefined {
  let known = resolutions.get(scopes);
  if (!known) resolutions.set(scopes, (known = new Map()));
  const key = `${fromFile}\0${specifier}`;
  if (known.has(key)) return known.get(key);
  const scope = resolveModuleUncached(fromFile, specifier, scopes);
  known.set(key, scope);
  return scope;
}

function resolveModuleUncached(fromFile: string, specifier: string, scopes: ReadonlyMap<string, FileScope>): FileScope | undefined {
  const base = path.posix.join(path.posix.dirname(fromFile), specifier);
  const stem = base.replace(/\.(m|c)?(j|t)s$/, "");
  for (const candidate of [`${stem}.ts`, `${stem}.mts`, `${stem}.cts`, `${stem}.d.ts`, `${base}/index.ts`]) {
    const scope = scopes.get(candidate);
    if (scope) return scope;
  }
  return undefined;
}

/**
 * Follows an exported name through re-exports to its declaration.
 * `seen` guards against `export *` cycles.
 */
export function findExport(
  scope: FileScope,
  name: string,
  scopes: ReadonlyMap<string, FileScope>,
  seen: Set<FileScope> = new Set(),
): DeclarationSite | undefined {
  if (seen.has(scope)) return undefined;
  seen.add(scope);
  const local = scope.declarations.get(name);
  if (local) return local;
  const named = scope.namedExports.get(name) ?? scope.imports.get(name);
  if (named) {
    const target = resolveModule(scope.source.path, named.specifier, scopes);
    return target ? findExport(target, named.importedName, scopes, seen) : undefined;
  }
  for (const specifier of scope.starExports) {
    const target = resolveModule(scope.source.path, specifier, scopes);
    const found = target && findExport(target, name, scopes, seen);
    if (found) return found;
  }
  return undefined;
}
