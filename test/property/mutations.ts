import fc from "fast-check";
import type { MemoryFile } from "../support/in-memory.js";

/** Random damage to well-formed definitions: what an author mid-edit, or a merge, leaves behind. */

const TOKENS = [
  "typeof ", "<", ">", "}", "{", "(", ")", "|", "&", '"', "`", "'", "[", "]", ";", ",", "=", "?", ":", "!", ".", "...",
  "keyof ", "export ", "declare ", "abstract ", "readonly ", "enum ", "class ", "interface ", "type ", "namespace N {",
  "null", "undefined", "never", "symbol", "bigint", "this", "object", "void", "any",
  "@experimental x y", "/** @experimental */", "/** @experimental two words */", "/**", "*/", "//", "/*",
  "@experimental(1, 2) ", '@experimental("a b") ', "@experimental ", "@methods", "/** @methods clientRequest */",
  "/** @methods bogus */", "/** @methods */", "Request<", "Notification<", "Request<undefined>", "Record<", "Partial<",
  "Array<", "Promise<", "<T>", "T[K]", "`${string}`", "infer X", "unique symbol", "extends Foo ", "implements Foo ",
  'import { Ghost } from "./nope.js";\n', 'import type { Thread } from "../../outside.js";\n', 'export * from "./types.js";\n',
  'export { Thread as Alias } from "./types.js";\n', "export default ", "\u2028", "é", "😀", "\r", "\n", "\t", "\u0000",
  "\uFEFF", "\\", "#private ", "static ", "get x() { return 1; }", "constructor() {}", "@", "/** @deprecated */",
  "/** @default {} */", "/** @minimum abc */", "/** @format no-such-format */", "/** @pattern ([ */", "-1", "1e400",
  "0x10", "1_000", "`a${1}`", '"\\u{1F600}"', "Thread", "Thread.Inner", "import(\"./types.js\").Thread",
];

export type Mutation =
  | { readonly kind: "delete"; readonly file: number; readonly at: number; readonly length: number }
  | { readonly kind: "insert"; readonly file: number; readonly at: number; readonly token: string }
  | { readonly kind: "duplicate"; readonly file: number; readonly declaration: number }
  | { readonly kind: "rename"; readonly file: number; readonly identifier: number; readonly everywhere: boolean };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), file: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant("insert" as const), file: fc.nat(), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant("duplicate" as const), file: fc.nat(), declaration: fc.nat() }),
  fc.record({ kind: fc.constant("rename" as const), file: fc.nat(), identifier: fc.nat(), everywhere: fc.boolean() }),
);

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 4 });

export function applyMutations(files: readonly MemoryFile[], list: readonly Mutation[]): MemoryFile[] {
  const result = files.map((file) => ({ ...file }));
  for (const change of list) {
    if (result.length === 0) break;
    const file = result[change.file % result.length]!;
    file.text = applyMutation(file.text, change);
  }
  return result;
}

function applyMutation(text: string, change: Mutation): string {
  switch (change.kind) {
    case "delete": {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + change.length);
    }
    case "insert": {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + change.token + text.slice(at);
    }
    case "duplicate": {
      // A whole top-level declaration (from one `export` or JSDoc at line start to the next), appended again.
      const starts = [...text.matchAll(/^(?:\/\*\*|export )/gm)].map((match) => match.index);
      if (starts.length === 0) return text + text;
      const start = starts[change.declaration % starts.length]!;
      const next = starts.find((offset) => offset > start && !text.slice(start, offset).trimEnd().endsWith("*/"));
      return `${text}\n${text.slice(start, next ?? text.length)}`;
    }
    case "rename": {
      const identifiers = [...new Set(text.match(/\b[A-Z][A-Za-z0-9]*\b/g) ?? [])].sort();
      if (identifiers.length === 0) return text;
      const name = identifiers[change.identifier % identifiers.length]!;
      const pattern = new RegExp(`\\b${name}\\b`, change.everywhere ? "g" : "");
      return text.replace(pattern, `${name}Renamed`);
    }
  }
}
