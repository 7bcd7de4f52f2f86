import { escapeRegExp } from "../patterns.js";
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

/**
 * One alternative of a placeholder: a literal text, or an infinite set with
 * its pattern and TypeScript text (`plain` for `string` itself).
 */
type Alternative = { readonly literal: string } | { readonly pattern: string; readonly text: string; readonly plain?: true };

/** A template literal type taken apart: what an intrinsic (`Capitalize<\`x-${string}\`>`) maps, as TypeScript maps it. */
export interface TemplateParts {
  readonly head: string;
  readonly spans: readonly { readonly alternatives: readonly Alternative[]; readonly text: string }[];
}

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
  return templateOf(evaluator, { head: operator.head, spans });
}

function templateOf(evaluator: Evaluator, parts: TemplateParts): TypeNode {
  const { head, spans } = parts;
  const count = spans.reduce((product, span) => product * span.alternatives.length, 1);
  if (count === 0) return evaluator.plainUnion([]);
  // `${string}` is `string` in TypeScript (an index signature keyed by it is a string one).
  const only = spans.length === 1 && head === "" && spans[0]!.text === "" && spans[0]!.alternatives.length === 1 ? spans[0]!.alternatives[0]! : undefined;
  if (only && "plain" in only) return STRING;
  if (count <= MAX_LITERALS && spans.every((span) => span.alternatives.every((alternative) => "literal" in alternative))) {
    let strings = [head];
    for (const span of spans) {
      strings = strings.flatMap((prefix) => span.alternatives.map((alternative) => prefix + (alternative as { literal: string }).literal + span.text));
    }
    return evaluator.plainUnion(strings.map((value) => ({ kind: "literal", value })));
  }
  let pattern = escapeRegExp(head);
  let text = escapeTemplate(head);
  for (const span of spans) {
    const patterns = span.alternatives.map((alternative) => ("literal" in alternative ? escapeRegExp(alternative.literal) : alternative.pattern));
    pattern += (patterns.length === 1 ? patterns[0]! : `(?:${patterns.join("|")})`) + escapeRegExp(span.text);
    const texts = span.alternatives.map((alternative) => ("literal" in alternative ? JSON.stringify(alternative.literal) : alternative.text));
    text += `\${${texts.join(" | ")}}${escapeTemplate(span.text)}`;
  }
  const type: TypeNode = { kind: "primitive", name: "string", pattern: `^${pattern}$`, template: `\`${text}\`` };
  evaluator.templateParts.set(type, parts);
  return type;
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
      alternatives.push(
        resolved.template !== undefined && resolved.pattern !== undefined
          ? { pattern: `(?:${resolved.pattern.slice(1, -1)})`, text: resolved.template }
          : { pattern: String.raw`[\s\S]*`, text: "string", plain: true },
      );
    } else if (resolved.kind === "primitive" && resolved.name === "number") {
      alternatives.push({ pattern: NUMBER_PATTERN, text: "number" });
    } else {
      return undefined;
    }
  }
  return alternatives;
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

/** The strings of a pattern that the mapping leaves as they are: both patterns, one as a lookahead. */
function unchangedStrings(name: IntrinsicName, pattern: string, template: string): TypeNode {
  return { kind: "primitive", name: "string", pattern: `^(?=${INTRINSIC_PATTERNS[name].slice(1)})${pattern.slice(1)}`, template: `${name}<${template}>` };
}

/**
 * An intrinsic of a template literal type, as TypeScript maps one: `Uppercase`
 * and `Lowercase` map every literal text and each placeholder; `Capitalize`
 * and `Uncapitalize` map the first letter of the head, or without a head the
 * first placeholder. A placeholder of `string` becomes `Uppercase<string>` and
 * the like; one of another kind (a number, a nested template) keeps the
 * strings the mapping leaves as they are, a lookahead over the whole string,
 * which is exact as the texts around it are mapped already.
 */
function mappedTemplate(evaluator: Evaluator, name: IntrinsicName, parts: TemplateParts): TypeNode {
  const map = INTRINSICS[name];
  const body = INTRINSIC_PATTERNS[name].slice(1, -1);
  let lookahead = false;
  const mapAlternative = (alternative: Alternative): Alternative => {
    if ("literal" in alternative) return { literal: map(alternative.literal) };
    if (alternative.plain) return { pattern: body, text: `${name}<string>` };
    lookahead = true;
    return alternative;
  };
  if (name === "Uppercase" || name === "Lowercase") {
    const spans = parts.spans.map((span) => ({ alternatives: span.alternatives.map(mapAlternative), text: map(span.text) }));
    const mapped = templateOf(evaluator, { head: map(parts.head), spans });
    if (!lookahead || !(mapped.kind === "primitive" && mapped.pattern !== undefined && mapped.template !== undefined)) return mapped;
    return unchangedStrings(name, mapped.pattern, mapped.template);
  }
  if (parts.head !== "") return templateOf(evaluator, { head: map(parts.head), spans: parts.spans });
  const [first, ...others] = parts.spans;
  const mapped = templateOf(evaluator, { head: "", spans: [{ alternatives: first!.alternatives.map(mapAlternative), text: first!.text }, ...others] });
  if (!lookahead || !(mapped.kind === "primitive" && mapped.pattern !== undefined && mapped.template !== undefined)) return mapped;
  // The first letter comes from a placeholder of another kind (a number, a nested template): the whole string's.
  return unchangedStrings(name, mapped.pattern, mapped.template);
}

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
      return { kind: "primitive", name: "string", pattern: INTRINSIC_PATTERNS[name], template: `${name}<string>` };
    }
    if (resolved.kind === "primitive" && resolved.name === "string" && resolved.pattern !== undefined && resolved.template !== undefined && resolved.format === undefined) {
      const parts = evaluator.templateParts.get(resolved);
      return parts ? mappedTemplate(evaluator, name, parts) : unchangedStrings(name, resolved.pattern, resolved.template);
    }
    const what = resolved.kind === "primitive" && resolved.name === "string" ? "a formatted string" : "this argument";
    return evaluator.report(
      "unsupported-construct",
      `\`${name}\` is evaluated on string literal types and on \`string\`; ${what} is not one: apply it to the literals, or use \`string\``,
      at,
    );
  });
}
