import { ts, type TS } from "./typescript.js";
import type { Docs } from "../model/types.js";

export interface JsDocTag {
  readonly name: string;
  readonly text: string;
  /** Offset of the `@` in the source text, for locating marker diagnostics. */
  readonly offset: number;
}

export interface JsDoc {
  readonly description: string;
  readonly tags: readonly JsDocTag[];
}

const EMPTY: JsDoc = { description: "", tags: [] };
/** Most fields have no JSDoc: they share one (frozen) empty value. */
const NO_DOCS: Docs = Object.freeze({ description: "", tags: Object.freeze({}) });
const TAG_NAME = /[A-Za-z][\w-]*/y;
const KEYWORD_TAGS = new Set(["default", "format", "pattern", "minimum", "maximum"]);

/**
 * The last `/** … *\/` comment directly before `node` (in its leading trivia,
 * including the part on the previous token's line, as in `a; /** @experimental *\/ b`).
 * Read from text rather than from TypeScript's JSDoc attachment, because the
 * compiler does not attach JSDoc to union members, where markers also live.
 */
export function leadingJsDoc(text: string, node: TS.Node): JsDoc {
  if (!commentMayFollow(text, node.pos)) return EMPTY;
  // The leading comments follow the same-line ones, so they are searched first, last to first.
  return (
    lastJsDoc(text, ts.getLeadingCommentRanges(text, node.pos)) ??
    lastJsDoc(text, ts.getTrailingCommentRanges(text, node.pos)) ??
    EMPTY
  );
}

/**
 * False when plain ASCII whitespace leads from `pos` to something other than
 * `/`: then no comment precedes the node (most fields have none), and the
 * compiler's comment scanners need not run. Anything else is left to them.
 */
function commentMayFollow(text: string, pos: number): boolean {
  let index = pos;
  for (let code = text.charCodeAt(index); code === 32 || (code >= 9 && code <= 13); code = text.charCodeAt(++index));
  const next = text.charCodeAt(index);
  return next === 47 || next >= 128;
}

function lastJsDoc(text: string, ranges: readonly TS.CommentRange[] | undefined): JsDoc | undefined {
  if (!ranges) return undefined;
  for (let index = ranges.length - 1; index >= 0; index--) {
    const range = ranges[index]!;
    if (range.kind === ts.SyntaxKind.MultiLineCommentTrivia && text.startsWith("/**", range.pos) && range.end - range.pos > 4) {
      return parseJsDoc(text.slice(range.pos, range.end), range.pos);
    }
  }
  return undefined;
}

/**
 * Parses the raw text of one JSDoc comment that starts at `start` in its file.
 * Tags start where TypeScript starts them: at the start of a line, or after
 * whitespace anywhere on a line (outside backquotes in a tag's text), so
 * `/** @minimum 1 @maximum 100 *\/` holds two tags, as editors show it.
 */
export function parseJsDoc(raw: string, start: number): JsDoc {
  const body = raw.slice(3, -2);
  // Most comments are one line of prose: no tags, nothing to split.
  if (!body.includes("\n") && !body.includes("@")) {
    return { description: body.slice(/^\s*\*?\s?/.exec(body)![0].length).trim(), tags: [] };
  }
  const description: string[] = [];
  const tags: { name: string; lines: string[]; offset: number }[] = [];
  const addText = (text: string) => (tags.length > 0 ? tags[tags.length - 1]!.lines : description).push(text);
  let offset = start + 3;
  for (const rawLine of body.split("\n")) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    const prefix = /^\s*\*?\s?/.exec(rawLine)![0];
    const line = rawLine.slice(prefix.length).replace(/\s+$/, "");
    let textStart = 0;
    for (const at of tagStarts(line, tags.length > 0)) {
      const before = line.slice(textStart, at);
      if (textStart > 0 || before.trim() !== "") addText(before);
      TAG_NAME.lastIndex = at + 1;
      const name = TAG_NAME.exec(line)![0];
      tags.push({ name, lines: [], offset: lineStart + prefix.length + at });
      textStart = at + 1 + name.length;
    }
    addText(textStart > 0 ? line.slice(textStart).trimStart() : line);
  }
  return {
    description: description.join("\n").trim(),
    tags: tags.map((tag) => ({ name: tag.name, text: tag.lines.join("\n").trim(), offset: tag.offset })),
  };
}

/**
 * Where tags start on one line (after its ` * ` margin): `@name` first on the
 * line or after whitespace. Inside a tag's text (`inTag`, or after a tag on this
 * line) a backquoted `@name` is prose; TypeScript does not protect the
 * description that way, so neither does this.
 */
function tagStarts(line: string, inTag: boolean): number[] {
  const starts: number[] = [];
  if (!line.includes("@")) return starts;
  let quoted = false;
  // Where the last tag's name ends: an `@` right there starts another tag (`@minimum@maximum`).
  let nameEnd = 0;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === "`") quoted = inTag && !quoted;
    else if (char === "@" && !quoted && (index === nameEnd || /\s/.test(line[index - 1]!))) {
      TAG_NAME.lastIndex = index + 1;
      if (TAG_NAME.test(line)) {
        starts.push(index);
        inTag = true;
        nameEnd = TAG_NAME.lastIndex;
      }
    }
  }
  return starts;
}

/** The documentation part of a JSDoc: description, keyword tags and `@deprecated`. Markers are read elsewhere. */
export function docsOf(doc: JsDoc): Docs {
  if (doc.description === "" && doc.tags.length === 0) return NO_DOCS;
  const tags: Record<string, string> = {};
  let deprecated: string | undefined;
  for (const tag of doc.tags) {
    if (tag.name === "deprecated") deprecated = tag.text;
    else if (KEYWORD_TAGS.has(tag.name)) tags[tag.name] = tag.text;
  }
  return deprecated === undefined ? { description: doc.description, tags } : { description: doc.description, tags, deprecated };
}
