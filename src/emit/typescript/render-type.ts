import { unevaluated, type Docs, type Experimental, type TypeNode } from "../../model/types.js";
import { patternKey, patternMatches } from "../../model/patterns.js";
import { visitType, type TypeVisitor } from "../../model/visit.js";
import { flattenUnion } from "../union.js";
import { propertyKey } from "./identifiers.js";
import { hasDocs } from "../docs.js";
import { jsDocLines } from "./jsdoc.js";

/** What rendering needs to know about the file it renders into. */
export interface RenderContext {
  /** Local (possibly aliased) name of a referenced declaration. */
  readonly nameOf: (id: string) => string;
  /** Type parameter of mapped types, chosen so it shadows no local name. */
  readonly mappedKey: string;
  /** Whether a referenced declaration is a closed object with no properties. */
  readonly isEmptyObject: (id: string) => boolean;
}

/** One alternative of a union: rendered at a given indentation, with optional docs. */
export interface UnionItem {
  readonly render: (indent: string) => string;
  readonly docs?: Docs;
  readonly experimental?: Experimental | undefined;
}

const NO_DOCS: Docs = { description: "", tags: {} };

/** Unions longer than this on one line are laid out one member per line. */
const MAX_UNION_LINE = 80;

/**
 * TypeScript text for `type`. `indent` is the indentation of the line the text
 * starts on; nested lines are indented relative to it. A multi-line union starts
 * with "\n" so the caller can put it right after `=` or `:`.
 */
export function renderType(type: TypeNode, context: RenderContext, indent: string): string {
  return visitType(type, RENDERERS, context, indent);
}

const RENDERERS: TypeVisitor<string, [RenderContext, string]> = {
  primitive: (type) => type.template ?? type.name,
  literal: (type) => JSON.stringify(type.value),
  ref: (type, context) => context.nameOf(type.target),
  array: (type, context, indent) => `${parenthesize(type.element, "array", context, indent)}[]`,
  tuple: renderTuple,
  map: (type, context, indent) => `{ [${context.mappedKey} in string]?:${spaced(renderType(type.value, context, indent))} }`,
  object: renderObject,
  union: (type, context, indent) =>
    renderUnion(
      flattenUnion(type.members).map((member) => ({
        render: (at) => renderType(member.type, context, at),
        docs: member.docs,
        experimental: member.experimental,
      })),
      indent,
    ),
  intersection: (type, context, indent) => renderIntersection(type.members, context, indent),
  operator: unevaluated,
};

/** `A | B` on one line, or one `| member` per line (with member docs) when long, documented or multi-line. */
export function renderUnion(items: readonly UnionItem[], indent: string): string {
  if (items.length === 0) return "never";
  if (items.length === 1) return items[0]!.render(indent);
  const memberIndent = `${indent}  `;
  // Each member is rendered once, as a multi-line member (its nested lines two columns in, after "| ").
  // Indentation only follows line breaks, so a member without one reads the same on one line: rendering
  // it twice, once per layout, would double the work at every level of nested unions.
  const rendered = items.map((item) => item.render(`${memberIndent}  `));
  const multiline =
    items.some((item) => (item.docs !== undefined && hasDocs(item.docs)) || item.experimental !== undefined) ||
    rendered.some((text) => text.includes("\n")) ||
    rendered.join(" | ").length > MAX_UNION_LINE;
  if (!multiline) return rendered.join(" | ");
  return items
    .map((item, index) => {
      const docs = item.docs || item.experimental ? jsDocLines(item.docs ?? NO_DOCS, memberIndent, item.experimental) : [];
      return [...docs, `${memberIndent}| ${rendered[index]!}`].map((line) => `\n${line}`).join("");
    })
    .join("");
}

/** " text", or the text itself when it starts on its own line. */
export function spaced(text: string): string {
  return text.startsWith("\n") ? text : ` ${text}`;
}

