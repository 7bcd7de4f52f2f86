import type { Operator, SourceLocation, TypeNode } from "../types.js";
import type { Env, Evaluator } from "./evaluator.js";
import { distributionMembers, isNull, isUndefined, STRING } from "./members.js";

type TemplateOperator = Extract<Operator, { op: "template" }>;
export type IntrinsicName = "Uppercase" | "Lowercase" | "Capitalize" | "Uncapitalize";

/** More literal strings than this and a template stays a pattern. */
const MAX_LITERALS = 1_000;

/**
 * The strings `${number}` accepts: any but "" that `Number(text)` reads as a
 * finite number (TypeScript's rule): decimal, exponent, hexadecimal, octal and
 * binary forms, white space around them, and white space alone (which reads
 * as 0). A decimal too large for a double (`1e999`) reads as Infinity and is
 * not excluded: a pattern cannot compare magnitudes.
 */
const NUMBER_PATTERN = String.raw`(?:\s*(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+)\s*|\s+)`;

/** One alternative of a placeholder: a literal text, or an infinite set with its pattern and TypeScript text. */
type Alternative = { readonly literal: string } | { readonly pattern: string; readonly text: string; readonly parts?: TemplateParts };

/**
 * A template literal type: finite ones become the union of their strings
 * (`${"a" | "b"}-x` is `"a-x" | "b-x"`); others a string with an anchored
 * `pattern` and the template kept as TypeScript text.
 */
export function templateType(evaluator: Evaluator, operator: TemplateOperator, env: Env, at: SourceLocation): TypeNode {
  const spans: { alternatives: Alternative[]; text: string }[] = [];
  for (const span of operator.spans) {
    const alternatives = placeholderAlternatives(evaluator, evaluator.evaluate(span.type, env), at);
    if (!alternatives) return evaluator.report("unsupported-construct", "a template literal placeholder must be a string, number, boolean or literal type", at);
    spans.push({ alternatives, text: span.text });
  }
  const count = spans.reduce((product, span) => product * span.alternatives.length, 1);
  if (count === 0) return evaluator.plainUnion([]);
  if (count <= MAX_LITERALS && spans.every((span) => span.alternatives.every((alternative) => "literal" in alternative))) {
    let strings = [operator.head];
    for (const span of spans) {
      strings = strings.flatMap((prefix) => span.alternatives.map((alternative) => prefix + (alternative as { literal: string }).literal + span.text));
    }
    return evaluator.plainUnion(strings.map((value) => ({ kind: "literal", value })));
  }
  const parts = templatePartsOf(operator.head, spans);
  if (parts) return templateNode(evaluator, parts);
  let pattern = escapeRegExp(operator.head);
  let text = escapeTemplate(operator.head);
  for (const span of spans) {
    const patterns = span.alternatives.map((alternative) => ("literal" in alternative ? escapeRegExp(alternative.literal) : alternative.pattern));
    pattern += (patterns.length === 1 ? patterns[0]! : `(?:${patterns.join("|")})`) + escapeRegExp(span.text);
    const texts = span.alternatives.map((alternative) => ("literal" in alternative ? JSON.stringify(alternative.literal) : alternative.text));
    text += `\${${texts.join(" | ")}}${escapeTemplate(span.text)}`;
  }
  return { kind: "primitive", name: "string", pattern: `^${pattern}$`, template: `\`${text}\`` };
}

/**
 * A template without unions in its placeholders, as TypeScript keeps it:
 * texts around holes, each hole `string` or `${number}` under string
 * mappings. Intrinsics apply to it as TypeScript applies them (mapped texts,
 * mapped holes), which a pattern alone cannot say.
 */
export interface TemplateParts {
  readonly texts: readonly string[];
  readonly holes: readonly Hole[];
}

interface Hole {
  readonly base: "string" | "number";
  /** Innermost first: `Uppercase<Capitalize<string>>` is `["Capitalize", "Uppercase"]`. */
  readonly mappings: readonly IntrinsicName[];
}

function templatePartsOf(head: string, spans: readonly { alternatives: Alternative[]; text: string }[]): TemplateParts | undefined {
  // The text after the last hole grows as literals and texts follow it.
  const texts: string[] = [];
  let tail = head;
  const holes: Hole[] = [];
  for (const span of spans) {
    if (span.alternatives.length !== 1) return undefined;
    const alternative = span.alternatives[0]!;
    if ("literal" in alternative) tail += alternative.literal;
    else if (alternative.parts) {
      const [first, ...others] = alternative.parts.texts;
      texts.push(tail + first!);
      texts.push(...others.slice(0, -1));
      tail = others.at(-1)!;
      holes.push(...alternative.parts.holes);
    } else return undefined;
    tail += span.text;
  }
  return { texts: [...texts, tail], holes };
}

