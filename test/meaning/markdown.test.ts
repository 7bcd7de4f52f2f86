import path from "node:path";
import GithubSlugger from "github-slugger";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { AUDIENCES, GENERATED, loadAllArtifacts, type AudienceName, type Artifacts } from "../support/artifacts.js";
import { FIXTURES } from "../support/golden.js";
import { layoutOf } from "../support/layout.js";
import { readTree } from "../../src/output/tree.js";

/**
 * The Markdown reference read by a Markdown parser (markdown-it, CommonMark
 * with GFM tables) and GitHub's heading anchors (github-slugger): every link
 * between pages lands on a file and a heading that exist, every table row has
 * the header's cells, every declaration has a section and every method a heading.
 */

const md = new MarkdownIt();
const subjects = await loadAllArtifacts();

async function markdownOf(subject: Artifacts, audience: AudienceName): Promise<Map<string, string>> {
  if (subject.name === "generated") return readTree(path.join(GENERATED, audience === "stable" ? "" : "experimental", "markdown"));
  return readTree(path.join(FIXTURES, subject.name.slice("fixtures/".length), "expected", audience, "markdown"));
}

interface Page {
  readonly anchors: Set<string>;
  readonly headings: string[];
  readonly links: string[];
  readonly tables: { header: number; rows: number[] }[];
  /** Lines that start a table row in the source: each must belong to a parsed table. */
  readonly rowLines: number;
}

function readPage(text: string): Page {
  const tokens = md.parse(text, {});
  const slugger = new GithubSlugger();
  const page: Page = { anchors: new Set(), headings: [], links: [], tables: [], rowLines: text.split("\n").filter((line) => line.startsWith("|")).length };
  let table: { header: number; rows: number[] } | undefined;
  let cells = 0;
  let inHeading = false;
  const inline = (children: ReturnType<typeof md.parse>) => {
    for (const child of children) if (child.type === "link_open") page.links.push(String(child.attrGet("href")));
  };
  for (const token of tokens) {
    if (token.type === "heading_open") inHeading = true;
    else if (token.type === "heading_close") inHeading = false;
    else if (token.type === "inline") {
      if (inHeading) {
        page.headings.push(token.content);
        page.anchors.add(slugger.slug(token.children!.map((child) => child.content).join("")));
      }
      inline(token.children ?? []);
    } else if (token.type === "table_open") page.tables.push((table = { header: 0, rows: [] }));
    else if (token.type === "tr_open") cells = 0;
    else if (token.type === "th_open" || token.type === "td_open") cells++;
    else if (token.type === "tr_close") {
      if (table!.header === 0) table!.header = cells;
      else table!.rows.push(cells);
    }
  }
  return page;
}

describe("the Markdown reference, read by markdown-it", () => {
  it("has a reference for every subject", () => {
    expect(subjects.length).toBeGreaterThan(20);
  });
  for (const subject of subjects) {
    for (const audience of AUDIENCES) {
      it(`${subject.name}/${audience}: links land on headings, tables are whole, every type and method has a section`, async () => {
        const files = await markdownOf(subject, audience);
        expect(files.has("README.md")).toBe(true);
        const pages = new Map([...files].map(([file, text]) => [file, readPage(text)]));
        const problems: string[] = [];
        for (const [file, page] of pages) {
          for (const link of page.links) {
            const [target, anchor] = link.split("#") as [string, string | undefined];
            const targetFile = target === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
            const targetPage = pages.get(targetFile);
            if (!targetPage) problems.push(`${file}: ${link} names no page`);
            else if (anchor !== undefined && !targetPage.anchors.has(anchor)) problems.push(`${file}: ${link} names no heading of ${targetFile}`);
          }
          const rows = page.tables.reduce((count, table) => count + 2 + table.rows.length, 0);
          if (rows !== page.rowLines) problems.push(`${file}: ${page.rowLines} table lines, ${rows} parsed as table rows`);
          for (const table of page.tables) if (table.rows.some((cells) => cells !== table.header)) problems.push(`${file}: a row's cells differ from its header's`);
        }
        // Every declaration a section on its namespace's page (the TypeScript tree lists them, envelopes aside).
        const envelopes = new Set(["RequestId", "ClientRequest", "ClientNotification", "ServerRequest", "ServerNotification"]);
        for (const declaration of layoutOf(subject.audiences[audience]).declarations) {
          const segments = declaration.split("/");
          const name = segments.pop()!;
          if (segments.length === 0 && envelopes.has(name)) continue;
          const page = pages.get([...segments, "types.md"].join("/"));
          if (!page?.headings.includes(name)) problems.push(`no section for ${declaration}`);
        }
        const readme = pages.get("README.md")!;
        for (const envelope of subject.audiences[audience].json.keys()) {
          if (!["ClientRequest.json", "ClientNotification.json", "ServerRequest.json", "ServerNotification.json"].includes(envelope)) continue;
          const schema = JSON.parse(subject.audiences[audience].json.get(envelope)!) as { anyOf?: { properties: { method: { const: string } } }[]; properties?: { method: { const: string } } };
          for (const member of schema.anyOf ?? [schema]) {
            const method = member.properties!.method.const;
            if (!readme.headings.includes(`\`${method}\``)) problems.push(`README.md: no heading for ${method}`);
          }
        }
        expect(problems).toEqual([]);
      });
    }
  }

  it("would notice a broken link or a torn table", () => {
    const page = readPage("# A\n\n[x](#b)\n\n| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n");
    expect(page.anchors.has("b")).toBe(false);
    expect(page.tables[0]!.rows).toEqual([2]);
    expect(readPage("| a \\| b |\n| --- |\n| 1 |\n").tables[0]!.header).toBe(1);
  });
});
