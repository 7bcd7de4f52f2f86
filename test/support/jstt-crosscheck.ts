import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AudienceArtifacts } from "./artifacts.js";
import type { SchemaObject } from "./json-schema.js";
import { deriveTypeScript, localizeReferences, type SchemaRewrite } from "./jstt.js";
import { layoutOf, listDefinitions, typeScriptAccess } from "./layout.js";
import { checkVirtualProgram, formatProgramDiagnostic, type ProgramDiagnostic } from "./virtual-program.js";

/**
 * The json-schema-to-typescript cross-check: derive TypeScript from an emitted
 * bundle and let the compiler prove each emitted declaration and its derived
 * twin mutually assignable, also after making every property required down to
 * a few levels (plain assignability ignores a missing optional property).
 *
 * The derived declarations refer to the *emitted* declarations (see
 * `localizeReferences`), so each comparison covers one declaration's own body
 * and a difference is reported at the type that has it. Every declaration is
 * compared, so the whole graph is.
 */

export type Check = "mutual" | "deep";

/** One emitted audience to cross-check, under `root` in the virtual program. */
export interface CrossCheckTree {
  readonly root: string;
  readonly tree: AudienceArtifacts;
  readonly bundleName: string;
}

export interface Difference {
  readonly root: string;
  /** Declaration id; "" when the derivation itself failed. */
  readonly id: string;
  readonly check: Check | "derive";
  readonly message: string;
}

export interface CrossCheckResult {
  readonly differences: readonly Difference[];
  /** How many schemas each rewrite replaced, over all trees. */
  readonly rewritten: ReadonlyMap<SchemaRewrite, number>;
}

const CHECK_PRELUDE = [
  'import type * as Emitted from "../typescript/index.js";',
  'import type * as Derived from "./derived.js";',
  "",
  "type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;",
  "type Assert<T extends true> = T;",
  "// Depth-limited: recursive types would otherwise expand forever; references are compared on their own anyway.",
  'type DeepRequired<T, D extends 0[] = []> = D["length"] extends 6 ? T : T extends object ? { [K in keyof T]-?: DeepRequired<T[K], [...D, 0]> } : T;',
  "",
];

interface LineOwner {
  readonly root: string;
  readonly id: string;
  readonly check: Check;
}

/** Cross-checks every tree in one bundler-mode program. `dumpTo` writes the virtual files out for reading. */
export async function crossCheck(
  trees: readonly CrossCheckTree[],
  rewrites: readonly SchemaRewrite[],
  dumpTo?: string,
): Promise<CrossCheckResult> {
  const files = new Map<string, string>();
  const owners = new Map<string, Map<number, LineOwner>>();
  const differences: Difference[] = [];
  const rewritten = new Map<SchemaRewrite, number>();
  for (const { root, tree, bundleName } of trees) {
    const bundleText = tree.json.get(`${bundleName}.schemas.json`);
    if (bundleText === undefined) {
      differences.push({ root, id: "", check: "derive", message: `json/${bundleName}.schemas.json is missing` });
      continue;
    }
    const bundle = JSON.parse(bundleText) as SchemaObject;
    const layout = layoutOf(tree);
    const definitions = listDefinitions(bundle, layout);
    let derived;
    try {
      derived = await deriveTypeScript(bundle, definitions, rewrites);
    } catch (error) {
      differences.push({ root, id: "", check: "derive", message: `json-schema-to-typescript failed: ${(error as Error).message}` });
      continue;
    }
    for (const [rewrite, count] of derived.rewritten) rewritten.set(rewrite, (rewritten.get(rewrite) ?? 0) + count);
    for (const [file, text] of tree.typescript) files.set(`${root}/typescript/${file}`, text);
    const emittedAccess = (id: string) => typeScriptAccess(layout, id, "Emitted");
    files.set(`${root}/jstt/derived.ts`, `import type * as Emitted from "../typescript/index.js";\n\n${localizeReferences(derived, emittedAccess)}`);
    const check = [...CHECK_PRELUDE];
    const lineOwners = new Map<number, LineOwner>();
    for (const { id } of definitions) {
      const name = derived.names.get(id)!;
      if (!new RegExp(`^export (?:type|interface|enum|const enum) ${name}\\b`, "m").test(derived.source)) {
        differences.push({ root, id, check: "derive", message: `json-schema-to-typescript declared no ${name}` });
        continue;
      }
      const emitted = emittedAccess(id);
      check.push(`type _M_${name} = Assert<Mutual<${emitted}, Derived.${name}>>; // ${id}`);
      lineOwners.set(check.length, { root, id, check: "mutual" });
      check.push(`type _D_${name} = Assert<Mutual<DeepRequired<${emitted}>, DeepRequired<Derived.${name}>>>; // ${id}`);
      lineOwners.set(check.length, { root, id, check: "deep" });
    }
    files.set(`${root}/jstt/check.ts`, `${check.join("\n")}\n`);
    owners.set(`${root}/jstt/check.ts`, lineOwners);
  }
  if (dumpTo) await dumpFiles(dumpTo, files);
  for (const diagnostic of checkVirtualProgram(files, "bundler", (file) => file.includes("/jstt/"))) {
    const tree = trees.find(({ root }) => diagnostic.file.startsWith(`${root}/jstt/`));
    if (!tree) continue; // the emitted trees themselves: the typecheck suite reports those
    const owner = owners.get(diagnostic.file)?.get(diagnostic.line);
    differences.push({
      root: tree.root,
      id: owner?.id ?? "",
      check: owner?.check ?? "derive",
      message: owner ? explain(owner.check, diagnostic) : `derived code does not compile: ${formatProgramDiagnostic(diagnostic)}`,
    });
  }
  return { differences, rewritten };
}

function explain(check: Check, diagnostic: ProgramDiagnostic): string {
  const what = check === "mutual" ? "not mutually assignable" : "not mutually assignable once every property is required (an optional property differs)";
  return `${what}: ${diagnostic.message.split("\n")[0]}`;
}

async function dumpFiles(folder: string, files: ReadonlyMap<string, string>): Promise<void> {
  for (const [file, text] of files) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), text);
  }
}
