import type { Docs, Experimental } from "../../model/types.js";

/**
 * JSDoc lines for `docs`, each prefixed with `indent`; [] when there is nothing to say.
 * Order: description, a blank line, tags sorted by name, `@deprecated`, then
 * `@experimental <reason>` for an experimental element (only the experimental
 * audience has any), so an editor shows a client author what they opted into.
 */
export function jsDocLines(docs: Docs, indent: string, experimental?: Experimental): string[] {
  const content = jsDocContent(docs, experimental).map((line) => line.replaceAll("*/", "*\\/"));
  if (content.length === 0) return [];
  if (content.length === 1) return [`${indent}/** ${content[0]} */`];
  return [
    `${indent}/**`,
    ...content.map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`)),
    `${indent} */`,
  ];
}

function jsDocContent(docs: Docs, experimental: Experimental | undefined): string[] {
  const tags = Object.keys(docs.tags)
    .sort()
    .map((name) => tagText(name, docs.tags[name]!));
  if (docs.deprecated !== undefined) tags.push(tagText("deprecated", docs.deprecated));
  if (experimental) tags.push(tagText("experimental", experimental.reason));
  const description = docs.description === "" ? [] : docs.description.split("\n");
  const separator = description.length > 0 && tags.length > 0 ? [""] : [];
  return [...description, ...separator, ...tags.flatMap((tag) => tag.split("\n"))];
}

function tagText(name: string, text: string): string {
  return text === "" ? `@${name}` : `@${name} ${text}`;
}
