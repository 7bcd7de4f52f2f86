import { assertNever, type TypeNode } from "./types.js";

/**
 * Readable identifiers for types that have none of their own: a recursive
 * generic instance (`Tree<string>` → `TreeOfString`) or an operator that
 * refers to itself (`Partial<Node>` → `PartialOfNode`) becomes a declaration,
 * and a declaration needs a name that reads as what it is.
 */

/** Longer names are hard to read and to use: a long shape stands as `fallback`. */
const MAX_NAME_LENGTH = 64;

/** `name`, or `fallback` when `name` is too long to read. */
export function readableOr(name: string, fallback: string): string {
  return name.length <= MAX_NAME_LENGTH ? name : fallback;
}

/**
 * A name for a type by its shape: `String`, `ThreadArray`, `StringOrNull`,
 * `BooleanRecord`, `PartialOfThread`; `refName` names a reference's target.
 * Letters and digits only, so a name that starts with a letter stays an identifier.
 */
export function shapeName(type: TypeNode, refName: (id: string) => string): string {
  const inner = (child: TypeNode) => shapeName(child, refName);
  switch (type.kind) {
    case "primitive":
      return type.format === "date-time" ? "Date" : capitalized(type.name);
    case "literal":
      return literalName(type.value);
    case "ref":
      return refName(type.target);
    case "array":
      return `${inner(type.element)}Array`;
    case "tuple":
      return "Tuple";
    case "map":
      return `${inner(type.value)}Record`;
    case "object":
      return "Object";
    case "union":
      return type.members.map((member) => inner(member.type)).join("Or");
    case "intersection":
      return type.members.map(inner).join("And");
    case "operator": {
      const operator = type.operator;
      switch (operator.op) {
        case "utility":
          return `${operator.name}Of${operator.args.map(inner).join("And")}`;
        case "keyof":
          return `KeysOf${inner(operator.target)}`;
        case "indexed":
          return `${inner(operator.object)}${inner(operator.index)}`;
        case "mapped":
          return `MappedOf${inner(operator.homomorphic ?? operator.constraint)}`;
        default:
          return capitalized(operator.op);
      }
    }
    default:
      return assertNever(type);
  }
}

/** The last segment of a declaration id: `v2.Thread` → `Thread`. */
export function nameOfId(id: string): string {
  return id.slice(id.lastIndexOf(".") + 1);
}

/**
 * The id and name for `wanted` in `namespace`: `wanted`, else the first of
 * `wanted2`, `wanted3`, … whose id is not in `taken` (ids in lower case, since
 * each declaration becomes a file); the id chosen is added to `taken`.
 */
export function uniqueName(wanted: string, namespace: readonly string[], taken: Set<string>): { readonly id: string; readonly name: string } {
  const prefix = namespace.map((segment) => `${segment}.`).join("");
  let name = wanted;
  for (let suffix = 2; taken.has(`${prefix}${name}`.toLowerCase()); suffix++) name = `${wanted}${suffix}`;
  taken.add(`${prefix}${name}`.toLowerCase());
  return { id: `${prefix}${name}`, name };
}

/** `"in-progress"` → `InProgress`, `-1` → `Minus1`, `true` → `True`. */
function literalName(value: string | number | boolean): string {
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return `${value < 0 ? "Minus" : ""}${String(Math.abs(value)).replace(/[^A-Za-z0-9]/g, "_")}`;
  const words = value.split(/[^A-Za-z0-9]+/).filter((word) => word !== "");
  return words.length === 0 ? "Empty" : words.map(capitalized).join("");
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
