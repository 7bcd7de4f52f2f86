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

/** `object` is any JSON object or array, as TypeScript's `object` is any non-primitive. */
export type PrimitiveName = "string" | "number" | "boolean" | "null" | "unknown" | "object";

/** Constraints a string carries from `Date` or a template literal type. */
export interface StringConstraints {
  /** JSON Schema `format`, e.g. "date-time" for `Date`. */
  readonly format?: string;
  /** An ECMAScript regular expression the whole string matches (anchored). */
  readonly pattern?: string;
  /** The TypeScript text of a template literal type, e.g. `` `v${number}` ``. */
  readonly template?: string;
}

export type TypeNode =
  | ({ readonly kind: "primitive"; readonly name: PrimitiveName } & StringConstraints)
  /**
   * `numericEnum`: the id of the numeric enum whose member this is. TypeScript
   * keeps such a member apart from the number it stands for in an
   * intersection (`Flags & 1` is `never`), though the wire carries the number.
   */
  | { readonly kind: "literal"; readonly value: string | number | boolean; readonly numericEnum?: string }
  /** A reference to a declaration by its id (see `Declaration.id`). */
  | { readonly kind: "ref"; readonly target: string; readonly location: SourceLocation }
  | { readonly kind: "array"; readonly element: TypeNode }
  /**
   * `[A, B?, ...C[]]`: the first `required` elements (all when absent) must be
   * present; `rest`, when set, types every element after `elements`.
   */
  | { readonly kind: "tuple"; readonly elements: readonly TypeNode[]; readonly required?: number; readonly rest?: TypeNode }
  /**
   * `Record<string, V>` and `{ [key: string]: V }` without named properties.
   * `stringKeys`: made by a mapped type over `string` (`Record<string, V>`), whose
   * `keyof` is `string` alone; an index signature's is `string | number`.
   */
  | { readonly kind: "map"; readonly value: TypeNode; readonly stringKeys?: true }
  /**
   * Named properties; `additional`: what a `[key: string]` index signature
   * gives every other key; `patterns`: index signatures keyed by template
   * literal types (``[key: `x-${string}`]: V``), each typing the keys its
   * pattern matches, named properties included.
   */
  | {
      readonly kind: "object";
      readonly properties: readonly Property[];
      readonly additional?: TypeNode;
      readonly patterns?: readonly PatternIndex[];
    }
  | { readonly kind: "union"; readonly members: readonly UnionMember[] }
  /** Every member must resolve to an object (validated); emitted flattened in JSON Schema. */
  | { readonly kind: "intersection"; readonly members: readonly TypeNode[]; readonly location: SourceLocation }
  /**
   * A type operator as written (`keyof`, indexed access, mapped, conditional,
   * template literal, utility types). Only the scanner makes these; the evaluate
   * stage replaces every one with the plain type it means, so no later stage
   * sees them.
   */
  | { readonly kind: "operator"; readonly operator: Operator; readonly location: SourceLocation };

/** The built-in generic types evaluated as TypeScript defines them. */
export type UtilityName =
  | "Partial"
  | "Required"
  | "Pick"
  | "Omit"
  | "Record"
  | "Exclude"
  | "Extract"
  | "NonNullable"
  | "Uppercase"
  | "Lowercase"
  | "Capitalize"
  | "Uncapitalize";

export type Operator =
  /** A type variable bound by an enclosing mapped type (`K`) or conditional `infer`. */
  | { readonly op: "param"; readonly name: string }
  /** `infer X` inside a conditional's `extends` type. */
  | { readonly op: "infer"; readonly name: string }
  | { readonly op: "never" }
  /** `undefined` where a type operator may use it (`Exclude<T, undefined>`, `T[K]` of an optional field). */
  | { readonly op: "undefined" }
  | { readonly op: "keyof"; readonly target: TypeNode }
  | { readonly op: "indexed"; readonly object: TypeNode; readonly index: TypeNode }
  | {
      readonly op: "mapped";
      readonly parameter: string;
      readonly constraint: TypeNode;
      /** `as N` key remapping. */
      readonly nameType?: TypeNode;
      readonly value: TypeNode;
      readonly optional?: "+" | "-";
      /** `T` when the constraint is `keyof T`: each key keeps `T`'s optionality, docs and marks. */
      readonly homomorphic?: TypeNode;
      /** That `T` is a type parameter as written: then a `never` argument makes the mapping `never` (else `{}`). */
      readonly overParameter?: true;
    }
  | {
      readonly op: "conditional";
      readonly check: TypeNode;
      readonly extends: TypeNode;
      readonly whenTrue: TypeNode;
      readonly whenFalse: TypeNode;
      /** The check type was a naked type parameter: the condition applies to each union member. */
      readonly distributive: boolean;
      /** That parameter's name, a `param` in `extends` and both branches, bound to each member in turn. */
      readonly parameter?: string;
    }
  | { readonly op: "template"; readonly head: string; readonly spans: readonly { readonly type: TypeNode; readonly text: string }[] }
  | { readonly op: "utility"; readonly name: UtilityName; readonly args: readonly TypeNode[] };

export type TypeKind = TypeNode["kind"];

export interface Property {
  /** Wire name exactly as written. */
  readonly name: string;
  readonly type: TypeNode;
  readonly optional: boolean;
  /**
   * Optional only because its type admits `undefined` (`a: T | undefined`):
   * a JSON object without the key stands for `a: undefined`, which an index
   * signature of the same object checks too.
   */
  readonly absentIsUndefined?: true;
  readonly docs: Docs;
  readonly experimental?: Experimental;
  readonly location: SourceLocation;
}

/**
 * An index signature keyed by a template literal type. The scanner writes the
 * key as it is written (an operator); after evaluation it is a `string`
 * primitive with its anchored `pattern` and its TypeScript `template` text.
 */
export interface PatternIndex {
  readonly key: TypeNode;
  readonly value: TypeNode;
  readonly location: SourceLocation;
}

/** The key of an evaluated pattern index: what `templateType` makes of a template that is not finite. */
export type PatternKey = Extract<TypeNode, { kind: "primitive" }> & { readonly pattern: string; readonly template: string };

/** Whether an evaluated type is a string constrained by a template literal type (an index signature key it can be). */
export function isPatternKey(type: TypeNode): type is PatternKey {
  return type.kind === "primitive" && type.name === "string" && type.pattern !== undefined && type.template !== undefined && type.format === undefined;
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

/** The types an operator is written with, in source order. */
export function operandsOf(operator: Operator): readonly TypeNode[] {
  switch (operator.op) {
    case "param":
    case "infer":
    case "never":
    case "undefined":
      return [];
    case "keyof":
      return [operator.target];
    case "indexed":
      return [operator.object, operator.index];
    case "mapped":
      return [operator.constraint, ...(operator.nameType ? [operator.nameType] : []), operator.value];
    case "conditional":
      return [operator.check, operator.extends, operator.whenTrue, operator.whenFalse];
    case "template":
      return operator.spans.map((span) => span.type);
    case "utility":
      return operator.args;
    default:
      return assertNever(operator);
  }
}

/** The literal an enum member stands for; a numeric one remembers its enum (see `numericEnum`). */
export function enumMemberLiteral(value: string | number, enumId: string): TypeNode {
  return typeof value === "number" ? { kind: "literal", value, numericEnum: enumId } : { kind: "literal", value };
}

/** For stages after evaluation: an operator node here is a bug in the evaluate stage. */
export function unevaluated(type: { readonly kind: "operator" }): never {
  throw new Error(`type operator left unevaluated: ${JSON.stringify(type)}`);
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
