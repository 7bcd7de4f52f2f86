import { readFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { bundleOf, GENERATED, loadAllArtifacts, type Artifacts } from "../support/artifacts.js";
import { FIXTURES } from "../support/golden.js";
import { allObjects, fieldSchemas } from "../support/json-schema.js";
import { definitionOf, layoutOf } from "../support/layout.js";
import { readTree } from "../../src/output/tree.js";

/**
 * The experimental audience tells a client author what they opted into: every
 * inventory entry appears with its reason as an `@experimental <reason>` JSDoc
 * tag in the TypeScript (read by TypeScript's own parser), an `x-experimental`
 * keyword in the JSON Schema, an `x-experimental` on OpenRPC methods, and an
 * **Experimental** note in the Markdown reference. The stable audience has none.
 */

const subjects = (await loadAllArtifacts()).filter((subject) => subject.inventory && subject.inventory.entries.length > 0);

/** The audience's files of a format that the meaning loaders do not read (openrpc/, markdown/). */
async function otherFormat(subject: Artifacts, audience: "stable" | "experimental", folder: string): Promise<Map<string, string>> {
  const root = subject.name === "generated" ? GENERATED : path.join(FIXTURES, subject.name.slice("fixtures/".length), "expected");
  const audienceRoot = subject.name === "generated" ? (audience === "stable" ? root : path.join(root, "experimental")) : path.join(root, audience);
  return readTree(path.join(audienceRoot, folder));
}

/**
 * The `@experimental` tags of every JSDoc comment in a file, by the comment's
 * text: TypeScript attaches JSDoc to declarations and properties, not to the
 * member types of a union, which carry theirs as the comment before `| member`.
 */
function commentReasons(text: string): string[] {
  const file = ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true);
  const reasons: string[] = [];
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, file.text);
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token !== ts.SyntaxKind.MultiLineCommentTrivia || !scanner.getTokenText().startsWith("/**")) continue;
    for (const match of scanner.getTokenText().matchAll(/@experimental ([^\n]*?)\s*(?:\*\/)?$/gm)) reasons.push(match[1]!);
  }
  return reasons;
}

/** The `@experimental` tag texts on every declaration and property of a TypeScript file, as TypeScript reads JSDoc. */
function experimentalTags(text: string): { name: string; reason: string }[] {
  const file = ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true);
  const found: { name: string; reason: string }[] = [];
  const visit = (node: ts.Node) => {
    for (const tag of ts.getJSDocTags(node)) {
      if (tag.tagName.text !== "experimental") continue;
      const name = (ts.isPropertySignature(node) || ts.isTypeAliasDeclaration(node)) && node.name ? node.name.getText(file) : "";
      found.push({ name: name.replace(/^"|"$/g, ""), reason: ts.getTextOfJSDocComment(tag.comment) ?? "" });
    }
    // Union members carry their JSDoc on the member type's node.
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("experimental marks in the experimental audience, none in stable", () => {
  it("has subjects with experimental surface, the flagship among them", () => {
    expect(subjects.map((subject) => subject.name)).toContain("generated");
  });

  for (const subject of subjects) {
    describe(subject.name, () => {
      it("stable carries no mark in any format", async () => {
        const stable = subject.audiences.stable;
        // A tag, as TypeScript reads JSDoc: prose may name `@experimental` in backquotes.
        for (const [file, text] of stable.typescript) expect([...experimentalTags(text), ...commentReasons(text)], file).toEqual([]);
        for (const [file, text] of stable.json) expect(text.includes('"x-experimental"'), file).toBe(false);
        for (const [file, text] of await otherFormat(subject, "stable", "openrpc")) expect(text.includes('"x-experimental"'), file).toBe(false);
        for (const [file, text] of await otherFormat(subject, "stable", "markdown")) expect(text.includes("**Experimental**"), file).toBe(false);
      });

      it("every inventory entry is marked with its reason in TypeScript, JSON Schema, OpenRPC and Markdown", async () => {
        const tree = subject.audiences.experimental;
        const bundle = bundleOf(subject, "experimental");
        const layout = layoutOf(tree);
        const markdown = [...(await otherFormat(subject, "experimental", "markdown")).values()].join("\n");
        const openrpc = JSON.parse((await otherFormat(subject, "experimental", "openrpc")).get("openrpc.json")!) as Record<string, { name: string; "x-experimental"?: string }[]>;
        const methods = [...openrpc.methods!, ...(openrpc["x-server-requests"] ?? []), ...(openrpc["x-server-notifications"] ?? [])];
        const textOf = (id: string) => tree.typescript.get(`${id.split(".").join("/")}.ts`) ?? "";
        const tagsOf = (id: string) => experimentalTags(textOf(id));
        const problems: string[] = [];
        for (const entry of subject.inventory!.entries) {
          const what = `${entry.kind} ${entry.method ?? ""}${entry.type ?? ""}.${entry.field ?? entry.member ?? ""} (${entry.reason})`;
          if (!markdown.includes(`**Experimental**: ${entry.reason}`)) problems.push(`markdown: ${what}`);
          if (entry.kind === "method") {
            if (methods.find((method) => method.name === entry.method)?.["x-experimental"] !== entry.reason) problems.push(`openrpc: ${what}`);
            const envelopes = ["ClientRequest", "ClientNotification", "ServerRequest", "ServerNotification"].flatMap((id) => commentReasons(textOf(id)));
            if (!envelopes.includes(entry.reason)) problems.push(`typescript envelope: ${what}`);
            continue;
          }
          const definition = definitionOf(bundle, layout, entry.type!);
          if (!definition) {
            problems.push(`json: no definition for ${what}`);
            continue;
          }
          const tags = tagsOf(entry.type!);
          if (entry.kind === "field") {
            const name = entry.field!.split(".").at(-1)!;
            if (!fieldSchemas(definition.schema, entry.field!).some((schema) => schema["x-experimental"] === entry.reason)) problems.push(`json: ${what}`);
            if (!tags.some((tag) => tag.name === name && tag.reason === entry.reason)) problems.push(`typescript: ${what}`);
          } else if (entry.kind === "type") {
            if (definition.schema["x-experimental"] !== entry.reason) problems.push(`json: ${what}`);
            if (!tags.some((tag) => tag.reason === entry.reason)) problems.push(`typescript: ${what}`);
          } else {
            // A literal naming an experimental enum member elsewhere (`Kind.Fancy`) is marked where that member is declared.
            const markedAtSource = subject.inventory!.entries.some((other) => other.kind === "member" && other.reason === entry.reason && other.type !== entry.type);
            if (markedAtSource) continue;
            if (!allObjects(definition.schema).some((schema) => schema["x-experimental"] === entry.reason)) problems.push(`json: ${what}`);
            if (!commentReasons(textOf(entry.type!)).includes(entry.reason)) problems.push(`typescript: ${what}`);
          }
        }
        expect(problems).toEqual([]);
      });
    });
  }
});

it("reads tags the way an editor does: a reason a tag does not carry is not found", async () => {
  const text = await readFile(path.join(GENERATED, "experimental", "typescript", "v2", "ThreadStartParams.ts"), "utf8");
  const tags = experimentalTags(text);
  expect(tags).toContainEqual({ name: "persistExtendedHistory", reason: "thread/start.persistFullHistory" });
  expect(experimentalTags(text.replaceAll("@experimental", "@remarks"))).toEqual([]);
});
