import fc from "fast-check";

/**
 * Random protocol definitions, drawn as a blueprint of choices (indexes into
 * pools, flags) that `renderProtocol` turns into well-formed TypeScript. Keeping
 * the draw abstract lets fast-check shrink a failure to a small protocol; the
 * renderer repairs choices that would be errors (a stable path to an
 * experimental type, a union with only experimental members).
 */

export type Primitive = "string" | "number" | "boolean" | "unknown";

export type TypeBlueprint =
  | { readonly kind: "primitive"; readonly name: Primitive }
  | { readonly kind: "ref"; readonly target: number }
  | { readonly kind: "array"; readonly element: TypeBlueprint }
  | { readonly kind: "map"; readonly value: TypeBlueprint; readonly record: boolean }
  | { readonly kind: "tuple"; readonly elements: readonly TypeBlueprint[] }
  | { readonly kind: "literals"; readonly values: readonly number[] }
  | { readonly kind: "inline"; readonly fields: readonly FieldBlueprint[] };

export interface DocBlueprint {
  readonly words: readonly number[];
  readonly multiline: boolean;
  readonly deprecated: boolean;
  /** Index into the tags valid for the field's type, when it takes one. */
  readonly tag: number | null;
}

export interface FieldBlueprint {
  readonly name: number;
  readonly type: TypeBlueprint;
  readonly optional: boolean;
  readonly nullable: boolean;
  readonly experimental: boolean;
  /** Explicit reason (`@experimental some/reason`) instead of a derived one. */
  readonly reason: boolean;
  /** Class fields only: the decorator form instead of JSDoc. */
  readonly decorator: boolean;
  readonly doc: DocBlueprint | null;
}

export interface MemberBlueprint {
  readonly value: number;
  readonly experimental: boolean;
  /** Object unions: a reference member instead of an inline one. */
  readonly ref: number | null;
  readonly fields: readonly FieldBlueprint[];
}

export type DeclarationKind = "interface" | "object-alias" | "class" | "literal-union" | "object-union" | "enum" | "intersection" | "map-alias";

export interface DeclarationBlueprint {
  readonly kind: DeclarationKind;
  readonly name: number;
  readonly folder: number;
  readonly file: number;
  readonly experimental: boolean;
  readonly fields: readonly FieldBlueprint[];
  readonly members: readonly MemberBlueprint[];
  /** Intersections: the base; map aliases: the value. */
  readonly base: number;
  readonly doc: DocBlueprint | null;
}

export type Direction = "clientRequest" | "serverRequest" | "clientNotification" | "serverNotification";

export interface MethodBlueprint {
  readonly direction: Direction;
  readonly params: number | null;
  readonly result: number;
  readonly experimental: boolean;
  readonly doc: DocBlueprint | null;
}

export interface ProtocolBlueprint {
  /** Which folders exist besides the root: 1–2 namespace folders in all. */
  readonly folders: readonly string[];
  readonly declarations: readonly DeclarationBlueprint[];
  readonly methods: readonly MethodBlueprint[];
  /** Where each registry goes: folder and file index. */
  readonly registryPlace: readonly [number, number];
  /** Whether files import the markers module (it need not resolve, nor be imported at all). */
  readonly importMarkers: boolean;
}

const doc: fc.Arbitrary<DocBlueprint | null> = fc.option(
  fc.record({
    words: fc.array(fc.nat(30), { minLength: 1, maxLength: 6 }),
    multiline: fc.boolean(),
    deprecated: fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 }),
    tag: fc.option(fc.nat(10), { freq: 2 }),
  }),
  { freq: 2 },
);

const primitive = fc.constantFrom<Primitive>("string", "number", "boolean", "unknown");

const { type: typeBlueprint, field: fieldBlueprint } = fc.letrec<{ type: TypeBlueprint; field: FieldBlueprint }>((tie) => ({
  type: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { arbitrary: fc.record({ kind: fc.constant("primitive" as const), name: primitive }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant("ref" as const), target: fc.nat(40) }), weight: 4 },
    { arbitrary: fc.record({ kind: fc.constant("array" as const), element: tie("type") }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant("map" as const), value: tie("type"), record: fc.boolean() }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant("tuple" as const), elements: fc.array(tie("type"), { minLength: 1, maxLength: 3 }) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant("literals" as const), values: fc.uniqueArray(fc.nat(12), { minLength: 1, maxLength: 4 }) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant("inline" as const), fields: fc.array(tie("field"), { maxLength: 3 }) }), weight: 1 },
  ),
  field: fc.record({
    name: fc.nat(20),
    type: tie("type"),
    optional: fc.boolean(),
    nullable: fc.boolean(),
    experimental: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
    reason: fc.boolean(),
    decorator: fc.boolean(),
    doc,
  }),
}));

export { fieldBlueprint, typeBlueprint };

const member: fc.Arbitrary<MemberBlueprint> = fc.record({
  value: fc.nat(12),
  experimental: fc.oneof({ arbitrary: fc.constant(false), weight: 2 }, { arbitrary: fc.constant(true), weight: 1 }),
  ref: fc.option(fc.nat(40), { freq: 3 }),
  fields: fc.array(fieldBlueprint, { maxLength: 2 }),
});

const declaration: fc.Arbitrary<DeclarationBlueprint> = fc.record({
  kind: fc.constantFrom<DeclarationKind>(
    "interface", "interface", "object-alias", "class", "literal-union", "object-union", "enum", "intersection", "map-alias",
  ),
  name: fc.nat(40),
  folder: fc.nat(2),
  file: fc.nat(1),
  experimental: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
  fields: fc.array(fieldBlueprint, { maxLength: 4 }),
  members: fc.array(member, { minLength: 1, maxLength: 4 }),
  base: fc.nat(40),
  doc,
});

const method: fc.Arbitrary<MethodBlueprint> = fc.record({
  direction: fc.constantFrom<Direction>("clientRequest", "clientRequest", "serverRequest", "clientNotification", "serverNotification"),
  params: fc.option(fc.nat(40), { freq: 5 }),
  result: fc.nat(40),
  experimental: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
  doc,
});

export const protocolBlueprint: fc.Arbitrary<ProtocolBlueprint> = fc.record({
  folders: fc.constantFrom<readonly string[]>([], ["v2"], ["v2", "common"], ["v2/items"]),
  declarations: fc.array(declaration, { minLength: 1, maxLength: 9 }),
  methods: fc.array(method, { maxLength: 5 }),
  registryPlace: fc.tuple(fc.nat(2), fc.nat(1)),
  importMarkers: fc.boolean(),
});
