import { ts } from "./typescript.js";
import { assertNever, operandsOf, type SourceLocation, type TypeNode } from "../model/types.js";

/**
 * How deeply types may nest inside one declaration: arrays, tuples, maps,
 * objects, unions and intersections each add a level. Real protocols stay
 * far below it; beyond a few hundred levels the TypeScript parser, `tsc` and
 * Ajv run out of stack, so a deeper type is reported here, at the level that
 * crosses the limit, and never reaches them. A named declaration starts its
 * own count: naming an inner type is the fix.
 */
export const MAX_NESTING = 64;

export const NESTING_FIX = "; declare the inner types as named types (each declaration nests on its own)";

/**
 * Where `type` first nests deeper than MAX_NESTING (the nearest location
 * written in the source: a field, union member or reference), or undefined when
 * it does not. Generic instances are shared between the places that use them,
 * so heights are computed once per node, without recursion.
 */
export function tooDeep(
  name: string,
  type: TypeNode,
  declaredAt: SourceLocation,
): { location: SourceLocation; message: string } | undefined {
  if (fitsWithin(type, MAX_NESTING, new Map())) return undefined;
  const heights = new Map<TypeNode, number>();
  heightOf(type, heights);
  // Descend along a deepest path to the level that crosses the limit; report where it is written.
  let node = type;
  let location = declaredAt;
  for (let level = 1; level <= MAX_NESTING; level++) {
    const next = deepestChild(node, heights);
    if (next.location) location = next.location;
    node = next.type;
  }
  return {
    location,
    message: `"${name}" nests more than ${MAX_NESTING} levels deep here (arrays, tuples, maps, objects, unions and intersections each add one)${NESTING_FIX}`,
  };
}

interface Child {
  readonly type: TypeNode;
  /** Where the child is written, when the IR knows it. */
  readonly location?: SourceLocation;
}

function childrenOf(type: TypeNode): readonly Child[] {
  switch (type.kind) {
    case "primitive":
    case "literal":
    case "ref":
      return [];
    case "array":
      return [{ type: type.element }];
    case "map":
      return [{ type: type.value }];
    case "tuple":
      return [...type.elements, ...(type.rest ? [type.rest] : [])].map((element) => ({ type: element }));
    case "object": {
      const children: Child[] = type.properties.map((property) => ({ type: property.type, location: property.location }));
      if (type.additional) children.push({ type: type.additional });
      for (const index of type.patterns ?? []) children.push({ type: index.key }, { type: index.value });
      return children;
    }
    case "union":
      return type.members.map((member) => ({ type: member.type, location: member.location }));
    case "intersection":
      return type.members.map((member) => ({ type: member, location: member.kind === "ref" ? member.location : type.location }));
    case "operator":
      return operandsOf(type.operator).map((operand) => ({ type: operand, location: type.location }));
    default:
      return assertNever(type);
  }
}

/**
 * Whether `type` nests at most `room` levels: the common case, answered without
 * building child lists. Recursion goes at most `room` levels down; heights of
 * shared nodes are kept in `heights`, so generic instances are measured once.
 */
function fitsWithin(type: TypeNode, room: number, heights: Map<TypeNode, number>): boolean {
  return measure(type, room, heights) <= room;
}

/** The height of `type`, or Infinity as soon as it is known to exceed `room`. */
function measure(type: TypeNode, room: number, heights: Map<TypeNode, number>): number {
  if (type.kind === "primitive" || type.kind === "literal" || type.kind === "ref") return 0;
  const known = heights.get(type);
  if (known !== undefined) return known;
  if (room === 0) return Infinity;
  let height = 0;
  const visit = (child: TypeNode) => {
    if (height !== Infinity) height = Math.max(height, measure(child, room - 1, heights));
  };
  switch (type.kind) {
    case "array":
      visit(type.element);
      break;
    case "map":
      visit(type.value);
      break;
    case "tuple":
      type.elements.forEach(visit);
      if (type.rest) visit(type.rest);
      break;
    case "object":
      for (const property of type.properties) visit(property.type);
      if (type.additional) visit(type.additional);
      for (const index of type.patterns ?? []) {
        visit(index.key);
        visit(index.value);
      }
      break;
    case "union":
      for (const member of type.members) visit(member.type);
      break;
    case "intersection":
      type.members.forEach(visit);
      break;
    case "operator":
      operandsOf(type.operator).forEach(visit);
      break;
    default:
      return assertNever(type);
  }
  if (height === Infinity) return Infinity;
  heights.set(type, height + 1);
  return height + 1;
}

/** Levels of nesting in `type`: 0 for a primitive, literal or reference. */
function heightOf(type: TypeNode, heights: Map<TypeNode, number>): number {
  const pending: { type: TypeNode; expanded: boolean }[] = [{ type, expanded: false }];
  while (pending.length > 0) {
    const top = pending[pending.length - 1]!;
    if (heights.has(top.type)) {
      pending.pop();
      continue;
    }
    const children = childrenOf(top.type);
    if (!top.expanded) {
      top.expanded = true;
      for (const child of children) if (!heights.has(child.type)) pending.push({ type: child.type, expanded: false });
      continue;
    }
    pending.pop();
    const leaf = top.type.kind === "primitive" || top.type.kind === "literal" || top.type.kind === "ref";
    let height = 0;
    for (const child of children) height = Math.max(height, heights.get(child.type)!);
    heights.set(top.type, leaf ? 0 : 1 + height);
  }
  return heights.get(type)!;
}

function deepestChild(type: TypeNode, heights: ReadonlyMap<TypeNode, number>): Child {
  let deepest: Child | undefined;
  for (const child of childrenOf(type)) {
    if (!deepest || heights.get(child.type)! > heights.get(deepest.type)!) deepest = child;
  }
  return deepest!;
}

/**
 * Where the brackets of `text` (`{`, `(`, `[`, `<`) first nest deeper than
 * MAX_NESTING, else where they nest deepest: to locate a file the TypeScript
 * parser could not read (it parses nested types by recursion and runs out of
 * stack a few hundred levels down).
 */
export function deepestBracket(text: string): number {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  let depth = 0;
  let deepest = 0;
  let at = 0;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (OPENING.has(token)) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        at = scanner.getTokenStart();
        if (depth > MAX_NESTING) return at;
      }
    } else if (CLOSING.has(token)) {
      depth = Math.max(0, depth - 1);
    }
  }
  return at;
}

const OPENING = new Set([ts.SyntaxKind.OpenBraceToken, ts.SyntaxKind.OpenParenToken, ts.SyntaxKind.OpenBracketToken, ts.SyntaxKind.LessThanToken]);
const CLOSING = new Set([ts.SyntaxKind.CloseBraceToken, ts.SyntaxKind.CloseParenToken, ts.SyntaxKind.CloseBracketToken, ts.SyntaxKind.GreaterThanToken]);

export const PARSER_STACK_MESSAGE =
  `types nest too deeply here for the TypeScript parser (it ran out of stack); schemagate reads at most ${MAX_NESTING} levels${NESTING_FIX}`;
