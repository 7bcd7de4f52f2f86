import fc from "fast-check";

/**
 * Random declaration files built with TypeScript's type operators: a few base
 * interfaces, two enums and `as const` constants, then derived aliases that
 * compose keyof, indexed access, utility, mapped, conditional and template
 * literal types. Drawn as an abstract blueprint (indexes, masks, flags) that
 * `renderScenario` turns into TypeScript that compiles: it tracks each object
 * expression's keys so that `Pick`, `X["k"]` and `Exclude` name keys that exist
 * and never leave a type empty.
 */

export type FieldType =
  | { readonly kind: "string" | "number" | "boolean" | "strings" | "numbers" | "nullable" | "enum" | "pair" | "nested" }
  | { readonly kind: "literals"; readonly numeric: boolean }
  | { readonly kind: "base"; readonly target: number };

export interface FieldBlueprint {
  readonly name: number;
  readonly type: FieldType;
  readonly optional: boolean;
}

export type ObjectNode =
  | { readonly kind: "base"; readonly index: number }
  | { readonly kind: "const-object" }
  | { readonly kind: "computed" }
  | { readonly kind: "Partial" | "Required" | "Readonly"; readonly of: ObjectNode }
  | { readonly kind: "Pick" | "Omit"; readonly of: ObjectNode; readonly mask: number }
  | { readonly kind: "mapped"; readonly of: ObjectNode; readonly modifier: "" | "?" | "-?"; readonly readonly: boolean; readonly remap: boolean }
  | { readonly kind: "record"; readonly keys: "modes" | "enum" | "string" | "pattern"; readonly value: ValueNode }
  | { readonly kind: "with-field"; readonly of: ObjectNode; readonly value: ValueNode }
  | { readonly kind: "with-index"; readonly of: ObjectNode; readonly value: ValueNode }
  | { readonly kind: "with-pattern"; readonly of: ObjectNode; readonly head: number; readonly value: ValueNode }
  | { readonly kind: "both"; readonly left: ObjectNode; readonly right: ObjectNode };

export type ValueNode =
  | { readonly kind: "string" | "number" | "boolean" | "modes" | "const-keys" | "enum" | "flags" | "enum-member" }
  | { readonly kind: "object"; readonly of: ObjectNode }
  | { readonly kind: "keyof"; readonly of: ObjectNode }
  | { readonly kind: "index"; readonly of: ObjectNode; readonly mask: number }
  | { readonly kind: "index-keyof"; readonly of: ObjectNode }
  | { readonly kind: "Exclude" | "Extract"; readonly of: ObjectNode; readonly mask: number }
  | { readonly kind: "NonNullable"; readonly of: ValueNode }
  | { readonly kind: "case"; readonly name: number; readonly of: ValueNode }
  | { readonly kind: "template"; readonly head: number; readonly of: ValueNode }
  | { readonly kind: "IsText" | "Box" | "Element"; readonly of: ValueNode }
  | { readonly kind: "array"; readonly of: ValueNode }
  | { readonly kind: "tuple"; readonly first: ValueNode; readonly optional: ValueNode | null; readonly rest: ValueNode | null };

export interface ScenarioBlueprint {
  readonly bases: readonly (readonly FieldBlueprint[])[];
  readonly aliases: readonly ValueNode[];
}

const FIELD_NAMES = ["id", "name", "count", "mode", "tags", "flag", "kind", "meta"];
const CASES = ["Uppercase", "Lowercase", "Capitalize", "Uncapitalize"];
const HEADS = ["item-", "", "v", "on:"];
/** Heads of template literal index signature keys (`${string}` alone is `string`). */
const PATTERN_HEADS = HEADS.filter((head) => head !== "");

/** Declared in every scenario; the derived aliases refer to them. */
export const SCENARIO_PRELUDE = `export enum Color { Red = "red", Green = "green", Blue = "BLUE" }
export enum Flags { None = 0, Read = 1 << 0, Write = 1 << 1, Both = Read | Write }
export const MODES = ["fast", "slow", "Off"] as const;
export const CONFIG = { alpha: 1, beta: "two", gamma: true, delta: ["p", "q"] } as const;
export const KEY = "dyn";
export type IsText<T> = T extends string ? "text" : "other";
export type Box<T> = T extends string ? { s: T } : T extends number ? { n: T } : { o: T };
export type Element<T> = T extends readonly (infer U)[] ? U : T;
`;

