import type { Docs } from "../../model/types.js";

/**
 * JSDoc lines for `docs`, each prefixed with `indent`; [] when there is nothing to say.
 * Order: description, a blank line, tags sorted by name, then `@deprecated`.
 */
export function jsDocLines(docs: Docs, indent: string): string[] {
  const content = jsDocContent(docs).map((line) => line.replaceAll("*/", "*\\/"));
  if (content.length === 0) return [];
  if (content.length === 1) return [`${indent}/** ${content[0]} */`];
  return [
    `${indent}/**`,
    ...content.map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`)),
    `${indent} */`,
  ];
}

function jsDocContent(docs: Docs): string[] {
  const tags = Object.keys(docs.tags)
    .sort()
    .map((name) => tagText(name, docs.tags[name]!));
  if (docs.deprecated !== undefined) tags.push(tagText("deprecated", docs.deprecated));
  const description = docs.description === "" ? [] : docs.description.split("\n");
  const separator = description.length > 0 && tags.length > 0 ? [""] : [];
  return [...description, ...separator, ...tags.flatMap((tag) => tag.split("\n"))];
}

function tagText(name: string, text: string): string {
  return text === "" ? `@${name}` : `@${name} ${text}`;
}
