/**
 * Shape of `experimental-inventory.json`: a checked artifact read by reviewers
 * (`entries`) and by the runtime gate (`gate`). Plain JSON, no functions.
 */

export type InventoryKind = "method" | "field" | "member" | "type";

export interface InventoryEntry {
  readonly kind: InventoryKind;
  readonly reason: string;
  /** The wire method, for methods and for fields/members reached from exactly one method's params or result. */
  readonly method?: string;
  /** Declaration id ("v2.ThreadStartParams") owning the field or member, or the experimental type itself. */
  readonly type?: string;
  /** Field wire name; dotted for fields of inline object types ("settings.mode"). */
  readonly field?: string;
  /** Union member as JSON text (`"acceptForSession"`) or enum member name. */
  readonly member?: string;
  /** "file:line" of the marker's element. */
  readonly location: string;
}

/** How an experimental field's value is judged present (after null/undefined count as absent). */
export type Presence = "boolean" | "nonEmptyArray" | "nonEmptyMap" | "present";

export type LiteralValue = string | number | boolean | null;

/**
 * A type as the gate needs it: only the parts through which an experimental
 * element can be reached. Anything not listed needs no inspection.
 */
export type GateType =
  | { readonly kind: "ref"; readonly target: string }
  | { readonly kind: "object"; readonly fields: readonly GateField[]; readonly patterns?: readonly GatePattern[] }
  | { readonly kind: "array"; readonly element: GateType }
  | { readonly kind: "map"; readonly value: GateType }
  | { readonly kind: "tuple"; readonly elements: readonly (GateType | null)[] }
  | { readonly kind: "union"; readonly members: readonly GateMember[] };

/**
 * The keys an index signature keyed by a template literal type covers: each
 * own key of the object that `pattern` (an ECMAScript regular expression,
 * `u` flag) matches holds a value of `type`.
 */
export interface GatePattern {
  readonly pattern: string;
  readonly type: GateType;
}

export interface GateField {
  readonly name: string;
  /** Reason when the field itself is experimental. */
  readonly experimental?: string;
  /** Set with `experimental`: the presence rule for the declared type. */
  readonly presence?: Presence;
  /** Set when the field's value can itself contain experimental elements. */
  readonly type?: GateType;
  /**
   * Set with `type` when the field may be absent: the outgoing gate removes it
   * rather than the whole message when its value holds an experimental member.
   */
  readonly optional?: true;
}

/** How a value is matched to a union member; the first matching member wins. */
export type GateMatch =
  | { readonly kind: "literal"; readonly value: LiteralValue }
  | { readonly kind: "object"; readonly discriminant: Readonly<Record<string, LiteralValue>> }
  | { readonly kind: "typeof"; readonly type: "string" | "number" | "boolean" | "null" | "array" | "object" };

export interface GateMember {
  readonly match: GateMatch;
  readonly experimental?: string;
  readonly type?: GateType;
}

export interface GateMethod {
  readonly direction: "clientRequest" | "clientNotification" | "serverRequest" | "serverNotification";
  /** Reason when the whole method is experimental. */
  readonly experimental?: string;
  /** Set when the params can contain experimental elements. */
  readonly params?: GateType;
  /** Requests only: set when the result can contain experimental elements. */
  readonly result?: GateType;
}

export interface Inventory {
  /** Sorted by reason, then kind, then location. */
  readonly entries: readonly InventoryEntry[];
  readonly gate: {
    /** Every method, keyed by wire name. */
    readonly methods: Readonly<Record<string, GateMethod>>;
    /** Named types through which experimental elements are reachable, keyed by declaration id. */
    readonly types: Readonly<Record<string, GateType>>;
  };
}
