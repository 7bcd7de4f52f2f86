import type { Declaration, Model } from "../../model/types.js";
import { sortedByPath } from "../../output/serialize.js";
import { LayoutMemo } from "../layout.js";
import { declarationLookup, recordingLookup, type DeclarationLookup, type ModelLookup } from "../lookup.js";
import { listNamespaces, namespaceKey, namespaceNames } from "../namespaces.js";
import { isEmptyObjectAlias, renderDeclarationFile } from "./declaration-file.js";
import { toIdentifier } from "./identifiers.js";
import { renderIndexFile } from "./index-file.js";
import { declarationFile, namespaceIndexFile } from "./paths.js";

export interface TypeScriptOptions {
  /** Named in every file's header. */
  readonly regenerateCommand: string;
  /** Shared by the emissions of one run (both audiences), so a declaration both see alike is rendered once. */
  readonly cache?: TypeScriptCache;
}

/**
 * Declaration files of one emission, reused by the next emission of the same
 * run (and by the next run of `watch`, which then finds the very same strings).
 * A declaration object the filter left untouched is the same object in both
 * audiences; its body is reused when every declaration it looked up still
 * answers `isEmptyObjectAlias` alike (imports depend only on ids, which carry
 * name and namespace).
 */
export class TypeScriptCache {
  readonly #bodies = new WeakMap<Declaration, RenderedBody>();

  /** The file's text: `header` and the body, the same string as last time when both are unchanged. */
  file(declaration: Declaration, lookup: ModelLookup, header: string, render: (lookup: DeclarationLookup) => string): string {
    let known = this.#bodies.get(declaration);
    if (!known || !known.looked.every((target) => sameEmptiness(lookup.find(target.id), target))) {
      const { lookup: recording, looked } = recordingLookup(lookup);
      known = { body: render(recording), looked, files: new Map() };
      this.#bodies.set(declaration, known);
    }
    let text = known.files.get(header);
    if (text === undefined) known.files.set(header, (text = header + known.body));
    return text;
  }
}

interface RenderedBody {
  readonly body: string;
  readonly looked: readonly Declaration[];
  /** The whole file by header (each audience names its own command). */
  readonly files: Map<string, string>;
}

function sameEmptiness(target: Declaration | undefined, before: Declaration): boolean {
  return target !== undefined && (target === before || isEmptyObjectAlias(target) === isEmptyObjectAlias(before));
}

/**
 * TypeScript for every declaration of an (already filtered) model: one file per
 * declaration at `<namespace folders>/<Name>.ts` and an `index.ts` per namespace
 * folder. Paths are POSIX, relative to the output folder; the map is sorted by path.
 */
export function emitTypeScript(model: Model, options: TypeScriptOptions): Map<string, string> {
  const header = `// GENERATED CODE! DO NOT MODIFY BY HAND!\n// Regenerate with: ${options.regenerateCommand}\n\n`;
  const lookup = declarationLookup(model);
  const { cache } = options;
  const files = new Map<string, string>();
  for (const file of LAYOUTS.get(model.declarations).files) {
    if (file.index !== undefined) {
      files.set(file.path, file.index.withHeader(header));
      continue;
    }
    const declaration = model.declarations[file.declaration]!;
    const text = cache
      ? cache.file(declaration, lookup, header, (recording) => renderDeclarationFile(declaration, recording))
      : header + renderDeclarationFile(declaration, lookup);
    files.set(file.path, text);
  }
  return files;
}

/** Where each file goes, in path order, and the index files' text: all of it follows from names and namespaces alone. */
interface TypeScriptLayout {
  readonly files: readonly LaidOutFile[];
}

type LaidOutFile =
  | { readonly path: string; readonly index: IndexText; readonly declaration?: undefined }
  | { readonly path: string; readonly index?: undefined; readonly declaration: number };

/** An index file's text, with each header it was asked with. */
class IndexText {
  readonly #withHeader = new Map<string, string>();
  constructor(readonly body: string) {}

  withHeader(header: string): string {
    let text = this.#withHeader.get(header);
    if (text === undefined) this.#withHeader.set(header, (text = header + this.body));
    return text;
  }
}

const LAYOUTS = new LayoutMemo(layTypeScriptFiles);

function layTypeScriptFiles(declarations: readonly Declaration[]): TypeScriptLayout {
  const model = { declarations, methods: [] };
  const files = new Map<string, LaidOutFile>();
  const add = (file: LaidOutFile): void => {
    if (files.has(file.path)) throw new Error(`emit: two TypeScript files at ${file.path} (a declaration named "index"?)`);
    files.set(file.path, file);
  };
  const namespaces = listNamespaces(model);
  const exportNames = namespaceNames(model, toIdentifier);
  const byNamespace = new Map<string, Declaration[]>();
  for (const declaration of declarations) {
    const key = namespaceKey(declaration.namespace);
    const own = byNamespace.get(key);
    if (own) own.push(declaration);
    else byNamespace.set(key, [declaration]);
  }
  for (const namespace of namespaces) {
    const own = byNamespace.get(namespaceKey(namespace)) ?? [];
    add({ path: namespaceIndexFile(namespace), index: new IndexText(renderIndexFile(namespace, own, namespaces, exportNames)) });
  }
  declarations.forEach((declaration, index) => add({ path: declarationFile(declaration), declaration: index }));
  return { files: [...sortedByPath(files).values()] };
}
