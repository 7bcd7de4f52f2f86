import { ts, type TS } from "./typescript.js";
import { createDiagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticName } from "../diagnostics/codes.js";
import type { InputSet, SourceText } from "../input/sources.js";
import type { Declaration, Method } from "../model/types.js";
import { NO_TYPE_PARAMETERS, type ScanContext } from "./context.js";
import { convertDeclarationBody, enumMembers } from "./declaration-body.js";
import { docsOf, leadingJsDoc } from "./jsdoc.js";
import { locationAt, locationOf } from "./location.js";
import { readMarks } from "./markers.js";
import { scanRegistry } from "./registries.js";
import { collectScope } from "./collect.js";
import { syntaxDiagnostics } from "./syntax-diagnostics.js";
import type { DeclarationSite, FileScope } from "./scope.js";

export { saveCompileCache } from "./compile-cache.js";

/** What the scanner found. Experimental reasons may be "" (to be derived by the model stage). */
export interface ScanResult {
  readonly declarations: readonly Declaration[];
  readonly methods: readonly Method[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads protocol definitions from syntax alone: one parse per file, no type
 * checker, no module resolution beyond the input's own relative imports.
 */
export function scanProject(input: InputSet): ScanResult {
  const diagnostics: Diagnostic[] = [];
  const scopes = new Map<string, FileScope>();
  const sourceFiles = input.files.map(
    // Markers and docs are read from comment text, so TypeScript's own JSDoc parse and parent links are skipped.
    (file) =>
      ts.createSourceFile(
        file.path,
        file.text,
        { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
        false,
        ts.ScriptKind.TS,
      ),
  );
  for (const [index, sourceFile] of sourceFiles.entries()) {
    const source = input.files[index]!;
    scopes.set(source.path, emptyScope(source, sourceFile));
  }
  for (const diagnostic of syntaxDiagnostics(sourceFiles)) {
    const sourceFile = diagnostic.file!;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    diagnostics.push(createDiagnostic("syntax-error", message, locationAt(sourceFile, sourceFile.fileName, diagnostic.start ?? 0)));
  }
  const context: ScanContext = {
    scopes,
    expanding: [],
    instances: new Map(),
    expansions: 0,
    report(name: DiagnosticName, message: string, scope: FileScope, at: TS.Node | number) {
      const location =
        typeof at === "number"
          ? locationAt(scope.sourceFile, scope.source.path, at)
          : locationOf(scope.sourceFile, scope.source.path, at);
      diagnostics.push(createDiagnostic(name, message, location));
    },
  };
  const sites = uniqueSites([...scopes.values()].flatMap((scope) => collectScope(scope, context)), context);

  const declarations: Declaration[] = [];
  const methods: Method[] = [];
  for (const site of sites) {
    const node = site.node;
    const doc = leadingJsDoc(site.scope.source.text, node);
    const { marks, problems } = readMarks(doc, node, site.scope.sourceFile, ["experimental", "methods"]);
    for (const problem of problems) context.report("malformed-marker", problem.message, site.scope, problem.offset);
    // A registry whose @methods marker was reported: its direction is unknown, so its entries are not read.
    if (problems.some((problem) => problem.marker === "methods")) continue;
    if (marks.methods) {
      methods.push(...scanRegistry(site, marks.methods, context));
      continue;
    }
    if (!ts.isEnumDeclaration(node) && node.typeParameters?.length) continue; // a template, expanded where used
    const base = {
      id: site.id,
      name: site.name,
      namespace: site.namespace,
      docs: docsOf(doc),
      location: locationOf(site.scope.sourceFile, site.scope.source.path, node.name ?? node),
      ...(marks.experimental ? { experimental: marks.experimental } : {}),
    };
    declarations.push(
      ts.isEnumDeclaration(node)
        ? { ...base, kind: "enum", members: enumMembers(site, context) }
        : { ...base, kind: "alias", type: convertDeclarationBody(site, NO_TYPE_PARAMETERS, context) },
    );
  }
  return { declarations, methods, diagnostics };
}

/** Names are unique within a namespace: later duplicates are reported and dropped. */
function uniqueSites(sites: readonly DeclarationSite[], context: ScanContext): DeclarationSite[] {
  const first = new Map<string, DeclarationSite>();
  const unique: DeclarationSite[] = [];
  for (const site of sites) {
    const previous = first.get(site.id);
    if (previous) {
      const at = locationOf(previous.scope.sourceFile, previous.scope.source.path, previous.node.name ?? previous.node);
      const where = site.namespace.length ? `namespace "${site.namespace.join("/")}"` : "the root namespace";
      context.report("duplicate-name", `"${site.name}" is already declared in ${where} at ${at.file}:${at.line}`, site.scope, site.node.name ?? site.node);
      continue;
    }
    first.set(site.id, site);
    unique.push(site);
  }
  return unique;
}

function emptyScope(source: SourceText, sourceFile: TS.SourceFile): FileScope {
  return {
    source,
    sourceFile,
    declarations: new Map(),
    imports: new Map(),
    starExports: [],
    namedExports: new Map(),
  };
}
