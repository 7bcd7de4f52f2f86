import { joinText, TextPieces } from "./file-text.js";

/**
 * Canonical JSON text: 2-space indent, LF, trailing newline, object keys in
 * insertion order (callers insert them in a documented order).
 */
export function serializeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2) ?? "null"}\n`;
}

/** Files keyed by path in path order (UTF-16 code units; paths are unique, so their native sort decides). */
export function sortedByPath<T>(files: Iterable<readonly [string, T]>): Map<string, T> {
  const byPath = new Map(files);
  return new Map([...byPath.keys()].sort().map((file) => [file, byPath.get(file)!]));
}

/**
 * A place in a document whose text is ready: `textAt(depth)` is the value's
 * `serializeJson` text without the newline, indented for `depth` enclosing
 * containers (see `jsonTextAt`).
 */
export class JsonPart {
  constructor(readonly textAt: (depth: number) => string) {}
}

/**
 * `serializeJson(value)` for a document holding `JsonPart`s: their texts are
 * used as they are, and the containers around them are written exactly as
 * `JSON.stringify(…, null, 2)` writes them. A bundle of thousands of schemas
 * whose texts are kept (`JsonTextCache`) is then a join, not a serialization.
 */
export function serializeAssembled(value: unknown): string {
  return joinText(assemblePieces(value));
}

/** `serializeAssembled` left in pieces: the parts' texts as they are, what lies between them joined. */
export function assemblePieces(value: unknown): TextPieces {
  const pieces = new PieceList();
  assemble(value, 0, pieces);
  pieces.push("\n");
  return new TextPieces(pieces.done());
}

/** Pieces with the short ones between parts (brackets, keys) run together. */
class PieceList {
  readonly #pieces: string[] = [];
  #short = "";

  push(...texts: string[]): void {
    for (const text of texts) {
      if (text.length < SHORT_PIECE) {
        this.#short += text;
        continue;
      }
      if (this.#short !== "") this.#pieces.push(this.#short);
      this.#short = "";
      this.#pieces.push(text);
    }
  }

  done(): string[] {
    if (this.#short !== "") this.#pieces.push(this.#short);
    this.#short = "";
    return this.#pieces;
  }
}

const SHORT_PIECE = 256;

/**
 * The keys of an object that `JsonRecord`s give values to, with the text that
 * goes before each value at each depth (`{`/`,`, the indent, the key), made
 * once: a bundle's `definitions` hold thousands of keys, the same run after run.
 */
export class JsonKeys {
  readonly #prefixes: string[][] = [];

  constructor(readonly keys: readonly string[]) {}

  prefixesAt(depth: number): readonly string[] {
    let prefixes = this.#prefixes[depth];
    if (!prefixes) {
      const inner = `\n${"  ".repeat(depth + 1)}`;
      this.#prefixes[depth] = prefixes = this.keys.map((key, index) => `${index === 0 ? "{" : ","}${inner}${JSON.stringify(key)}: `);
    }
    return prefixes;
  }
}

/** An object given as `JsonKeys` and one value per key (each serialized), as `assemblePieces` writes it. */
export class JsonRecord {
  constructor(
    readonly keys: JsonKeys,
    readonly values: readonly unknown[],
  ) {}
}

function assemble(value: unknown, depth: number, pieces: PieceList): void {
  if (value instanceof JsonPart) {
    pieces.push(value.textAt(depth));
    return;
  }
  if (value instanceof JsonRecord) {
    assembleRecord(value, depth, pieces);
    return;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    pieces.push(jsonTextAt(value, depth));
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => isSerialized(record[key]));
  if (keys.length === 0) {
    pieces.push("{}");
    return;
  }
  const inner = `\n${"  ".repeat(depth + 1)}`;
  pieces.push("{");
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    pieces.push(index === 0 ? inner : `,${inner}`, JSON.stringify(key), ": ");
    assemble(record[key], depth + 1, pieces);
  }
  pieces.push(`\n${"  ".repeat(depth)}}`);
}

function assembleRecord({ keys, values }: JsonRecord, depth: number, pieces: PieceList): void {
  if (values.length === 0) {
    pieces.push("{}");
    return;
  }
  const prefixes = keys.prefixesAt(depth);
  for (let index = 0; index < values.length; index++) {
    pieces.push(prefixes[index]!);
    assemble(values[index], depth + 1, pieces);
  }
  pieces.push(`\n${"  ".repeat(depth)}}`);
}

/** What `JSON.stringify` writes as an object's property (it leaves out the rest). */
function isSerialized(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

/**
 * `JSON.stringify(value, null, 2)` indented for `depth` enclosing containers,
 * in one pass: the value is serialized inside `depth` one-key wrappers, whose
 * text around it is then cut off.
 */
export function jsonTextAt(value: unknown, depth: number): string {
  let wrapped = value;
  let before = 0;
  let after = 0;
  for (let level = 1; level <= depth; level++) {
    wrapped = { "": wrapped };
    before += `{\n${"  ".repeat(level)}"": `.length;
    after += `\n${"  ".repeat(level - 1)}}`.length;
  }
  const text = JSON.stringify(wrapped, null, 2) ?? "null";
  return depth === 0 ? text : text.slice(before, text.length - after);
}

/**
 * Texts of parts of JSON documents, kept by object for as long as the object
 * lives: by the depth it sits at and by a `variant` naming how its text was
 * rewritten (the pointers a bundle gives its `$ref`s).
 */
export class JsonTextCache {
  /** By object, then by depth, then by variant. */
  readonly #texts = new WeakMap<object, Map<string, string>[]>();

  /** `make(depth)` the first time, the kept text after. */
  text(part: object, depth: number, variant: string, make: (depth: number) => string): string {
    let byDepth = this.#texts.get(part);
    if (!byDepth) this.#texts.set(part, (byDepth = []));
    let byVariant = byDepth[depth];
    if (!byVariant) byDepth[depth] = byVariant = new Map();
    let text = byVariant.get(variant);
    if (text === undefined) byVariant.set(variant, (text = make(depth)));
    return text;
  }
}
