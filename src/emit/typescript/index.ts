import type { Model } from "../../model/types.js";
import { compareStrings } from "../../diagnostics/diagnostic.js";
import { declarationLookup } from "../lookup.js";
import { listNamespaces, namespaceKey, namespaceNames } from "../namespaces.js";
import { renderDeclarationFile } from "./declaration-file.js";
import { toIdentifier } from "./identifiers.js";
import { renderIndexFile } from "./index-file.js";
import { declarationFile, namespaceIndexFile } from "./paths.js";

export interface TypeScriptOptions {
  /** Named in every file's header. */
  readonly regenerateCommand: string;
}

/**
 * TypeScript for every declaration of an (already filtered) model: one file per
 * declaration at `<namespace folders>/<Name>.ts` and an `index.ts` per namespace
 * folder. Paths are POSIX, relative to the output folder; the map is sorted by path.
 */
export function emitTypeScript(model: Model, options: TypeScriptOptions): Map<string, string> {
  const header = `// GENERATED CODE! DO NOT MODIFY BY HAND!\n// Regenerate with: ${options.regenerateCommand}\n\n`;
  const lookup = declarationLookup(model);
  const files = new Map<string, string>();
  const add = (path: string, body: string): void => {
    if (files.has(path)) throw new Error(`emit: two TypeScript files at ${path} (a declaration named "index"?)`);
    files.set(path, header + body);
  };

  const namespaces = listNamespaces(model);
  const exportNames = namespaceNames(model, toIdentifier);
  for (const namespace of namespaces) {
    const key = namespaceKey(namespace);
    const declarations = model.declarations.filter((declaration) => namespaceKey(declaration.namespace) === key);
    add(namespaceIndexFile(namespace), renderIndexFile(namespace, declarations, namespaces, exportNames));
  }
  for (const declaration of model.declarations) {
    add(declarationFile(declaration), renderDeclarationFile(declaration, lookup));
  }
  return new Map([...files].sort(([a], [b]) => compareStrings(a, b)));
}
