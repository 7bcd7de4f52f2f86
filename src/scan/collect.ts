import { ts, type TS } from "./typescript.js";
import type { ScanContext } from "./context.js";
import { leadingJsDoc } from "./jsdoc.js";
import { markerTags } from "./markers.js";
import { isDeclarationNode, isRelativeSpecifier, type DeclarationSite, type FileScope } from "./scope.js";

/**
 * Fills a file's scope: declarations (in order), imports, re-exports. Runtime
 * statements (functions, constants) are ignored: they describe no message.
 */
export function collectScope(scope: FileScope, context: ScanContext): void {
  collectStatements(scope.sourceFile.statements, scope, context);
}

function collectStatements(statements: readonly TS.Statement[], scope: FileScope, context: ScanContext): void {
  for (const statement of statements) {
    if (isDeclarationNode(statement)) {
      declarationSite(statement, scope, context);
      if (statement.name && hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) scope.defaultName = statement.name.text;
    } else if (ts.isImportDeclaration(statement)) {
      collectImport(statement, scope, context);
    } else if (ts.isExportDeclaration(statement)) {
      collectReExport(statement, scope, context);
    } else if (ts.isVariableStatement(statement)) {
      collectConstants(statement, scope);
      reportMarkersOnStatement(statement, scope, context);
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals && ts.isIdentifier(statement.expression)) {
      scope.defaultName = statement.expression.text; // `export default Thread;`
    } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name) && statement.name.text !== "global") {
      collectNamespace(statement, scope, context);
    } else if (ts.isModuleDeclaration(statement) || ts.isExportAssignment(statement) || ts.isImportEqualsDeclaration(statement)) {
      context.report(
        "unsupported-construct",
        "`declare module \"…\"`, `declare global`, `export =` and `import =` are not supported; use one module per file",
        scope,
        statement,
      );
    } else {
      reportMarkersOnStatement(statement, scope, context);
    }
  }
}

/** A runtime statement (`const`, a function) describes no message: a marker on it would be ignored. */
function reportMarkersOnStatement(statement: TS.Statement, scope: FileScope, context: ScanContext): void {
  const doc = leadingJsDoc(scope.source.text, statement);
  for (const tag of markerTags(doc)) {
    context.report("ineffective-marker", `@${tag.name} on a runtime statement has no effect: only type declarations describe messages`, scope, tag.offset);
  }
}

function declarationSite(node: DeclarationSite["node"], scope: FileScope, context: ScanContext): void {
  if (!node.name) {
    context.report("unsupported-construct", "a declaration needs a name", scope, node);
    return;
  }
  const name = node.name.text;
  const namespace = scope.source.namespace;
  const site: DeclarationSite = { name, id: [...namespace, name].join("."), namespace, node, scope };
  if (scope.declarations.has(name)) {
    context.report("duplicate-name", `"${name}" is declared twice in this file (declaration merging is not supported)`, scope, node.name);
    return;
  }
  scope.declarations.set(name, site);
}

function moduleSpecifier(node: TS.ImportDeclaration | TS.ExportDeclaration): TS.StringLiteral | undefined {
  const specifier = node.moduleSpecifier;
  return specifier && ts.isStringLiteral(specifier) ? specifier : undefined;
}

/**
 * The input file a relative specifier names. It must name one; others (like
 * "schemagate/markers") are fine until a type is used from them.
 */
function resolveSpecifier(specifier: TS.StringLiteral, scope: FileScope, context: ScanContext): string | undefined {
  if (!isRelativeSpecifier(specifier.text)) return undefined;
  const target = context.modules.resolvePath(scope.source.path, specifier.text);
  if (target === undefined) context.report("unresolved-import", `cannot find "${specifier.text}" among the input files`, scope, specifier);
  return target;
}

function collectImport(node: TS.ImportDeclaration, scope: FileScope, context: ScanContext): void {
  const specifier = moduleSpecifier(node);
  if (!specifier) return;
  const target = resolveSpecifier(specifier, scope, context);
  const defaultName = node.importClause?.name;
  if (defaultName) scope.imports.set(defaultName.text, { importedName: "default", specifier: specifier.text, target, node: defaultName });
  const bindings = node.importClause?.namedBindings;
  if (bindings && ts.isNamedImports(bindings)) {
    for (const element of bindings.elements) {
      const importedName = (element.propertyName ?? element.name).text;
      scope.imports.set(element.name.text, { importedName, specifier: specifier.text, target, node: element });
    }
  } else if (bindings && isRelativeSpecifier(specifier.text)) {
    context.report("unsupported-construct", "import the types by name: `import type { A } from \"./a.js\"`", scope, bindings);
  }
}

function collectReExport(node: TS.ExportDeclaration, scope: FileScope, context: ScanContext): void {
  const specifier = moduleSpecifier(node);
  if (!specifier) {
    collectLocalExports(node, scope);
    return;
  }
  const target = resolveSpecifier(specifier, scope, context);
  const clause = node.exportClause;
  if (!clause) {
    if (target !== undefined) scope.starExports.push(target);
  } else if (ts.isNamedExports(clause)) {
    for (const element of clause.elements) {
      const importedName = (element.propertyName ?? element.name).text;
      scope.namedExports.set(element.name.text, { importedName, specifier: specifier.text, target, node: element });
    }
  }
}

/** `export { A2AError as A, Part }`: the names this file's own declarations, constants or imports are exported under. */
function collectLocalExports(node: TS.ExportDeclaration, scope: FileScope): void {
  const clause = node.exportClause;
  if (!clause || !ts.isNamedExports(clause)) return;
  for (const element of clause.elements) {
    const local = element.propertyName ?? element.name;
    if (ts.isIdentifier(local)) scope.localExports.set(element.name.text, local.text);
  }
}

/** `const X = …` and `declare const X: T`: what `typeof X` and `[X]` keys read. `let` and `var` may change, so they are left out. */
function collectConstants(statement: TS.VariableStatement, scope: FileScope): void {
  if ((statement.declarationList.flags & ts.NodeFlags.Const) === 0) return;
  for (const node of statement.declarationList.declarations) {
    if (ts.isIdentifier(node.name)) scope.constants.set(node.name.text, { name: node.name.text, node, scope });
  }
}

function hasModifier(node: TS.Node, kind: TS.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

/**
 * `namespace X { … }` (also `declare namespace`, and `namespace A.B`): its
 * types are declarations in namespace `X`, like a folder's; names it does not
 * declare are looked up around it. Blocks of one name share one scope.
 */
function collectNamespace(node: TS.ModuleDeclaration, scope: FileScope, context: ScanContext): void {
  const name = (node.name as TS.Identifier).text;
  let inner = scope.namespaces.get(name);
  if (!inner) {
    inner = {
      source: { ...scope.source, namespace: [...scope.source.namespace, name] },
      sourceFile: scope.sourceFile,
      declarations: new Map(),
      imports: scope.imports,
      starExports: [],
      namedExports: new Map(),
      localExports: new Map(),
      imported: new Map(),
      constants: new Map(),
      namespaces: new Map(),
      parent: scope,
    };
    scope.namespaces.set(name, inner);
  }
  const body = node.body;
  if (body && ts.isModuleDeclaration(body)) collectNamespace(body, inner, context);
  else if (body && ts.isModuleBlock(body)) collectStatements(body.statements, inner, context);
}
