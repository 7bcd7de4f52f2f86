/**
 * The intermediate representation: readonly plain data, tagged by `kind`.
 * Produced by the scanner, transformed by validate/filter, read by the emitters.
 * No ts-morph nodes, no classes: a model can be built by hand in a test.
 */

/** Repo-relative POSIX path, 1-based line and column. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** JSDoc carried from the definitions into both output formats. */
export interface Docs {
  /** Free text, LF line endings, trimmed. Empty string when absent. */
  readonly description: string;
  /** Common tags (`@default`, `@format`, `@pattern`, `@minimum`, `@maximum`); raw text values. */
  readonly tags: Readonly<Record<string, string>>;
  /** `@deprecated` text, or undefined when not deprecated ("" when deprecated without text). */
  readonly deprecated?: string;
}

/** Set when an element is experimental; the reason is always resolved (explicit or derived). */
export interface Experimental {
  readonly reason: string;
}

export type PrimitiveName = "string" | "number" | "boolean" | "null" | "unknown";

export type TypeNode =
  | { readonly kind: "primitive"; readonly name: PrimitiveName }
  | { readonly kind: "literal"; readonly value: string | number | boolean }
  /** A reference to a declaration by its id (see `Declaration.id`). */
  | { readonly kind: "ref"; readonly target: string; readonly location: SourceLocation }
  | { readonly kind: "array"; readonly element: TypeNode }
  | { readonly kind: "tuple"; readonly elements: readonly TypeNode[] }
  /** `Record<string, V>` and `{ [key: string]: V }` without named properties. */
  | { readonly kind: "map"; readonly value: TypeNode }
  | { readonly kind: "object"; readonly properties: readonly Property[]; readonly additional?: TypeNode }
  | { readonly kind: "union"; readonly members: readonly UnionMember[] }
  /** Every member must resolve to an object (validated); emitted flattened in JSON Schema. */
  | { readonly kind: "intersection"; readonly members: readonly TypeNode[]; readonly location: SourceLocation };

export type TypeKind = TypeNode["kind"];

export interface Property {
  /** Wire name exactly as written. */
  readonly name: string;
  readonly type: TypeNode;
  readonly optional: boolean;
  readonly docs: Docs;
  readonly experimental?: Experimental;
  readonly location: SourceLocation;
}

export interface UnionMember {
  readonly type: TypeNode;
  readonly experimental?: Experimental;
  readonly docs: Docs;
  readonly location: SourceLocation;
}

export interface EnumMember {
  readonly name: string;
  readonly value: string | number;
  readonly docs: Docs;
  readonly experimental?: Experimental;
  readonly location: SourceLocation;
}

interface DeclarationBase {
  /** Qualified id: namespace segments and name joined by ".", e.g. "v2.ThreadStartParams". */
  readonly id: string;
  readonly name: string;
  /** Folder segments under the input root; [] for the root namespace. */
  readonly namespace: readonly string[];
  readonly docs: Docs;
  readonly experimental?: Experimental;
  readonly location: SourceLocation;
}

export type Declaration =
  | (DeclarationBase & { readonly kind: "alias"; readonly type: TypeNode })
  | (DeclarationBase & { readonly kind: "enum"; readonly members: readonly EnumMember[] });

export type MethodDirection = "clientRequest" | "clientNotification" | "serverRequest" | "serverNotification";

export const METHOD_DIRECTIONS: readonly MethodDirection[] = [
  "clientRequest",
  "clientNotification",
  "serverRequest",
  "serverNotification",
];

export interface Method {
  /** Wire method name, e.g. "thread/start". */
  readonly name: string;
  readonly direction: MethodDirection;
  /** Params type; undefined when the method takes none (`Request<undefined, R>`). */
  readonly params?: TypeNode;
  /** Result type; undefined for notifications and for requests that return no data (`Request<P, undefined>`, answered with `{}`). */
  readonly result?: TypeNode;
  readonly docs: Docs;
  readonly experimental?: Experimental;
  readonly location: SourceLocation;
}

export interface Model {
  /** Sorted by id. */
  readonly declarations: readonly Declaration[];
  /** Sorted by direction (METHOD_DIRECTIONS order) then declaration order in the registry. */
  readonly methods: readonly Method[];
}

export const AUDIENCES = ["stable", "experimental"] as const;
export type Audience = (typeof AUDIENCES)[number];

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
