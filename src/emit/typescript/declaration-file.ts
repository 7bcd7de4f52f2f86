import { assertNever, type Declaration } from "../../model/types.js";
import type { DeclarationLookup } from "../lookup.js";
import { freshName } from "./identifiers.js";
import { planImports } from "./imports.js";
import { jsDocLines } from "./jsdoc.js";
import { renderType, renderUnion, spaced, type RenderContext } from "./render-type.js";

/** The body of `declaration`'s file (after the generated header): imports, JSDoc, `export type`. */
export function renderDeclarationFile(declaration: Declaration, lookup: DeclarationLookup): string {
  const imports = planImports(declaration, lookup);
  const context: RenderContext = {
    nameOf: (id) => {
      const name = imports.localNames.get(id);
      if (name === undefined) throw new Error(`emit: "${id}" was not imported into ${declaration.id}`);
      return name;
    },
    mappedKey: freshName("key", new Set(imports.localNames.values())),
    isEmptyObject: (id) => isEmptyObjectAlias(lookup.get(id)),
  };
  const body = renderDeclarationType(declaration, context);
  const lines = [
    ...imports.lines,
    ...(imports.lines.length > 0 ? [""] : []),
    ...jsDocLines(declaration.docs, "", declaration.experimental),
    `export type ${declaration.name} =${spaced(body)};`,
  ];
  return `${lines.join("\n")}\n`;
}

/** An alias of `{}`: the one thing a file asks about another declaration beyond its id. */
export function isEmptyObjectAlias(declaration: Declaration): boolean {
  return declaration.kind === "alias" && declaration.type.kind === "object" && declaration.type.properties.length === 0 && !declaration.type.additional && !declaration.type.patterns;
}

function renderDeclarationType(declaration: Declaration, context: RenderContext): string {
  switch (declaration.kind) {
    case "alias":
      return renderType(declaration.type, context, "");
    case "enum":
      // Enums become a union of their values: no runtime object, so `import type` suffices.
      return renderUnion(
        declaration.members.map((member) => ({ render: () => JSON.stringify(member.value), docs: member.docs, experimental: member.experimental })),
        "",
      );
    default:
      return assertNever(declaration);
  }
}
