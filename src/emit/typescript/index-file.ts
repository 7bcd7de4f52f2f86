import type { Declaration } from "../../model/types.js";
import { isChildNamespace, namespaceKey, type Namespace } from "../namespaces.js";

/**
 * A namespace's `index.ts`: `export type { X }` per declaration, then one
 * `export type * as v2` per child namespace (type-only, so it also compiles in a
 * CommonJS package under `verbatimModuleSyntax`). Both sorted.
 */
export function renderIndexFile(
  namespace: Namespace,
  declarations: readonly Declaration[],
  namespaces: readonly Namespace[],
  exportNames: ReadonlyMap<string, string>,
): string {
  const lines = [
    ...declarations.map((declaration) => declaration.name).sort().map((name) => `export type { ${name} } from "./${name}.js";`),
    ...namespaces
      .filter((child) => isChildNamespace(child, namespace))
      .map((child) => child[child.length - 1]!)
      .sort()
      .map((segment) => {
        const name = exportNames.get(namespaceKey([...namespace, segment]))!;
        return `export type * as ${name} from "./${segment}/index.js";`;
      }),
  ];
  // An empty file would be a script, not a module.
  return `${(lines.length > 0 ? lines : ["export type {};"]).join("\n")}\n`;
}
