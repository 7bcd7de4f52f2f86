import type { Declaration } from "../../model/types.js";
import type { Namespace } from "../namespaces.js";

/** `v2/ThreadStartParams.ts`; `RequestId.ts` at the root. */
export function declarationFile(declaration: Declaration): string {
  return [...declaration.namespace, `${declaration.name}.ts`].join("/");
}

export function namespaceIndexFile(namespace: Namespace): string {
  return [...namespace, "index.ts"].join("/");
}

/**
 * Relative module specifier from a file in namespace `from` to `target`'s file,
 * with the `.js` extension that both NodeNext and bundler resolution accept.
 */
export function importSpecifier(from: Namespace, target: Declaration): string {
  const to = target.namespace;
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const up = from.length - common;
  const prefix = up === 0 ? "./" : "../".repeat(up);
  return prefix + [...to.slice(common), `${target.name}.js`].join("/");
}