/** The string type of template parts: one literal when no hole is left, else a pattern and the TypeScript text. */
function templateNode(evaluator: Evaluator, parts: TemplateParts): TypeNode {
  if (parts.holes.length === 0) return { kind: "literal", value: parts.texts[0]! };
  // `${string}` is `string` in TypeScript (an index signature keyed by it is a string one).
  const [hole] = parts.holes;
  if (parts.holes.length === 1 && hole!.base === "string" && hole!.mappings.length === 0 && parts.texts.every((text) => text === "")) return STRING;
  let pattern = escapeRegExp(parts.texts[0]!);
  let text = escapeTemplate(parts.texts[0]!);
  parts.holes.forEach((hole, index) => {
    pattern += holePattern(hole) + escapeRegExp(parts.texts[index + 1]!);
    text += `\${${holeText(hole)}}${escapeTemplate(parts.texts[index + 1]!)}`;
  });
  const alone = parts.holes.length === 1 && parts.texts.every((part) => part === "") && parts.holes[0]!.base === "string";
  const node: TypeNode = { kind: "primitive", name: "string", pattern: `^${pattern}$`, template: alone ? holeText(parts.holes[0]!) : `\`${text}\`` };
  evaluator.templateParts.set(node, parts);
  return node;
}

/** A hole as TypeScript writes it: `string`, `number`, `Uppercase<string>`, ``Uppercase<`${number}`>``. */
function holeText(hole: Hole): string {
  if (hole.base === "number" && hole.mappings.length === 0) return "number";
  return hole.mappings.reduce((inner, mapping) => `${mapping}<${inner}>`, hole.base === "string" ? "string" : "`${number}`");
}

/**
 * The strings a hole accepts. TypeScript accepts a string for a stack of
 * mappings when applying the stack leaves it as it is, so at each position
 * the outermost mapping that acts there decides: the first character any of
 * them, the others only `Uppercase` and `Lowercase`. A number's text starts
 * with no letter; its letters (`e`, `x`, hex digits) take the case asked.
 */
function holePattern(hole: Hole): string {
  const caseOf = (mapping: IntrinsicName | undefined) => (mapping === undefined ? undefined : mapping === "Uppercase" || mapping === "Capitalize" ? "upper" : "lower");
  const rest = caseOf([...hole.mappings].reverse().find((mapping) => mapping === "Uppercase" || mapping === "Lowercase"));
  if (hole.base === "number") return rest === undefined ? NUMBER_PATTERN : casedNumberPattern(rest);
  const first = caseOf(hole.mappings.at(-1));
  const keeps = (cased: "upper" | "lower" | undefined) => (cased === undefined ? String.raw`[\s\S]` : cased === "upper" ? String.raw`[^\p{Ll}\p{Lt}]` : String.raw`[^\p{Lu}\p{Lt}]`);
  if (first === rest) return `${keeps(rest)}*`;
  return `(?:${keeps(first)}${keeps(rest)}*)?`;
}

function casedNumberPattern(cased: "upper" | "lower"): string {
  const pick = (upper: string, lower: string) => (cased === "upper" ? upper : lower);
  return NUMBER_PATTERN.replaceAll("[eE]", pick("E", "e")).replaceAll("[xX]", pick("X", "x")).replaceAll("[oO]", pick("O", "o"))
    .replaceAll("[bB]", pick("B", "b")).replaceAll("[0-9a-fA-F]", pick("[0-9A-F]", "[0-9a-f]"));
}

