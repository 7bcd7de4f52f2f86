import { patternKey } from "../../model/patterns.js";
import { assertNever, unevaluated, type Declaration, type Docs, type Experimental, type Property, type TypeNode } from "../../model/types.js";
import type { DeclarationLookup } from "../lookup.js";
import { flattenUnion } from "../union.js";

/** How a page links to a declaration: the relative link to its section. */
export type LinkTo = (id: string) => string;

/**
 * A type as one line of TypeScript-like text, each declaration a link to its
 * section. Meant for a table cell: `|` is escaped there by `cell`.
 */
export function typeText(type: TypeNode, lookup: DeclarationLookup, link: LinkTo): string {
  const text = (inner: TypeNode): string => typeText(inner, lookup, link);
  switch (type.kind) {
    case "primitive":
      return code(type.template ?? (type.format ? `${type.name} (${type.format})` : type.name));
    case "literal":
      return code(JSON.stringify(type.value));
    case "ref":
      return `[${lookup.get(type.target).name}](${link(type.target)})`;
    case "array": {
      const element = text(type.element);
      return isCompound(type.element) ? `(${element})[]` : `${element}[]`;
    }
    case "tuple": {
      const required = type.required ?? type.elements.length;
      const elements = type.elements.map((element, index) => (index < required ? text(element) : `${text(element)}?`));
      if (type.rest) elements.push(`...${isCompound(type.rest) ? `(${text(type.rest)})` : text(type.rest)}[]`);
      return `[${elements.join(", ")}]`;
    }
    case "map":
      return `{ [key: string]: ${text(type.value)} }`;
    case "object": {
      const fields = type.properties.map((property) => `${property.name}${property.optional ? "?" : ""}: ${text(property.type)}`);
      if (type.additional) fields.push(`[key: string]: ${text(type.additional)}`);
      for (const index of type.patterns ?? []) fields.push(`[key: ${code(patternKey(index).template)}]: ${text(index.value)}`);
      return fields.length === 0 ? "`{}`" : `{ ${fields.join("; ")} }`;
    }
    case "union": {
      const members = flattenUnion(type.members);
      return members.length === 0 ? "`never`" : members.map((member) => text(member.type)).join(" | ");
    }
    case "intersection":
      return type.members.map((member) => (member.kind === "union" ? `(${text(member)})` : text(member))).join(" & ");
    case "operator":
      return unevaluated(type);
    default:
      return assertNever(type);
  }
}

/** An inline code span holding `text`, with a longer fence when the text holds backticks. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  return longest === 0 ? `${fence}${text}${fence}` : `${fence} ${text} ${fence}`;
}

function isCompound(type: TypeNode): boolean {
  return (type.kind === "union" && flattenUnion(type.members).length > 1) || (type.kind === "intersection" && type.members.length > 1);
}

/**
 * The named fields of an object type, with intersections merged and aliases of
 * objects followed; undefined when `type` is not (made of) objects.
 */
export function objectFields(type: TypeNode, lookup: DeclarationLookup, following: ReadonlySet<string> = new Set()): readonly Property[] | undefined {
  switch (type.kind) {
    case "object":
      return type.properties;
    case "intersection": {
      const fields: Property[] = [];
      for (const member of type.members) {
        const memberFields = member.kind === "map" ? [] : objectFields(member, lookup, following);
        if (!memberFields) return undefined;
        fields.push(...memberFields.filter((field) => !fields.some((known) => known.name === field.name)));
      }
      return fields;
    }
    case "ref": {
      const declaration: Declaration = lookup.get(type.target);
      if (declaration.kind !== "alias" || following.has(declaration.id)) return undefined;
      return objectFields(declaration.type, lookup, new Set([...following, declaration.id]));
    }
    default:
      return undefined;
  }
}

/** A line per index signature keyed by a template literal type: the keys it covers and their type. */
export function patternLines(type: TypeNode, lookup: DeclarationLookup, link: LinkTo): string[] {
  if (type.kind !== "object") return [];
  return (type.patterns ?? []).map((index) => `Keys matching ${code(patternKey(index).template)}: ${typeText(index.value, lookup, link)}`);
}

/** The field table: name, type, required, default, description (with deprecation and the experimental reason). */
export function fieldTable(fields: readonly Property[], lookup: DeclarationLookup, link: LinkTo): string[] {
  if (fields.length === 0) return ["No fields."];
  return [
    "| field | type | required | default | description |",
    "| --- | --- | --- | --- | --- |",
    ...fields.map((field) => {
      const fallback = field.docs.tags.default;
      const columns = [
        code(field.name),
        typeText(field.type, lookup, link),
        field.optional ? "optional" : "required",
        fallback === undefined ? "" : code(fallback),
        [noteText(field.docs, field.experimental), ...inlineNotes(field.type)].filter((part) => part !== "").join(" "),
      ];
      return `| ${columns.map(cell).join(" | ")} |`;
    }),
  ];
}

/**
 * Notes for the experimental elements written inline inside `type` (fields of
 * inline objects, union members), which a one-line type cannot show:
 * "`options.trace` **Experimental**: reason". References are not followed: the
 * declarations they name have sections of their own.
 */
export function inlineNotes(type: TypeNode, at = ""): string[] {
  switch (type.kind) {
    case "primitive":
    case "literal":
    case "ref":
      return [];
    case "array":
      return inlineNotes(type.element, at);
    case "map":
      return inlineNotes(type.value, at);
    case "tuple":
      return [...type.elements, ...(type.rest ? [type.rest] : [])].flatMap((element) => inlineNotes(element, at));
    case "intersection":
      return type.members.flatMap((member) => inlineNotes(member, at));
    case "object":
      return type.properties.flatMap((property) => {
        const path = at === "" ? property.name : `${at}.${property.name}`;
        const own = property.experimental ? [`${code(path)} **Experimental**: ${property.experimental.reason}`] : [];
        return [...own, ...inlineNotes(property.type, path)];
      }).concat((type.patterns ?? []).flatMap((index) => inlineNotes(index.value, at)));
    case "union":
      return flattenUnion(type.members).flatMap((member) => {
        const label = member.type.kind === "literal" ? JSON.stringify(member.type.value) : at === "" ? "member" : `${at} member`;
        const own = member.experimental ? [`${code(label)} **Experimental**: ${member.experimental.reason}`] : [];
        return [...own, ...inlineNotes(member.type, at)];
      });
    case "operator":
      return unevaluated(type);
    default:
      return assertNever(type);
  }
}

/** Description, then `Deprecated` and `Experimental` notes, as one paragraph of inline text. */
export function noteText(docs: Docs, experimental: Experimental | undefined): string {
  const parts: string[] = [];
  if (docs.description !== "") parts.push(docs.description);
  if (docs.deprecated !== undefined) parts.push(`**Deprecated**${docs.deprecated === "" ? "." : `: ${docs.deprecated}`}`);
  if (experimental) parts.push(`**Experimental**: ${experimental.reason}`);
  return parts.join(" ");
}

/** Text made safe for one table cell: pipes escaped, lines joined with `<br>`. */
export function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", "<br>");
}

/** Description, deprecation and experimental notes as block paragraphs. */
export function noteBlocks(docs: Docs, experimental: Experimental | undefined): string[] {
  const blocks: string[] = [];
  if (experimental) blocks.push(`> **Experimental**: ${experimental.reason}`, "");
  if (docs.deprecated !== undefined) blocks.push(`> **Deprecated**${docs.deprecated === "" ? "." : `: ${docs.deprecated}`}`, "");
  if (docs.description !== "") blocks.push(docs.description, "");
  return blocks;
}
