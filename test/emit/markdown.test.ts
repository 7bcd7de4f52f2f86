import GithubSlugger from "github-slugger";
import { describe, expect, it } from "vitest";
import { emitMarkdown } from "../../src/emit/markdown/index.js";
import type { Model } from "../../src/model/types.js";
import { alias, at, lit, noDocs, object, prop, ref, string, union } from "./builders.js";

/** Markdown edge cases checked against GitHub's own heading anchors (github-slugger). */

const model: Model = {
  declarations: [
    alias("A$b", object([prop("tick", union(lit("a`b"), lit("plain")))])),
    alias("Foo", object([prop("next", ref("foo"))])),
    alias("Uses", object([prop("a", ref("A$b")), prop("upper", ref("Foo")), prop("lower", ref("foo"))])),
    alias("foo", string),
  ],
  methods: [{ name: "do/it", direction: "clientRequest", params: ref("Uses"), result: ref("foo"), docs: noDocs, location: at }],
};

const files = emitMarkdown(model, { title: "edge", envelope: "jsonrpc2" });

/** GitHub's anchors of a page, in heading order. */
function anchors(text: string): Set<string> {
  const slugger = new GithubSlugger();
  return new Set([...text.matchAll(/^#+ (.*)$/gm)].map((match) => slugger.slug(match[1]!.replaceAll("`", ""))));
}

describe("emitMarkdown", () => {
  it("links to the anchors GitHub makes, for names with `$` and names differing only in case", () => {
    const types = files.get("types.md")!;
    const own = anchors(types);
    const links = [...types.matchAll(/\]\(#([^)]+)\)/g), ...files.get("README.md")!.matchAll(/\]\(types\.md#([^)]+)\)/g)].map((match) => match[1]!);
    expect(links).toEqual(expect.arrayContaining(["ab", "foo", "foo-1"]));
    for (const link of links) expect(own.has(link), link).toBe(true);
  });

  it("fences a literal holding a backtick with a longer code span", () => {
    expect(files.get("types.md")).toContain('`` "a`b" ``');
  });
});
