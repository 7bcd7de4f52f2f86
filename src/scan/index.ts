import { ts, type TS } from "./typescript.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticName } from "../diagnostics/codes.js";
import type { InputSet, SourceText } from "../input/sources.js";
import type { Declaration, Method, SourceLocation, TypeNode } from "../model/types.js";
import { ERROR_TYPE, NO_TYPE_PARAMETERS, type ScanContext } from "./context.js";
import { convertDeclarationBody, enumMembers } from "./declaration-body.js";
import { docsOf, leadingJsDoc } from "./jsdoc.js";
import { lineStartsOf, locationAmong, locationAt, locationOf } from "./location.js";
import { deepestBracket, MAX_NESTING, NESTING_FIX, PARSER_STACK_MESSAGE, tooDeep } from "./nesting.js";
import { readMarks } from "./markers.js";
import { scanRegistry } from "./registries.js";
import { collectScope } from "./collect.js";
import { syntaxDiagnostics } from "./syntax-diagnostics.js";
import { ModuleTable } from "./modules.js";
import { RecursiveInstances } from "./recursive-instances.js";
import type { ConvertedFile, ParsedFile, ScanCache } from "./scan-cache.js";
import { findExport, typeParametersOf, type DeclarationSite, type FileScope, type ModuleScope } from "./scope.js";

export { saveCompileCache } from "./compile-cache.js";
export { ScanCache } from "./scan-cache.js";

/** What the scanner found. Experimental reasons may be "" (to be derived by the model stage). */
export interface ScanResult {
  readonly declarations: readonly Declaration[];
  readonly methods: readonly Method[];
  readonly diagnostics: readonly Diagnostic[];
  /** For a one-file input: the ids of the declarations it declares or re-exports, the roots of the model. */
  readonly entryIds?: ReadonlySet<string>;
}

/**
 * Reads protocol definitions from syntax alone: one parse per file, no type
 * checker, no module resolution beyond the input's own relative imports. Files
 * are converted in input order, each released once done (see `ModuleTable`).
 * With a `ScanCache`, files whose text it already parsed are not parsed again,
 * and files whose conversion cannot have changed are not converted again.
 */
export function scanProject(input: InputSet, cache?: ScanCache): ScanResult {
  const diagnostics: Diagnostic[] = [];
  // A generic template is converted once per instance: its problems are reported once.
  const reported = new Set<string>();
  // What the file being converted looks into, for the cache.
  let used = new Set<string>();
  let generic = false;
  const reusable = cache?.reusable(input, namesIn(cache)) ?? { conversions: new Map<string, ConvertedFile>(), scopes: new Map() };
  const context: ScanContext = {
    modules: new ModuleTable(
      input.files,
      (source) => openFile(source, context, diagnostics, cache),
      (path) => used.add(path),
      reusable.scopes,
    ),
    expanding: [],
    instances: new InstanceTable(() => (generic = true)),
    recursive: new RecursiveInstances(),
    expansions: 0,
    constantTypes: new Map(),
    report(name: DiagnosticName, message: string, scope: FileScope, at: TS.Node | number) {
      const location =
        typeof at === "number"
          ? locationAt(scope.sourceFile, scope.source.path, at)
          : locationOf(scope.sourceFile, scope.source.path, at);
      const key = `${location.file}:${location.line}:${location.column} ${name} ${message}`;
      if (reported.has(key)) return;
      reported.add(key);
      diagnostics.push(createDiagnostic(name, message, location));
    },
  };
  const converted = new Map<string, ConvertedFile>();
  const found: Found = { declarations: [], methods: [], firstById: new Map() };
  for (const { path } of input.files) {
    const known = reusable.conversions.get(path);
    if (known) {
      found.declarations.push(...known.declarations);
      found.methods.push(...known.methods);
      for (const [id, location] of known.firstIds) if (!found.firstById.has(id)) found.firstById.set(id, location);
      converted.set(path, known);
      continue;
    }
    const start = { declarations: found.declarations.length, methods: found.methods.length };
    const firstIds: [string, SourceLocation][] = [];
    used = new Set([path]);
    generic = false;
    const scope = context.modules.open(path);
    scanScope(scope, found, context, firstIds);
    // A recursive instance finished while converting this file is declared with it.
    found.declarations.push(...context.recursive.takeDeclared());
    context.modules.release(scope);
    converted.set(path, {
      declarations: found.declarations.slice(start.declarations),
      methods: found.methods.slice(start.methods),
      firstIds,
      used,
      generic,
    });
  }
  if (context.recursive.size > 0) nameRecursiveInstances(context.recursive, found, converted);
  const declarations = found.declarations.map((declaration) => withinNestingLimit(declaration, diagnostics));
  cache?.finish(input, converted, context.modules.released(), diagnostics.length === 0, namesIn(cache));
  const result = { declarations, methods: found.methods, diagnostics };
  return input.entry === undefined ? result : { ...result, entryIds: exportedIds(context.modules.scope(input.entry), context.modules) };
}