const MODE_VALUES = ["fast", "slow", "Off"];
const COLOR_VALUES = ["red", "green", "BLUE"];
const CONFIG_KEYS = ["alpha", "beta", "gamma", "delta"];

const fieldType: fc.Arbitrary<FieldType> = fc.oneof(
  fc.constantFrom(
    ...(["string", "number", "boolean", "strings", "numbers", "nullable", "enum", "pair", "nested"] as const).map((kind) => ({ kind })),
  ),
  fc.boolean().map((numeric) => ({ kind: "literals" as const, numeric })),
  fc.nat(2).map((target) => ({ kind: "base" as const, target })),
);

const field: fc.Arbitrary<FieldBlueprint> = fc.record({ name: fc.nat(FIELD_NAMES.length - 1), type: fieldType, optional: fc.boolean() });

const { object: objectNode, value: valueNode } = fc.letrec<{ object: ObjectNode; value: ValueNode }>((tie) => {
  const object = tie("object") as fc.Arbitrary<ObjectNode>;
  const value = tie("value") as fc.Arbitrary<ValueNode>;
  return {
    object: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.nat(2).map((index) => ({ kind: "base" as const, index })),
      fc.constant({ kind: "const-object" as const }),
      fc.constant({ kind: "computed" as const }),
      fc.record({ kind: fc.constantFrom("Partial" as const, "Required" as const, "Readonly" as const), of: object }),
      fc.record({ kind: fc.constantFrom("Pick" as const, "Omit" as const), of: object, mask: fc.nat(255) }),
      fc.record({ kind: fc.constant("mapped" as const), of: object, modifier: fc.constantFrom("" as const, "?" as const, "-?" as const), readonly: fc.boolean(), remap: fc.boolean() }),
      fc.record({ kind: fc.constant("record" as const), keys: fc.constantFrom("modes" as const, "enum" as const, "string" as const, "pattern" as const), value }),
      fc.record({ kind: fc.constant("with-field" as const), of: object, value }),
      fc.record({ kind: fc.constant("with-index" as const), of: object, value }),
      fc.record({ kind: fc.constant("with-pattern" as const), of: object, head: fc.nat(PATTERN_HEADS.length - 1), value }),
      fc.record({ kind: fc.constant("both" as const), left: object, right: object }),
    ),
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom(
        ...(["string", "number", "boolean", "modes", "const-keys", "enum", "flags", "enum-member"] as const).map((kind) => ({ kind })),
      ),
      fc.record({ kind: fc.constantFrom("object" as const, "keyof" as const, "index-keyof" as const), of: object }),
      fc.record({ kind: fc.constantFrom("index" as const, "Exclude" as const, "Extract" as const), of: object, mask: fc.nat(255) }),
      fc.record({ kind: fc.constantFrom("NonNullable" as const, "IsText" as const, "Box" as const, "Element" as const, "array" as const), of: value }),
      fc.record({ kind: fc.constant("case" as const), name: fc.nat(CASES.length - 1), of: value }),
      fc.record({ kind: fc.constant("template" as const), head: fc.nat(HEADS.length - 1), of: value }),
      fc.record({ kind: fc.constant("tuple" as const), first: value, optional: fc.option(value), rest: fc.option(value) }),
    ),
  };
});

export const scenarioBlueprint: fc.Arbitrary<ScenarioBlueprint> = fc.record({
  bases: fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  aliases: fc.array(fc.oneof(objectNode.map((of): ValueNode => ({ kind: "object", of })), valueNode), { minLength: 1, maxLength: 4 }),
});

export interface BaseShape {
  readonly name: string;
  readonly fields: readonly { readonly name: string; readonly type: FieldType; readonly optional: boolean }[];
}

export interface RenderedScenario {
  /** Prelude, bases and aliases: compiles on its own. */
  readonly declarations: string;
  readonly bases: readonly BaseShape[];
  /** Alias name → its right-hand side. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Strings worth trying as values: every literal, key and template head in play. */
  readonly strings: readonly string[];
}

interface Rendered {
  readonly text: string;
  /** The string keys the object type has for sure; empty for a `string` index signature. */
  readonly keys: readonly string[];
}

const pick = <T>(items: readonly T[], mask: number): T[] => items.filter((_, index) => (mask >> index) & 1);
const quote = (keys: readonly string[]) => keys.map((key) => JSON.stringify(key)).join(" | ");

