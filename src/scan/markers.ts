import { ts, type TS } from "./typescript.js";
import { METHOD_DIRECTIONS, type MethodDirection } from "../model/types.js";
import type { JsDoc } from "./jsdoc.js";
import type { Mutable } from "../immutable.js";

/** The marker vocabulary, recognised by name in JSDoc tags and decorators alike. */
export type MarkerName = "experimental" | "methods";

export interface Marks {
  /** Reason as written; "" means "derive it". */
  readonly experimental?: { readonly reason: string };
  readonly methods?: MethodDirection;
}

/** A marker problem, located by offset in the file. */
export interface MarkerProblem {
  readonly message: string;
  readonly offset: number;
  /** The marker the problem is about, when known. */
  readonly marker?: MarkerName;
}

interface MarkerUse {
  readonly name: MarkerName;
  /** The argument: tag text, or the decorator's string argument; undefined for none. */
  readonly argument: string | undefined;
  readonly offset: number;
}

type MarkerHandler = (use: MarkerUse, marks: Mutable<Marks>) => string | undefined;

const MARKER_HANDLERS = {
  experimental(use, marks) {
    const reason = use.argument ?? "";
    if (/\s/.test(reason)) {
      return `@experimental takes at most one word as its reason (such as "thread/start.persistFullHistory"), got "${reason}"`;
    }
    marks.experimental = { reason };
    return undefined;
  },
  methods(use, marks) {
    const kind = use.argument ?? "";
    if (!(METHOD_DIRECTIONS as readonly string[]).includes(kind)) {
      return `@methods needs one of ${METHOD_DIRECTIONS.join(", ")}; got ${kind === "" ? "nothing" : `"${kind}"`}`;
    }
    marks.methods = kind as MethodDirection;
    return undefined;
  },
} satisfies Record<MarkerName, MarkerHandler>;

/** Where each marker belongs, for "not allowed here" messages. */
const MARKER_PLACES: Record<MarkerName, string> = {
  experimental: "it marks a declaration, field, union or enum member, or registry entry",
  methods: "it marks a registry: a top-level interface or class whose keys are wire method names",
};

/** Most elements carry no JSDoc tags and no decorators: they share this result. */
const UNMARKED: { marks: Marks; problems: readonly MarkerProblem[] } = Object.freeze({ marks: Object.freeze({}), problems: Object.freeze([]) });

const isMarkerName = (name: string): name is MarkerName => Object.hasOwn(MARKER_HANDLERS, name);

/** The marker tags of a JSDoc, with where each marker belongs, for places that take no markers. */
export function markerTags(doc: JsDoc): { readonly name: MarkerName; readonly offset: number; readonly belongs: string }[] {
  return doc.tags.flatMap((tag) => (isMarkerName(tag.name) ? [{ name: tag.name, offset: tag.offset, belongs: MARKER_PLACES[tag.name] }] : []));
}

/**
 * Reads the markers of one element from its JSDoc and decorators. `allowed`
 * says which markers make sense at this place; others are reported.
 */
export function readMarks(
  doc: JsDoc,
  node: TS.Node,
  sourceFile: TS.SourceFile,
  allowed: readonly MarkerName[],
): { marks: Marks; problems: readonly MarkerProblem[] } {
  const decorators = decoratorsOf(node);
  if (doc.tags.length === 0 && decorators.length === 0) return UNMARKED;
  const uses: MarkerUse[] = [];
  const problems: MarkerProblem[] = [];
  for (const tag of doc.tags) {
    if (isMarkerName(tag.name)) uses.push({ name: tag.name, argument: tag.text === "" ? undefined : tag.text, offset: tag.offset });
  }
  for (const decorator of decorators) {
    const use = decoratorUse(decorator, sourceFile);
    if (use === undefined) continue;
    if ("message" in use) problems.push(use);
    else uses.push(use);
  }
  const marks: Mutable<Marks> = {};
  for (const use of uses) {
    if (!allowed.includes(use.name)) {
      problems.push({ message: `@${use.name} is not allowed here; ${MARKER_PLACES[use.name]}`, offset: use.offset, marker: use.name });
      continue;
    }
    const problem = MARKER_HANDLERS[use.name](use, marks);
    if (problem) problems.push({ message: problem, offset: use.offset, marker: use.name });
  }
  return { marks, problems };
}

const NO_DECORATORS: readonly TS.Decorator[] = Object.freeze([]);

function decoratorsOf(node: TS.Node): readonly TS.Decorator[] {
  return ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? NO_DECORATORS) : NO_DECORATORS;
}

/** `@experimental`, `@experimental("r")`, `@markers.experimental("r")`; undefined for foreign decorators. */
function decoratorUse(decorator: TS.Decorator, sourceFile: TS.SourceFile): MarkerUse | MarkerProblem | undefined {
  const expression = decorator.expression;
  const callee = ts.isCallExpression(expression) ? expression.expression : expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
  if (!isMarkerName(name)) return undefined;
  const offset = decorator.getStart(sourceFile);
  if (!ts.isCallExpression(expression)) return { name, argument: undefined, offset };
  const [first, ...rest] = expression.arguments;
  if (rest.length > 0 || (first !== undefined && !ts.isStringLiteralLike(first))) {
    return { message: `@${name}(...) takes at most one string literal argument`, offset, marker: name };
  }
  return { name, argument: first?.text, offset };
}