/**
 * Gives recursive generic instances their names, now that every declared id
 * is known, in the declarations and methods of the files that used generics
 * (only those can refer to an instance).
 */
function nameRecursiveInstances(recursive: RecursiveInstances, found: Found, converted: Map<string, ConvertedFile>): void {
  const renamer = recursive.finish(found.firstById.keys());
  const declarations = new Map<Declaration, Declaration>();
  const methods = new Map<Method, Method>();
  for (const [path, file] of converted) {
    if (!file.generic) continue;
    const renamed = {
      ...file,
      declarations: file.declarations.map((declaration) => {
        const named = renamer.declaration(declaration);
        declarations.set(declaration, named);
        return named;
      }),
      methods: file.methods.map((method) => {
        const named = renamer.method(method);
        methods.set(method, named);
        return named;
      }),
    };
    converted.set(path, renamed);
  }
  found.declarations.forEach((declaration, index) => (found.declarations[index] = declarations.get(declaration) ?? declaration));
  found.methods.forEach((method, index) => (found.methods[index] = methods.get(method) ?? method));
}

/** A file's (or namespace block's) declarations, then those of its namespace blocks; `firstIds` gets the ids this scope was first to declare. */
function scanScope(scope: FileScope, found: Found, context: ScanContext, firstIds: [string, SourceLocation][]): void {
  for (const site of scope.declarations.values()) {
    const before = found.firstById.size;
    scanDeclaration(site, found, context);
    if (found.firstById.size > before) firstIds.push([site.id, found.firstById.get(site.id)!]);
  }
  for (const inner of scope.namespaces.values()) scanScope(inner, found, context, firstIds);
}

/** Generic instances of one scan; `onUse` is told whenever one is looked up or added. */
class InstanceTable extends Map<string, TypeNode> {
  constructor(private readonly onUse: () => void) {
    super();
  }

  override get(key: string): TypeNode | undefined {
    this.onUse();
    return super.get(key);
  }

  override set(key: string, value: TypeNode): this {
    this.onUse();
    return super.set(key, value);
  }
}

/** A file's top-level names, from the syntax tree the cache keeps for this scan. */
function namesIn(cache: ScanCache): (source: SourceText) => string {
  return (source) => declaredNames(cache.parse(source, parseWithDiagnostics).sourceFile);
}

/** The names a file declares at its top level, as one string to compare. */
function declaredNames(sourceFile: TS.SourceFile): string {
  const names: string[] = [];
  for (const statement of sourceFile.statements) {
    const name = (statement as { name?: TS.Node }).name;
    names.push(name && ts.isIdentifier(name) ? name.text : "");
  }
  return names.join(",");
}

interface Found {
  readonly declarations: Declaration[];
  readonly methods: Method[];
  /** Where each id was first declared, for reporting later duplicates. */
  readonly firstById: Map<string, SourceLocation>;
}

/** One top-level declaration: a registry's methods, a declaration, or nothing (a duplicate, or a generic template). */
function scanDeclaration(site: DeclarationSite, found: Found, context: ScanContext): void {
  const { node, scope } = site;
  const location = locationOf(scope.sourceFile, scope.source.path, node.name ?? node);
  if (isDuplicate(site, location, found.firstById, context)) return;
  const doc = leadingJsDoc(scope.source.text, node);
  const { marks, problems } = readMarks(doc, node, scope.sourceFile, ["experimental", "methods"]);
  for (const problem of problems) context.report("malformed-marker", problem.message, scope, problem.offset);
  // A registry whose @methods marker was reported: its direction is unknown, so its entries are not read.
  if (problems.some((problem) => problem.marker === "methods")) return;
  if (marks.methods) {
    found.methods.push(...scanRegistry(site, marks.methods, context));
    return;
  }
  if (typeParametersOf(node).length > 0) {
    // A template, expanded where used: its instances are not declarations, so a marker on it marks nothing.
    if (marks.experimental) {
      const message = `@experimental on a generic declaration has no effect: it is expanded where used; mark the fields or declarations that use "${site.name}"`;
      context.report("ineffective-marker", message, scope, doc.tags.find((tag) => tag.name === "experimental")?.offset ?? node);
    }
    return;
  }
  const base = {
    id: site.id,
    name: site.name,
    namespace: site.namespace,
    docs: docsOf(doc),
    location,
    ...(marks.experimental ? { experimental: marks.experimental } : {}),
  };
  found.declarations.push(
    ts.isEnumDeclaration(node)
      ? { ...base, kind: "enum", members: enumMembers(site, context) }
      : { ...base, kind: "alias", type: convertWithinStack(site, context) },
  );
}

