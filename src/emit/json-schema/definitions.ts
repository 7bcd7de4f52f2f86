import type { Model } from "../../model/types.js";
import { JsonKeys, JsonRecord } from "../../output/serialize.js";
import type { DeclarationLookup } from "../lookup.js";
import { namespaceKey, namespaceNames } from "../namespaces.js";
import type { Definitions, JsonSchema } from "./schema.js";

/** Where a declaration sits under `definitions`, as a list of keys. */
export type DefinitionPath = readonly string[];

/**
 * The nested layout shared by the bundle and the per-type files: a declaration's
 * namespace segments, then its name (`definitions.v2.Thread`). A namespace named
 * like a declaration of its parent becomes `<segment>_ns` (see `namespaceNames`).
 */
export function nestedPaths(model: Model, lookup: DeclarationLookup): (id: string) => DefinitionPath {
  const names = namespaceNames(model, (segment) => segment);
  return (id) => {
    const declaration = lookup.get(id);
    const namespace = declaration.namespace.map((_, i) => names.get(namespaceKey(declaration.namespace.slice(0, i + 1)))!);
    return [...namespace, declaration.name];
  };
}

/** `#/definitions/a/b` (or `#/$defs/a/b`) as a URI fragment: JSON Pointer escapes, then percent-encoding. */
export function definitionRef(path: DefinitionPath, keyword: string = "definitions"): string {
  const segments = path.map((key) => encodeURIComponent(key.replaceAll("~", "~0").replaceAll("/", "~1")));
  return `#/${keyword}/${segments.join("/")}`;
}

interface Tree<T> {
  readonly schemas: Map<string, T>;
  readonly children: Map<string, Tree<T>>;
}

/** Nested `definitions` whose leaves are `T` (schemas, or their ready texts). */
export interface NestedDefinitions<T> {
  readonly [key: string]: T | NestedDefinitions<T>;
}

/** A `definitions` object holding each schema at its path; keys sorted at every level. */
export function nestDefinitions<T = JsonSchema>(entries: Iterable<readonly [DefinitionPath, T]>): NestedDefinitions<T> {
  const root: Tree<T> = { schemas: new Map(), children: new Map() };
  for (const [path, schema] of entries) {
    let tree = root;
    for (const key of path.slice(0, -1)) {
      let child = tree.children.get(key);
      if (!child) tree.children.set(key, (child = { schemas: new Map(), children: new Map() }));
      tree = child;
    }
    tree.schemas.set(path[path.length - 1]!, schema);
  }
  return toDefinitions(root);
}

function toDefinitions<T>(tree: Tree<T>): NestedDefinitions<T> {
  const keys = [...new Set([...tree.schemas.keys(), ...tree.children.keys()])].sort();
  return Object.fromEntries(
    keys.map((key) => {
      const schema = tree.schemas.get(key);
      const child = tree.children.get(key);
      if (schema && child) throw new Error(`emit: definitions key "${key}" is both a declaration and a namespace`);
      return [key, schema ?? toDefinitions(child!)];
    }),
  );
}

/** A nested `definitions` of ids, laid out for `JsonRecord`s: its keys in order, and per key an id or a nested layout. */
export interface DefinitionsLayout {
  readonly keys: JsonKeys;
  readonly children: readonly (string | DefinitionsLayout)[];
}

/** The layout of `definitions`, whose leaves are ids, in its keys' order. */
export function layDefinitions(definitions: NestedDefinitions<string>): DefinitionsLayout {
  const keys = Object.keys(definitions);
  return {
    keys: new JsonKeys(keys),
    children: keys.map((key) => {
      const child = definitions[key]!;
      return typeof child === "string" ? child : layDefinitions(child);
    }),
  };
}

/** `definitions` with each id replaced by `map(id)`, ready for `assemblePieces`. */
export function fillDefinitions(layout: DefinitionsLayout, map: (id: string) => unknown): JsonRecord {
  return new JsonRecord(
    layout.keys,
    layout.children.map((child) => (typeof child === "string" ? map(child) : fillDefinitions(child, map))),
  );
}
