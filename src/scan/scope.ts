import { ts, type TS } from "./typescript.js";
import type { SourceText } from "../input/sources.js";
import type { EnumMember } from "../model/types.js";
import type { ModuleTable } from "./modules.js";

/** A top-level type declaration the scanner can turn into IR. */
export type DeclarationNode = TS.InterfaceDeclaration | TS.TypeAliasDeclaration | TS.EnumDeclaration | TS.ClassDeclaration;

/** A declaration in a file whose syntax tree is held: what conversion works from. */
export interface DeclarationSite {
  readonly name: string;
  readonly id: string;
  readonly namespace: readonly string[];
  readonly node: DeclarationNode;
  readonly scope: FileScope;
}

/**
 * A declaration of a file already converted and released (see `ModuleTable`):
 * all that references from other files still need.
 */
export interface ReleasedDeclaration {
  readonly name: string;
  readonly id: string;
  /** An enum's members, for `Kind.Value` references. */
  readonly enumMembers?: readonly EnumMember[];
}

export type DeclarationEntry = DeclarationSite | ReleasedDeclaration;

export function isSite(entry: DeclarationEntry): entry is DeclarationSite {
  return "node" in entry;
}

export interface ImportBinding {
  /** The name exported by the other module. */
  readonly importedName: string;
  readonly specifier: string;
  /** The input file `specifier` names, resolved once when the file is collected; undefined when it names none. */
  readonly target: string | undefined;
  readonly node: TS.Node;
}

/** What other files see of a file: its declarations and imports, for resolving names. */
export interface ModuleScope {
  readonly source: SourceText;
  readonly declarations: ReadonlyMap<string, DeclarationEntry>;
  readonly imports: Map<string, ImportBinding>;
  /** The input files of `export * from "./x.js"`, and `export { A } from "./x.js"` bindings, for resolving through index files. */
  readonly starExports: string[];
  readonly namedExports: Map<string, ImportBinding>;
  /** `export { A as B }` without `from`, as bundled declaration files end: exported name → local name. */
  readonly localExports: ReadonlyMap<string, string>;
  /** `const` declarations, for `typeof`, computed keys and enum initializers; a file with any keeps its tree. */
  readonly constants?: ReadonlyMap<string, ConstantSite>;
  /** The local name `export default` gives, if any. */
  defaultName?: string;
}

/** A `const` (or `declare const`) with the file it is in. */
export interface ConstantSite {
  readonly name: string;
  readonly node: TS.VariableDeclaration;
  readonly scope: FileScope;
}

/** A file with its syntax tree, being converted (or holding generic declarations other files expand). */
export interface FileScope extends ModuleScope {
  readonly sourceFile: TS.SourceFile;
  readonly declarations: Map<string, DeclarationSite>;
  readonly localExports: Map<string, string>;
  /** Imported names already followed to their declarations: a file names each import many times. */
  readonly imported: Map<string, DeclarationEntry>;
  readonly constants: Map<string, ConstantSite>;
  /** `namespace X { … }` blocks of this scope: each a scope of its own whose declarations are namespaced by `X`. */
  readonly namespaces: Map<string, FileScope>;
  /** The enclosing scope of a namespace block, where names it does not declare are looked up. */
  readonly parent?: FileScope;
}

export function isDeclarationNode(node: TS.Node): node is DeclarationNode {
  return (
    ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node) || ts.isClassDeclaration(node)
  );
}

/** A declaration's type parameters: a generic is a template, expanded where it is used. Enums have none. */
export function typeParametersOf(node: DeclarationNode): readonly TS.TypeParameterDeclaration[] {
  return ts.isEnumDeclaration(node) ? [] : (node.typeParameters ?? []);
}

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../");
}

/**
 * Follows an exported name through re-exports to its declaration.
 * `seen` guards against `export *` cycles.
 */
export function findExport(
  scope: ModuleScope,
  name: string,
  modules: ModuleTable,
  seen: Set<string> = new Set(),
): DeclarationEntry | undefined {
  if (seen.has(scope.source.path)) return undefined;
  seen.add(scope.source.path);
  if (name === "default" && scope.defaultName !== undefined) name = scope.defaultName;
  name = scope.localExports.get(name) ?? name;
  const local = scope.declarations.get(name);
  if (local) return local;
  const named = scope.namedExports.get(name) ?? scope.imports.get(name);
  if (named) {
    return named.target === undefined ? undefined : findExport(modules.scope(named.target), named.importedName, modules, seen);
  }
  for (const target of scope.starExports) {
    const found = findExport(modules.scope(target), name, modules, seen);
    if (found) return found;
  }
  return undefined;
}

/** `findExport` for constants: follows an exported name through re-exports to its `const`. */
export function findExportedConstant(
  scope: ModuleScope,
  name: string,
  modules: ModuleTable,
  seen: Set<string> = new Set(),
): ConstantSite | undefined {
  if (seen.has(scope.source.path)) return undefined;
  seen.add(scope.source.path);
  name = scope.localExports.get(name) ?? name;
  const local = scope.constants?.get(name);
  if (local) return local;
  const named = scope.namedExports.get(name) ?? scope.imports.get(name);
  if (named) {
    return named.target === undefined ? undefined : findExportedConstant(modules.scope(named.target), named.importedName, modules, seen);
  }
  for (const target of scope.starExports) {
    const found = findExportedConstant(modules.scope(target), name, modules, seen);
    if (found) return found;
  }
  return undefined;
}