/** Parses one file (or takes its kept parse), reports its syntax errors and collects its scope. */
function openFile(source: SourceText, context: ScanContext, diagnostics: Diagnostic[], cache?: ScanCache): FileScope {
  const { sourceFile, diagnostics: found } = cache ? cache.parse(source, parseWithDiagnostics) : parseWithDiagnostics(source);
  diagnostics.push(...found);
  const scope: FileScope = {
    source,
    sourceFile,
    declarations: new Map(),
    imports: new Map(),
    starExports: [],
    namedExports: new Map(),
    localExports: new Map(),
    imported: new Map(),
    constants: new Map(),
    namespaces: new Map(),
  };
  collectScope(scope, context);
  return scope;
}

function parseWithDiagnostics(source: SourceText): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  // Markers and docs are read from comment text, so TypeScript's own JSDoc parse and parent links are skipped.
  const sourceFile = parseFile(source, diagnostics);
  for (const diagnostic of syntaxDiagnostics([sourceFile])) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    diagnostics.push(createDiagnostic("syntax-error", message, locationAt(sourceFile, source.path, diagnostic.start ?? 0)));
  }
  return { text: source.text, sourceFile, diagnostics };
}

/**
 * The file's syntax tree. The parser reads nested types by recursion; when it
 * runs out of stack, the file is reported at its deepest nesting and read as empty.
 */
function parseFile(source: SourceText, diagnostics: Diagnostic[]): TS.SourceFile {
  const parse = (text: string) =>
    ts.createSourceFile(
      source.path,
      text,
      { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
      false,
      ts.ScriptKind.TS,
    );
  try {
    return parse(source.text);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const location = locationAmong(lineStartsOf(source.text), source.path, deepestBracket(source.text));
    diagnostics.push(createDiagnostic("nesting-limit", PARSER_STACK_MESSAGE, location));
    return parse("");
  }
}

/**
 * The declaration's type. Types are converted by recursion, like the parser
 * reads them; one nested hundreds of levels deeper than MAX_NESTING (so deep
 * that the stack runs out, as with thousands of `[]`) is reported at the declaration.
 */
function convertWithinStack(site: DeclarationSite, context: ScanContext): TypeNode {
  try {
    return convertDeclarationBody(site, NO_TYPE_PARAMETERS, context);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    context.report("nesting-limit", `"${site.name}" nests far more than ${MAX_NESTING} levels deep${NESTING_FIX}`, site.scope, site.node.name ?? site.node);
    return ERROR_TYPE;
  }
}

/** Declarations already measured and found within the limit: a file `watch` did not scan again hands back the same objects. */
const withinLimit = new WeakSet<Declaration>();

/** A declaration nesting deeper than MAX_NESTING is reported and stands for nothing, so no later stage meets it. */
function withinNestingLimit(declaration: Declaration, diagnostics: Diagnostic[]): Declaration {
  if (declaration.kind !== "alias" || withinLimit.has(declaration)) return declaration;
  const problem = tooDeep(declaration.name, declaration.type, declaration.location);
  if (!problem) {
    withinLimit.add(declaration);
    return declaration;
  }
  diagnostics.push(createDiagnostic("nesting-limit", problem.message, problem.location));
  return { ...declaration, type: ERROR_TYPE };
}

/**
 * Names are unique within a namespace: a declaration whose id an earlier one
 * (in input order) took is reported and dropped.
 */
function isDuplicate(site: DeclarationSite, location: SourceLocation, firstById: Map<string, SourceLocation>, context: ScanContext): boolean {
  const previous = firstById.get(site.id);
  if (!previous) {
    firstById.set(site.id, location);
    return false;
  }
  const where = site.namespace.length ? `namespace "${site.namespace.join("/")}"` : "the root namespace";
  context.report("duplicate-name", `"${site.name}" is already declared in ${where} at ${previous.file}:${previous.line}`, site.scope, site.node.name ?? site.node);
  return true;
}

/** What a module declares and re-exports (`export *`, `export { A as B } from`, `export { A as B }` of an import), as declaration ids. */
function exportedIds(scope: ModuleScope, modules: ModuleTable, seen: Set<string> = new Set()): Set<string> {
  const ids = new Set<string>();
  if (seen.has(scope.source.path)) return ids;
  seen.add(scope.source.path);
  for (const entry of scope.declarations.values()) ids.add(entry.id);
  for (const name of [...scope.namedExports.keys(), ...scope.localExports.keys()]) {
    const found = findExport(scope, name, modules);
    if (found) ids.add(found.id);
  }
  for (const target of scope.starExports) for (const id of exportedIds(modules.scope(target), modules, seen)) ids.add(id);
  return ids;
}
