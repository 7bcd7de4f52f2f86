import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsDoc } from "../../src/scan/jsdoc.js";
import { ts } from "../../src/scan/typescript.js";

/** What TypeScript's own JSDoc parser reads from `comment`: the oracle for where tags start and end. */
function typescriptReading(comment: string): { description: string; tags: [string, string][] } {
  const sourceFile = ts.createSourceFile("a.ts", `${comment}\nexport const x = 1;`, ts.ScriptTarget.Latest, true);
  const jsDoc = (sourceFile.statements[0] as unknown as { jsDoc?: readonly import("typescript").JSDoc[] }).jsDoc?.[0];
  return {
    description: squeeze(ts.getTextOfJSDocComment(jsDoc?.comment) ?? ""),
    tags: (jsDoc?.tags ?? []).map((tag) => [tag.tagName.text, squeeze(ts.getTextOfJSDocComment(tag.comment) ?? "")]),
  };
}

function ourReading(comment: string): { description: string; tags: [string, string][] } {
  const doc = parseJsDoc(comment, 0);
  return { description: squeeze(doc.description), tags: doc.tags.map((tag) => [tag.name, squeeze(tag.text)]) };
}

/**
 * Where tags start and what each holds is the meaning compared; spacing is
 * layout (TypeScript, for one, glues a `{@link}` to the next line's text).
 */
const squeeze = (text: string) => text.replace(/\s+/g, "");

describe("JSDoc tags are read where TypeScript reads them", () => {
  it.each([
    "/** @minimum 1 @maximum 100 @default 20 */",
    "/** Persist the extended history. @experimental */",
    "/** see `@experimental` here @format uri */",
    "/** mail a@b.com @format email */",
    "/** @default `x @y` @minimum 2 */",
    "/** text {@link Thread} more @deprecated use threads */",
    "/**\n * Line one\n * prose with @experimental inside\n *   @minimum 3\n */",
    "/**\t@minimum 1\t@maximum 2 */",
    "/**\n * @pattern ^[a-z]+@x$\n * @default 4 @maximum 9\n */",
  ])("%j", (comment) => {
    expect(ourReading(comment)).toEqual(typescriptReading(comment));
  });

  it("agrees on generated comments", () => {
    const word = fc.constantFrom(
      "text", "1", "100", "a@b.com", "`x @y`", "`", "(@note)", "{@link Foo}",
      "@minimum", "@maximum", "@default", "@experimental", "@format", "@deprecated", "@pattern",
    );
    const gap = fc.constantFrom(" ", "  ", "\t", "\n * ", "\n *   ", "");
    const comment = fc.array(fc.tuple(gap, word), { minLength: 1, maxLength: 12 }).map(
      (parts) => `/** ${parts.map(([space, text]) => space + text).join("")} */`,
    );
    fc.assert(
      fc.property(comment, (text) => {
        expect(ourReading(text)).toEqual(typescriptReading(text));
      }),
      { numRuns: 2000 },
    );
  });
});
