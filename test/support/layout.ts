import type { AudienceArtifacts } from "./artifacts.js";
import type { SchemaObject } from "./json-schema.js";

/**
 * Which declarations and namespace folders an emitted audience holds, read from
 * its TypeScript tree (one file per declaration, one folder per namespace).
 * JSON `definitions` nest namespaces by key, and a namespace may be called
 * `items` or `type`, so a bundle alone cannot tell a namespace from a schema:
 * the folders can.
 */
export interface Layout {
  /** Namespace folders as POSIX paths ("v2", "v2/items"). */
  readonly folders: ReadonlySet<string>;
  /** Declarations as POSIX paths without extension ("RequestId", "v2/Thread"). */
  readonly declarations: ReadonlySet<string>;
  /** The name a folder is exported under by its parent's index.ts (`export type * as v2`). */
  readonly exportNames: ReadonlyMap<string, string>;
}

export function layoutOf(tree: AudienceArtifacts): Layout {
  const folders = new Set<string>();
  const declarations = new Set<string>();
  const exportNames = new Map<string, string>();
  for (const [file, text] of tree.typescript) {
    const segments = file.split("/");
    const base = segments.pop()!;
    for (let depth = 1; depth <= segments.length; depth++) folders.add(segments.slice(0, depth).join("/"));
    if (base !== "index.ts") {
      declarations.add([...segments, base.replace(/\.ts$/, "")].join("/"));
      continue;
    }
    for (const match of text.matchAll(/^export type \* as (\S+) from "\.\/(.+)\/index\.js";$/gm)) {
      exportNames.set([...segments, match[2]!].join("/"), match[1]!);
    }
  }
  return { folders, declarations, exportNames };
}

export interface Definition {
  /** Declaration id: folder segments and name joined by "." ("v2.Thread"). */
  readonly id: string;
  /** Keys under `definitions` ("v2", "Thread"); a namespace key may carry "_ns" suffixes. */
  readonly path: readonly string[];
  readonly schema: SchemaObject;
}

/** The keyword a bundle keeps its definitions under: `definitions` (draft-07) or `$defs` (2020-12). */
export function definitionsKeyword(bundle: SchemaObject): "definitions" | "$defs" {
  return Object.hasOwn(bundle, "$defs") ? "$defs" : "definitions";
}

/** Every definition of a bundle, namespaces walked into, in document order. */
export function listDefinitions(bundle: SchemaObject, layout: Layout): Definition[] {
  const found: Definition[] = [];
  const walk = (definitions: SchemaObject, folder: readonly string[], path: readonly string[]) => {
    for (const [key, node] of Object.entries(definitions)) {
      const namespace = folderOfKey(layout, folder, key);
      if (namespace) walk(node as SchemaObject, namespace, [...path, key]);
      else found.push({ id: [...folder, key].join("."), path: [...path, key], schema: node as SchemaObject });
    }
  };
  walk((bundle.definitions ?? bundle.$defs ?? {}) as SchemaObject, [], []);
  return found;
}

/**
 * The folder a `definitions` key stands for, or undefined when it names a
 * declaration. A namespace named like a declaration of its parent is keyed
 * with "_ns" appended until unique (design), so suffixes are peeled off.
 */
function folderOfKey(layout: Layout, parent: readonly string[], key: string): string[] | undefined {
  for (let candidate = key; ; candidate = candidate.slice(0, -"_ns".length)) {
    const folder = [...parent, candidate].join("/");
    const renamed = candidate !== key;
    if (layout.folders.has(folder) && (renamed || !layout.declarations.has(folder))) return [...parent, candidate];
    if (!candidate.endsWith("_ns")) return undefined;
  }
}

/** The definition of declaration `id` ("v2.Thread") in a bundle, or undefined. */
export function definitionOf(bundle: SchemaObject, layout: Layout, id: string): Definition | undefined {
  const segments = id.split(".");
  const name = segments.pop()!;
  const path: string[] = [];
  let node: unknown = bundle.definitions ?? bundle.$defs;
  for (let depth = 0; depth < segments.length; depth++) {
    let key = segments[depth]!;
    while (layout.declarations.has([...segments.slice(0, depth), key].join("/"))) key += "_ns";
    node = childOf(node, key);
    path.push(key);
  }
  const schema = childOf(node, name);
  if (schema === undefined || folderOfKey(layout, segments, name)) return undefined;
  return { id, path: [...path, name], schema: schema as SchemaObject };
}

function childOf(node: unknown, key: string): unknown {
  return node !== null && typeof node === "object" && Object.hasOwn(node, key) ? (node as SchemaObject)[key] : undefined;
}

/** `Emitted.v2.Thread` for id "v2.Thread", with namespaces as the index files export them. */
export function typeScriptAccess(layout: Layout, id: string, module: string): string {
  const segments = id.split(".");
  const name = segments.pop()!;
  const access = [module];
  for (let depth = 1; depth <= segments.length; depth++) {
    const folder = segments.slice(0, depth).join("/");
    access.push(layout.exportNames.get(folder) ?? segments[depth - 1]!);
  }
  return [...access, name].join(".");
}