export function renderScenario(blueprint: ScenarioBlueprint): RenderedScenario {
  const strings = new Set<string>([...MODE_VALUES, ...COLOR_VALUES, ...CONFIG_KEYS, "dyn", "a", "b", ...FIELD_NAMES, ...HEADS]);
  const bases: BaseShape[] = blueprint.bases.map((fields, index) => {
    const seen = new Set<string>();
    const unique = fields.filter((item) => !seen.has(FIELD_NAMES[item.name]!) && seen.add(FIELD_NAMES[item.name]!));
    return {
      name: `Base${index}`,
      // A field may refer only to an earlier base, so the bases are never recursive.
      fields: unique.map((item) => ({
        name: FIELD_NAMES[item.name]!,
        optional: item.optional,
        type: item.type.kind === "base" && item.type.target >= index ? { kind: "string" } : item.type,
      })),
    };
  });
  const lines = [SCENARIO_PRELUDE];
  for (const base of bases) {
    lines.push(`export interface ${base.name} {`);
    for (const item of base.fields) lines.push(`  ${item.name}${item.optional ? "?" : ""}: ${fieldTypeText(item.type)};`);
    lines.push("}");
  }

  const object = (node: ObjectNode): Rendered => {
    switch (node.kind) {
      case "base": {
        const base = bases[node.index % bases.length]!;
        return { text: base.name, keys: base.fields.map((item) => item.name) };
      }
      case "const-object":
        return { text: "typeof CONFIG", keys: CONFIG_KEYS };
      case "computed":
        return { text: "{ [KEY]: string; [Color.Green]?: number }", keys: ["dyn", "green"] };
      case "Partial":
      case "Required":
      case "Readonly": {
        const of = object(node.of);
        return { text: `${node.kind}<${of.text}>`, keys: of.keys };
      }
      case "Pick": {
        const of = object(node.of);
        if (of.keys.length === 0) return { text: `Partial<${of.text}>`, keys: [] };
        const chosen = pick(of.keys, node.mask);
        const keys = chosen.length > 0 ? chosen : [of.keys[0]!];
        return { text: `Pick<${of.text}, ${quote(keys)}>`, keys };
      }
      case "Omit": {
        const of = object(node.of);
        if (of.keys.length === 0) return { text: `Omit<${of.text}, "zz">`, keys: [] };
        const chosen = pick(of.keys, node.mask).slice(0, of.keys.length - 1);
        if (chosen.length === 0) return { text: `Omit<${of.text}, "zz">`, keys: of.keys };
        return { text: `Omit<${of.text}, ${quote(chosen)}>`, keys: of.keys.filter((key) => !chosen.includes(key)) };
      }
      case "mapped": {
        const of = object(node.of);
        const key = node.remap ? ` as \`get\${Capitalize<K & string>}\`` : "";
        const text = `{ ${node.readonly ? "readonly " : ""}[K in keyof (${of.text})${key}]${node.modifier}: (${of.text})[K] }`;
        return { text, keys: node.remap ? of.keys.map((item) => `get${item.charAt(0).toUpperCase()}${item.slice(1)}`) : of.keys };
      }
      case "record": {
        const valueText = value(node.value);
        if (node.keys === "modes") return { text: `Record<(typeof MODES)[number], ${valueText}>`, keys: MODE_VALUES };
        if (node.keys === "enum") return { text: `{ [K in Color]?: ${valueText} }`, keys: COLOR_VALUES };
        if (node.keys === "pattern") return { text: `Record<\`on:\${string}\`, ${valueText}>`, keys: [] };
        return { text: `Record<string, ${valueText}>`, keys: [] };
      }
      case "with-field": {
        const of = object(node.of);
        return { text: `${of.text} & { extra: ${value(node.value)} }`, keys: [...of.keys, "extra"] };
      }
      case "with-index": {
        const of = object(node.of);
        return { text: `${of.text} & { [key: string]: ${value(node.value)} }`, keys: of.keys };
      }
      case "with-pattern": {
        const of = object(node.of);
        return { text: `${of.text} & { [key: \`${PATTERN_HEADS[node.head]}\${string}\`]: ${value(node.value)} }`, keys: of.keys };
      }
      case "both": {
        const left = object(node.left);
        const right = object(node.right);
        return { text: `(${left.text}) & (${right.text})`, keys: [...new Set([...left.keys, ...right.keys])] };
      }
    }
  };

  const value = (node: ValueNode): string => {
    switch (node.kind) {
      case "string":
      case "number":
      case "boolean":
        return node.kind;
      case "modes":
        return "(typeof MODES)[number]";
      case "const-keys":
        return "keyof typeof CONFIG";
      case "enum":
        return "Color";
      case "flags":
        return "Flags";
      case "enum-member":
        return "Color.Blue";
      case "object":
        return object(node.of).text;
      case "keyof":
        return `keyof (${object(node.of).text})`;
      case "index": {
        const of = object(node.of);
        // No named keys: a string index signature's `[string]`, or a template literal one's own keys.
        if (of.keys.length === 0) return `(${of.text})[keyof (${of.text})]`;
        const chosen = pick(of.keys, node.mask);
        return `(${of.text})[${quote(chosen.length > 0 ? chosen : [of.keys[0]!])}]`;
      }
      case "index-keyof": {
        const of = object(node.of);
        return `(${of.text})[keyof (${of.text})]`;
      }
      case "Exclude": {
        const of = object(node.of);
        const chosen = pick(of.keys, node.mask).slice(0, Math.max(0, of.keys.length - 1));
        return `Exclude<keyof (${of.text}), ${chosen.length > 0 ? quote(chosen) : '"zz"'}>`;
      }
      case "Extract": {
        const of = object(node.of);
        if (of.keys.length === 0) return `Extract<keyof (${of.text}), string>`;
        const chosen = pick(of.keys, node.mask);
        return `Extract<keyof (${of.text}), ${quote(chosen.length > 0 ? chosen : [of.keys[0]!])}>`;
      }
      case "NonNullable":
      case "IsText":
      case "Box":
      case "Element":
        return `${node.kind}<${value(node.of)}>`;
      case "case":
        return `${CASES[node.name]}<${node.of.kind === "number" || node.of.kind === "boolean" ? "(typeof MODES)[number]" : keyish(node.of)}>`;
      case "template": {
        const head = HEADS[node.head]!;
        return `\`${head}\${${keyish(node.of)}}\``;
      }
      case "array":
        return `(${value(node.of)})[]`;
      case "tuple": {
        const elements = [value(node.first)];
        if (node.optional) elements.push(`(${value(node.optional)})?`);
        if (node.rest) elements.push(`...(${value(node.rest)})[]`);
        return `[${elements.join(", ")}]`;
      }
    }
  };

  /** A value node as a string-ish type a template or intrinsic accepts: non-keys become a fixed choice. */
  const keyish = (node: ValueNode): string => {
    if (node.kind === "number" || node.kind === "boolean") return node.kind;
    if (node.kind === "case" || node.kind === "template" || node.kind === "IsText" || node.kind === "enum-member") return value(node);
    if (node.kind === "modes" || node.kind === "const-keys" || node.kind === "keyof" || node.kind === "Exclude" || node.kind === "Extract") {
      return `${value(node)} & string`;
    }
    return "(typeof MODES)[number]";
  };

  const aliases = new Map<string, string>();
  blueprint.aliases.forEach((node, index) => {
    const text = value(node);
    aliases.set(`Derived${index}`, text);
    lines.push(`export type Derived${index} = ${text};`);
  });
  for (const head of HEADS) for (const mode of MODE_VALUES) strings.add(`${head}${mode}`);
  // Keys a remapped template literal key matches (`get${Capitalize<`on:${string}`>}`).
  for (const head of PATTERN_HEADS) strings.add(`get${head.charAt(0).toUpperCase()}${head.slice(1)}x`);
  return { declarations: `${lines.join("\n")}\n`, bases, aliases, strings: [...strings] };
}

export function fieldTypeText(type: FieldType): string {
  switch (type.kind) {
    case "string":
    case "number":
    case "boolean":
      return type.kind;
    case "strings":
      return "string[]";
    case "numbers":
      return "number[]";
    case "nullable":
      return "string | null";
    case "enum":
      return "Color";
    case "pair":
      return "[string, number]";
    case "nested":
      return "{ x: string; y?: number }";
    case "literals":
      return type.numeric ? "1 | 2" : '"a" | "b"';
    case "base":
      return `Base${type.target}`;
  }
}
