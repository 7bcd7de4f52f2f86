/**
 * Every rule `schemagate diff` reports, in one table. Ids are stable public
 * identifiers (documented in docs/diff-rules.md and named in
 * `schemagate.config.json`'s accepted changes); never rename them.
 *
 * A rule's severity depends on who writes the data it is about: a change that
 * widens what a client may send is safe, the same change to what a server
 * sends breaks the clients reading it. `surface` rules are about methods and
 * declarations themselves, whoever sends them.
 */

export type Severity = "breaking" | "safe" | "addition";
/** `wire`: what goes over JSON-RPC; `source`: what TypeScript users import, with the wire unchanged. */
export type Category = "wire" | "source";
export type DataDirection = "client-sent" | "server-sent";
export type RuleScope = DataDirection | "surface";

export interface RuleDefinition {
  readonly category: Category;
  /** The severity in each scope the rule can occur in. */
  readonly severity: Readonly<Partial<Record<RuleScope, Severity>>>;
  /** One line: what changed and why it matters. */
  readonly summary: string;
}

const BREAKS_CLIENT_SENT = { "client-sent": "breaking", "server-sent": "safe" } as const;
const BREAKS_SERVER_SENT = { "client-sent": "safe", "server-sent": "breaking" } as const;
const BREAKS_BOTH = { "client-sent": "breaking", "server-sent": "breaking" } as const;

export const DIFF_RULES = {
  "method-removed": {
    category: "wire",
    severity: { surface: "breaking" },
    summary: "a stable method or notification was removed; peers still calling or handling it fail",
  },
  "method-made-experimental": {
    category: "wire",
    severity: { surface: "breaking" },
    summary: "a stable method or notification became experimental; clients that did not opt in lose it",
  },
  "method-kind-changed": {
    category: "wire",
    severity: { surface: "breaking" },
    summary: "a method moved between registries (request ↔ notification, client ↔ server)",
  },
  "method-added": { category: "wire", severity: { surface: "addition" }, summary: "a stable method or notification was added" },
  "method-promoted": {
    category: "wire",
    severity: { surface: "addition" },
    summary: "an experimental method or notification became stable",
  },
  "params-added": {
    category: "wire",
    severity: BREAKS_BOTH,
    summary: "a method that took no params now takes them; old senders omit them, old validators reject them",
  },
  "params-removed": {
    category: "wire",
    severity: BREAKS_BOTH,
    summary: "a method that took params now takes none; old senders still send them, old readers expect them",
  },
  "field-required-added": {
    category: "wire",
    severity: { "client-sent": "breaking" },
    summary: "a required field was added to data clients send; old clients omit it and are rejected",
  },
  "field-optional-added": {
    category: "wire",
    severity: { "client-sent": "safe" },
    summary: "an optional field was added to data clients send; old clients simply omit it",
  },
  "field-added": {
    category: "wire",
    severity: { "server-sent": "breaking" },
    summary: "a field was added to data the server sends; TypeScript readers ignore it, a client validating with the old closed schema rejects it",
  },
  "field-removed": {
    category: "wire",
    severity: BREAKS_BOTH,
    summary: "a field was removed: old clients still send it (closed schemas reject it) or still read it (a required one)",
  },
  "field-optional-removed": {
    category: "wire",
    severity: { "server-sent": "safe" },
    summary: "an optional field was removed from data the server sends; readers already handle its absence",
  },
  "field-made-required": {
    category: "wire",
    severity: BREAKS_CLIENT_SENT,
    summary: "an optional field became required; old clients that omit it are rejected",
  },
  "field-made-optional": {
    category: "wire",
    severity: BREAKS_SERVER_SENT,
    summary: "a required field became optional; old clients reading it may find nothing",
  },
  "field-promoted": {
    category: "wire",
    severity: { "client-sent": "addition", "server-sent": "addition" },
    summary: "an experimental field became stable",
  },
  "type-changed": {
    category: "wire",
    severity: BREAKS_BOTH,
    summary: "a value's type changed to one that shares no values with the old one (string → number, object → array)",
  },
  "type-widened": {
    category: "wire",
    severity: BREAKS_SERVER_SENT,
    summary: "a type now accepts more values (a literal became its primitive, anything became unknown)",
  },
  "type-narrowed": {
    category: "wire",
    severity: BREAKS_CLIENT_SENT,
    summary: "a type now accepts fewer values (a primitive became a literal, unknown became a type)",
  },
  "literal-changed": {
    category: "wire",
    severity: BREAKS_BOTH,
    summary: "a literal value changed (often a discriminant tag); old messages carry the old value",
  },
  "tuple-length-changed": {
    category: "wire",
    severity: BREAKS_BOTH,
    summary: "a tuple gained or lost elements",
  },
  "union-variant-removed": {
    category: "wire",
    severity: BREAKS_CLIENT_SENT,
    summary: "a union lost a variant; old clients still send it",
  },
  "union-variant-added": {
    category: "wire",
    severity: BREAKS_SERVER_SENT,
    summary: "a union gained a variant; old clients reading it meet a shape they do not know",
  },
  "enum-member-removed": {
    category: "wire",
    severity: BREAKS_CLIENT_SENT,
    summary: "an enum member or literal union value was removed; old clients still send it",
  },
  "enum-member-added": {
    category: "wire",
    severity: BREAKS_SERVER_SENT,
    summary: "an enum member or literal union value was added; old clients reading it meet a value they do not know",
  },
  "nullable-added": {
    category: "wire",
    severity: BREAKS_SERVER_SENT,
    summary: "a value may now be null; old clients reading it do not expect null",
  },
  "nullable-removed": {
    category: "wire",
    severity: BREAKS_CLIENT_SENT,
    summary: "a value may no longer be null; old clients still send null",
  },
  "member-promoted": {
    category: "wire",
    severity: { "client-sent": "addition", "server-sent": "addition" },
    summary: "an experimental union variant or enum member became stable",
  },
  "constraint-tightened": {
    category: "wire",
    severity: BREAKS_CLIENT_SENT,
    summary: "@minimum, @maximum, @pattern or @format now admits fewer values",
  },
  "constraint-loosened": {
    category: "wire",
    severity: BREAKS_SERVER_SENT,
    summary: "@minimum, @maximum, @pattern or @format now admits more values",
  },
  "type-renamed": {
    category: "source",
    severity: { surface: "breaking" },
    summary: "a declaration was renamed (or moved to another namespace) with the same shape; the wire is unchanged, TypeScript imports break",
  },
  "type-removed": {
    category: "source",
    severity: { surface: "breaking" },
    summary: "a stable declaration is gone from the stable output; TypeScript imports of it break",
  },
  "type-added": {
    category: "source",
    severity: { surface: "addition" },
    summary: "a stable declaration that no method reaches was added",
  },
} as const satisfies Record<string, RuleDefinition>;

export type RuleId = keyof typeof DIFF_RULES;

export const RULE_IDS = Object.keys(DIFF_RULES) as RuleId[];

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(DIFF_RULES, id);
}

/** The severity of `rule` in `scope`; a rule used outside its scopes is a bug. */
export function severityOf(rule: RuleId, scope: RuleScope): Severity {
  const severity = (DIFF_RULES[rule].severity as RuleDefinition["severity"])[scope];
  if (!severity) throw new Error(`rule ${rule} has no severity for ${scope}`);
  return severity;
}