function placeholderAlternatives(evaluator: Evaluator, type: TypeNode, at: SourceLocation): Alternative[] | undefined {
  const alternatives: Alternative[] = [];
  for (const member of distributionMembers(evaluator.resolve(type, at))) {
    const resolved = evaluator.resolve(member.type, at);
    if (resolved.kind === "union") {
      const inner = placeholderAlternatives(evaluator, resolved, at);
      if (!inner) return undefined;
      alternatives.push(...inner);
    } else if (resolved.kind === "literal") {
      alternatives.push({ literal: String(resolved.value) });
    } else if (isNull(resolved) || isUndefined(resolved)) {
      alternatives.push({ literal: isNull(resolved) ? "null" : "undefined" });
    } else if (resolved.kind === "primitive" && resolved.name === "string") {
      const parts = evaluator.templateParts.get(resolved);
      alternatives.push(
        resolved.template !== undefined && resolved.pattern !== undefined
          ? { pattern: `(?:${resolved.pattern.slice(1, -1)})`, text: resolved.template, ...(parts ? { parts } : {}) }
          : { pattern: String.raw`[\s\S]*`, text: "string", parts: { texts: ["", ""], holes: [{ base: "string", mappings: [] }] } },
      );
    } else if (resolved.kind === "primitive" && resolved.name === "number") {
      alternatives.push({ pattern: NUMBER_PATTERN, text: "number", parts: { texts: ["", ""], holes: [{ base: "number", mappings: [] }] } });
    } else {
      return undefined;
    }
  }
  return alternatives;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

function escapeTemplate(text: string): string {
  return text.replace(/[`\\]|\$\{/g, (found) => `\\${found}`);
}

const INTRINSICS: Readonly<Record<IntrinsicName, (text: string) => string>> = {
  Uppercase: (text) => text.toUpperCase(),
  Lowercase: (text) => text.toLowerCase(),
  Capitalize: (text) => text.charAt(0).toUpperCase() + text.slice(1),
  Uncapitalize: (text) => text.charAt(0).toLowerCase() + text.slice(1),
};

/** TypeScript's mapping of a template: its texts mapped (`Capitalize`: the first), and its holes (`Capitalize`: the first, when no text is before it). */
function mapParts(name: IntrinsicName, parts: TemplateParts): TemplateParts {
  const mapHole = (hole: Hole): Hole => (hole.mappings.at(-1) === name ? hole : { ...hole, mappings: [...hole.mappings, name] });
  if (name === "Uppercase" || name === "Lowercase") return { texts: parts.texts.map(INTRINSICS[name]), holes: parts.holes.map(mapHole) };
  const [head, ...texts] = parts.texts;
  if (head !== "") return { texts: [INTRINSICS[name](head!), ...texts], holes: parts.holes };
  const [first, ...holes] = parts.holes;
  return { texts: parts.texts, holes: first ? [mapHole(first), ...holes] : [] };
}

/**
 * The strings each intrinsic leaves as they are, for `Uppercase<string>` and
 * the like (TypeScript accepts a string exactly when the mapping does not
 * change it): no lower-case (or title-case) letter, or none first.
 */
const INTRINSIC_PATTERNS: Readonly<Record<IntrinsicName, string>> = {
  Uppercase: String.raw`^[^\p{Ll}\p{Lt}]*$`,
  Lowercase: String.raw`^[^\p{Lu}\p{Lt}]*$`,
  Capitalize: String.raw`^(?:[^\p{Ll}\p{Lt}][\s\S]*)?$`,
  Uncapitalize: String.raw`^(?:[^\p{Lu}\p{Lt}][\s\S]*)?$`,
};

/**
 * `Uppercase<"a" | "b">` and the like: on string literals (a union
 * distributes) the mapped literal; on `string` a pattern.
 */
export function intrinsicType(evaluator: Evaluator, name: IntrinsicName, type: TypeNode, at: SourceLocation): TypeNode {
  return evaluator.mapMembers(distributionMembers(evaluator.resolve(type, at)), (member) => {
    const resolved = evaluator.resolve(member, at);
    if (resolved.kind === "union") return intrinsicType(evaluator, name, resolved, at);
    if (resolved.kind === "literal" && typeof resolved.value === "string") return { kind: "literal", value: INTRINSICS[name](resolved.value) };
    if (resolved.kind === "primitive" && resolved.name === "string" && resolved.pattern === undefined && resolved.format === undefined) {
      return templateNode(evaluator, mapParts(name, { texts: ["", ""], holes: [{ base: "string", mappings: [] }] }));
    }
    const parts = evaluator.templateParts.get(resolved);
    if (parts) return templateNode(evaluator, mapParts(name, parts));
    // A template's strings that the mapping leaves as they are: both patterns, one as a lookahead.
    if (resolved.kind === "primitive" && resolved.name === "string" && resolved.pattern !== undefined && resolved.template !== undefined && resolved.format === undefined) {
      const pattern = `^(?=${INTRINSIC_PATTERNS[name].slice(1)})${resolved.pattern.slice(1)}`;
      return { kind: "primitive", name: "string", pattern, template: `${name}<${resolved.template}>` };
    }
    const what = resolved.kind === "primitive" && resolved.name === "string" ? "a formatted string" : "this argument";
    return evaluator.report(
      "unsupported-construct",
      `\`${name}\` is evaluated on string literal types and on \`string\`; ${what} is not one: apply it to the literals, or use \`string\``,
      at,
    );
  });
}
