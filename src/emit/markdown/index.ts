import type { EnvelopeStyle } from "../../model/envelopes.js";
import { METHOD_DIRECTIONS, type Declaration, type Method, type MethodDirection, type Model, type TypeNode } from "../../model/types.js";
import { sortedByPath } from "../../output/serialize.js";
import { declarationLookup, type DeclarationLookup } from "../lookup.js";
import { flattenUnion } from "../union.js";
import { listNamespaces, namespaceKey, type Namespace } from "../namespaces.js";
import { cell, code, fieldTable, inlineNotes, noteBlocks, noteText, objectFields, patternLines, typeText, type LinkTo } from "./render.js";

export interface MarkdownOptions {
  /** The reference's title. */
  readonly title: string;
  /** Named in the README so a reader knows the wire. */
  readonly envelope: EnvelopeStyle;
}

const DIRECTION_TITLE = {
  clientRequest: "Client requests",
  clientNotification: "Client notifications",
  serverRequest: "Server requests",
  serverNotification: "Server notifications",
} as const satisfies Record<MethodDirection, string>;

const ENVELOPE_TEXT = {
  jsonrpc2: 'Messages are JSON-RPC 2.0: each carries `"jsonrpc": "2.0"`; requests carry an `id`; `params` is sent exactly when the method takes params.',
  lite: 'Messages are JSON-RPC without the `"jsonrpc"` member; requests carry an `id`; `params` is sent exactly when the method takes params.',
} as const satisfies Record<EnvelopeStyle, string>;

/**
 * A Markdown reference for an (already filtered) model:
 * - `README.md`: every method grouped by direction, with its params and result
 *   as field tables (type, required, default, description) and links to types;
 * - `types.md` for the root namespace and `<namespace folders>/types.md` for each
 *   other one: every declaration of that namespace, one section each.
 * Experimental items (only the experimental audience has any) show their reason;
 * deprecated ones say so.
 */
export function emitMarkdown(model: Model, options: MarkdownOptions): Map<string, string> {
  const lookup = declarationLookup(model);
  const namespaces = listNamespaces(model).filter((namespace) => namespace.length === 0 || hasDeclarations(model, namespace));
  const anchors = headingAnchors(model);
  const files: [string, string][] = [["README.md", readme(model, options, linker([], lookup, anchors, "readme"), lookup, namespaces)]];
  for (const namespace of namespaces) {
    const declarations = model.declarations.filter((declaration) => namespaceKey(declaration.namespace) === namespaceKey(namespace));
    if (declarations.length === 0) continue;
    files.push([pagePath(namespace), namespacePage(namespace, declarations, lookup, linker(namespace, lookup, anchors, "types"))]);
  }
  return sortedByPath(files);
}

function hasDeclarations(model: Model, namespace: Namespace): boolean {
  return model.declarations.some((declaration) => namespaceKey(declaration.namespace) === namespaceKey(namespace));
}

function pagePath(namespace: Namespace): string {
  return [...namespace, "types.md"].join("/");
}

/**
 * A link to a declaration's section from a page in folder `from`: `#thread` from
 * that namespace's own types page, else a relative path.
 */
function linker(from: Namespace, lookup: DeclarationLookup, anchors: ReadonlyMap<string, string>, page: "types" | "readme"): LinkTo {
  return (id) => {
    const target = lookup.get(id);
    const to = target.namespace;
    if (page === "types" && namespaceKey(to) === namespaceKey(from)) return `#${anchors.get(id)!}`;
    let common = 0;
    while (common < from.length && common < to.length && from[common] === to[common]) common++;
    const path = [...from.slice(common).map(() => ".."), ...pagePath(to.slice(common)).split("/")].join("/");
    return `${path}#${anchors.get(id)!}`;
  };
}

/**
 * The anchor GitHub gives each declaration's heading on its page: the name in
 * lower case without punctuation (`$`), and `-1`, `-2`… for a repeat on the same
 * page (`Foo` after `foo`). The page's title comes first and takes its own.
 */
function headingAnchors(model: Model): Map<string, string> {
  const anchors = new Map<string, string>();
  const taken = new Map<string, Set<string>>();
  for (const declaration of model.declarations) {
    const key = namespaceKey(declaration.namespace);
    let used = taken.get(key);
    if (!used) taken.set(key, (used = new Set([slug(pageTitle(declaration.namespace))])));
    const base = slug(declaration.name);
    let anchor = base;
    for (let repeat = 1; used.has(anchor); repeat++) anchor = `${base}-${repeat}`;
    used.add(anchor);
    anchors.set(declaration.id, anchor);
  }
  return anchors;
}