function renderObject(type: Extract<TypeNode, { kind: "object" }>, context: RenderContext, indent: string): string {
  const inner = `${indent}  `;
  const lines: string[] = [];
  for (const property of type.properties) {
    lines.push(...jsDocLines(property.docs, inner, property.experimental));
    const key = propertyKey(property.name) + (property.optional ? "?" : "");
    lines.push(`${inner}${key}:${spaced(renderType(property.type, context, inner))};`);
  }
  const patterns = type.patterns ?? [];
  if (type.additional) {
    // `string`'s signature holds every key, those the patterns match included.
    const held = [...type.properties, ...patterns.map((index) => ({ type: index.value, optional: false }))];
    lines.push(`${inner}[key: string]:${spaced(renderIndexValue(type.additional, held, context, inner))};`);
  }
  for (const index of patterns) {
    const key = patternKey(index);
    const held = type.properties.filter((property) => patternMatches(key.pattern, property.name));
    lines.push(`${inner}[key: ${key.template}]:${spaced(renderIndexValue(index.value, held, context, inner))};`);
  }
  // A closed object with no properties: `{}` would accept any non-null value.
  if (lines.length === 0) return "{ [key: string]: never }";
  return `{\n${lines.join("\n")}\n${indent}}`;
}

/**
 * An index signature must admit the type of every named property (undefined
 * included for optional ones) and other signature it covers, so its value is
 * widened with them; duplicates are dropped.
 */
function renderIndexValue(
  value: TypeNode,
  held: readonly { readonly type: TypeNode; readonly optional: boolean }[],
  context: RenderContext,
  indent: string,
): string {
  const types = [value, ...held.map((property) => property.type)].flatMap((member) =>
    member.kind === "union" ? flattenUnion(member.members).map((flat) => flat.type) : [member],
  );
  const items = new Map<string, UnionItem>();
  for (const member of types) {
    // Rendered once (twice per level would double the work at every nested level): every nested
    // line of a rendering starts with its indentation, so moving it is a replacement.
    const text = renderType(member, context, indent);
    if (!items.has(text)) items.set(text, { render: (at) => text.replaceAll(`\n${indent}`, `\n${at}`) });
  }
  if (held.some((property) => property.optional)) items.set("undefined", { render: () => "undefined" });
  if (items.has("unknown")) return "unknown";
  return renderUnion([...items.values()], indent);
}

function renderIntersection(members: readonly TypeNode[], context: RenderContext, indent: string): string {
  if (members.length === 0) return "unknown";
  // An empty closed object adds nothing to an intersection (JSON Schema flattens it away), while its
  // TypeScript form `{ [key: string]: never }` would turn every other member's property into `never`.
  const contributing = members.filter((member) => !isEmptyObject(member, context));
  if (contributing.length === 0) return renderType({ kind: "object", properties: [] }, context, indent);
  return contributing.map((member) => parenthesize(member, "intersection", context, indent)).join(" & ");
}

function isEmptyObject(type: TypeNode, context: RenderContext): boolean {
  if (type.kind === "ref") return context.isEmptyObject(type.target);
  return type.kind === "object" && type.properties.length === 0 && !type.additional && !type.patterns;
}

type Binding = "atom" | "intersection" | "union";

/** How loosely `type`'s rendering binds, to know where parentheses are needed. */
function binding(type: TypeNode): Binding {
  if (type.kind === "union") {
    const members = flattenUnion(type.members);
    return members.length === 1 ? binding(members[0]!.type) : members.length === 0 ? "atom" : "union";
  }
  if (type.kind === "intersection") {
    return type.members.length === 1 ? binding(type.members[0]!) : type.members.length === 0 ? "atom" : "intersection";
  }
  return "atom";
}

function parenthesize(type: TypeNode, within: "array" | "intersection", context: RenderContext, indent: string): string {
  const text = renderType(type, context, indent);
  const kind = binding(type);
  const needed = within === "array" ? kind !== "atom" : kind === "union";
  if (!needed) return text;
  return text.startsWith("\n") ? `(${text}\n${indent})` : `(${text})`;
}

/** `[A, B?, ...C[]]`: elements past `required` are optional; `rest` types the ones after. */
function renderTuple(type: Extract<TypeNode, { kind: "tuple" }>, context: RenderContext, indent: string): string {
  const required = type.required ?? type.elements.length;
  const parts = type.elements.map((element, index) => renderType(element, context, indent) + (index >= required ? "?" : ""));
  if (type.rest) parts.push(`...${parenthesize(type.rest, "array", context, indent)}[]`);
  return `[${parts.join(", ")}]`;
}
