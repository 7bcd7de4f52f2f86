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
  /** `@name` words inside a line, not at its start: JSDoc does not read them as tags. */
  readonly inlineTags: readonly JsDocTag[];
}

const EMPTY: JsDoc = { description: "", tags: [], inlineTags: [] };
/** Most fields have no JSDoc: they share one (frozen) empty value. */
const NO_DOCS: Docs = Object.freeze({ description: "", tags: Object.freeze({}) });
/** A tag-like word after other text on a line; backquoted mentions (`` `@experimental` ``) are prose. */
const INLINE_TAG = /(?<=[^\s`]\s*|\S\s+)(?<!`)@([A-Za-z][\w-]*)\b/g;
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

/** Parses the raw text of one JSDoc comment that starts at `start` in its file. */
export function parseJsDoc(raw: string, start: number): JsDoc {
  const body = raw.slice(3, -2);
  // Most comments are one line of prose: no tags, nothing to split.
  if (!body.includes("\n") && !body.includes("@")) {
    return { description: body.slice(/^\s*\*?\s?/.exec(body)![0].length).trim(), tags: [], inlineTags: [] };
  }
  const description: string[] = [];
  const tags: { name: string; lines: string[]; offset: number }[] = [];
  const inlineTags: JsDocTag[] = [];
  let offset = start + 3;
  for (const rawLine of body.split("\n")) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    const prefix = /^\s*\*?\s?/.exec(rawLine)![0];
    const line = rawLine.slice(prefix.length).replace(/\s+$/, "");
    for (const match of line.matchAll(INLINE_TAG)) {
      inlineTags.push({ name: match[1]!, text: "", offset: lineStart + prefix.length + match.index });
    }
    const tag = /^@([A-Za-z][\w-]*)\s*(.*)$/.exec(line);
    if (tag) tags.push({ name: tag[1]!, lines: [tag[2]!], offset: lineStart + prefix.length });
    else if (tags.length > 0) tags[tags.length - 1]!.lines.push(line);
    else description.push(line);
  }
  return {
    description: description.join("\n").trim(),
    tags: tags.map((tag) => ({ name: tag.name, text: tag.lines.join("\n").trim(), offset: tag.offset })),
    inlineTags,
  };
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