function slug(heading: string): string {
  return heading.toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, "").replaceAll(" ", "-");
}

function pageTitle(namespace: Namespace): string {
  return `Types${namespace.length > 0 ? ` in ${namespace.join("/")}` : ""}`;
}

function readme(model: Model, options: MarkdownOptions, link: LinkTo, lookup: DeclarationLookup, namespaces: readonly Namespace[]): string {
  const lines = [`# ${options.title}`, "", ENVELOPE_TEXT[options.envelope], ""];
  const hasExperimental = model.methods.some((method) => method.experimental) || model.declarations.some((declaration) => declaration.experimental);
  if (hasExperimental) lines.push("Items marked **Experimental** are sent or accepted only on connections that opted in to the experimental API.", "");
  lines.push("## Contents", "");
  for (const direction of METHOD_DIRECTIONS) {
    const count = model.methods.filter((method) => method.direction === direction).length;
    if (count > 0) lines.push(`- [${DIRECTION_TITLE[direction]}](#${slug(DIRECTION_TITLE[direction])}) (${count})`);
  }
  for (const namespace of namespaces) {
    if (hasDeclarations(model, namespace)) lines.push(`- [${pageTitle(namespace)}](${pagePath(namespace)})`);
  }
  lines.push("");
  for (const direction of METHOD_DIRECTIONS) {
    const methods = model.methods.filter((method) => method.direction === direction);
    if (methods.length === 0) continue;
    lines.push(`## ${DIRECTION_TITLE[direction]}`, "");
    for (const method of methods) lines.push(...methodSection(method, lookup, link));
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

function methodSection(method: Method, lookup: DeclarationLookup, link: LinkTo): string[] {
  const lines = [`### ${code(method.name)}`, "", ...noteBlocks(method.docs, method.experimental)];
  lines.push(...typeBlock("Params", method.params, "None.", lookup, link));
  if (method.direction === "clientRequest" || method.direction === "serverRequest") lines.push(...typeBlock("Result", method.result, "None.", lookup, link));
  return lines;
}

/** `**Params**: [Type](…)` and the type's field table when it is an object. */
function typeBlock(label: string, type: TypeNode | undefined, none: string, lookup: DeclarationLookup, link: LinkTo): string[] {
  if (!type) return [`**${label}**: ${none}`, ""];
  const lines = [`**${label}**: ${typeText(type, lookup, link)}`, ""];
  const fields = objectFields(type, lookup);
  if (fields && fields.length > 0) lines.push(...fieldTable(fields, lookup, link), "");
  return lines;
}

function namespacePage(namespace: Namespace, declarations: readonly Declaration[], lookup: DeclarationLookup, link: LinkTo): string {
  const back = `${namespace.map(() => "..").join("/") || "."}/README.md`;
  const lines = [`# ${pageTitle(namespace)}`, "", `[Methods](${back})`, ""];
  for (const declaration of declarations) {
    lines.push(`## ${declaration.name}`, "", ...noteBlocks(declaration.docs, declaration.experimental));
    lines.push(...declarationBody(declaration, lookup, link), "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

function declarationBody(declaration: Declaration, lookup: DeclarationLookup, link: LinkTo): string[] {
  if (declaration.kind === "enum") {
    return [
      "| value | description |",
      "| --- | --- |",
      ...declaration.members.map((member) => `| ${cell(code(JSON.stringify(member.value)))} | ${cell(noteText(member.docs, member.experimental))} |`),
    ];
  }
  const type = declaration.type;
  if (type.kind === "object" || type.kind === "intersection") {
    const fields = objectFields(type, lookup);
    if (fields) {
      // Keys typed by template literal signatures follow the named fields, a paragraph each.
      const patterns = patternLines(type, lookup, link).flatMap((line) => ["", line]);
      if (patterns.length === 0) return fieldTable(fields, lookup, link);
      return fields.length > 0 ? [...fieldTable(fields, lookup, link), ...patterns] : patterns.slice(1);
    }
  }
  if (type.kind === "union") {
    return [
      "One of:",
      "",
      ...flattenUnion(type.members).map((member) => {
        const note = [noteText(member.docs, member.experimental), ...inlineNotes(member.type)].filter((part) => part !== "").join(" ");
        const fields = member.type.kind === "object" ? member.type.properties : undefined;
        const text = fields ? `an object: ${typeText(member.type, lookup, link)}` : typeText(member.type, lookup, link);
        return `- ${text}${note === "" ? "" : ` — ${note.replaceAll("\n", " ")}`}`;
      }),
    ];
  }
  return [`Type: ${typeText(type, lookup, link)}`, ...inlineNotes(type).flatMap((note) => ["", note])];
}
