import fc from "fast-check";
import { fieldBlueprint, typeBlueprint, type DeclarationBlueprint, type FieldBlueprint, type ProtocolBlueprint } from "./protocol-blueprint.js";

/**
 * Small edits to a protocol blueprint, the kind one commit makes: a field
 * added, removed, made optional or nullable or experimental, its type
 * replaced; a union member added or removed; a method made experimental,
 * removed or moved. Chains of them make the versions the diff properties
 * compare.
 */

export type Edit =
  | { readonly kind: "toggle-field"; readonly declaration: number; readonly field: number; readonly flag: "optional" | "nullable" | "experimental" }
  | { readonly kind: "remove-field"; readonly declaration: number; readonly field: number }
  | { readonly kind: "add-field"; readonly declaration: number; readonly field: FieldBlueprint }
  | { readonly kind: "retype-field"; readonly declaration: number; readonly field: number; readonly type: FieldBlueprint["type"] }
  | { readonly kind: "remove-member"; readonly declaration: number; readonly member: number }
  | { readonly kind: "toggle-member"; readonly declaration: number; readonly member: number }
  | { readonly kind: "toggle-method"; readonly method: number }
  | { readonly kind: "remove-method"; readonly method: number }
  | { readonly kind: "redirect-method"; readonly method: number; readonly direction: "clientRequest" | "serverRequest" | "clientNotification" | "serverNotification" };

export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("toggle-field" as const), declaration: fc.nat(), field: fc.nat(), flag: fc.constantFrom("optional" as const, "nullable" as const, "experimental" as const) }),
  fc.record({ kind: fc.constant("remove-field" as const), declaration: fc.nat(), field: fc.nat() }),
  fc.record({ kind: fc.constant("add-field" as const), declaration: fc.nat(), field: fieldBlueprint }),
  fc.record({ kind: fc.constant("retype-field" as const), declaration: fc.nat(), field: fc.nat(), type: typeBlueprint }),
  fc.record({ kind: fc.constant("remove-member" as const), declaration: fc.nat(), member: fc.nat() }),
  fc.record({ kind: fc.constant("toggle-member" as const), declaration: fc.nat(), member: fc.nat() }),
  fc.record({ kind: fc.constant("toggle-method" as const), method: fc.nat() }),
  fc.record({ kind: fc.constant("remove-method" as const), method: fc.nat() }),
  fc.record({
    kind: fc.constant("redirect-method" as const),
    method: fc.nat(),
    direction: fc.constantFrom("clientRequest" as const, "serverRequest" as const, "clientNotification" as const, "serverNotification" as const),
  }),
);

export const edits: fc.Arbitrary<Edit[]> = fc.array(edit, { minLength: 1, maxLength: 3 });

export function applyEdits(blueprint: ProtocolBlueprint, list: readonly Edit[]): ProtocolBlueprint {
  return list.reduce(applyEdit, blueprint);
}

function replaceAt<T>(items: readonly T[], index: number, next: T | undefined): T[] {
  const copy = [...items];
  if (next === undefined) copy.splice(index, 1);
  else copy[index] = next;
  return copy;
}

function applyEdit(blueprint: ProtocolBlueprint, change: Edit): ProtocolBlueprint {
  if (change.kind === "toggle-method" || change.kind === "remove-method" || change.kind === "redirect-method") {
    if (blueprint.methods.length === 0) return blueprint;
    const index = change.method % blueprint.methods.length;
    const method = blueprint.methods[index]!;
    const next =
      change.kind === "remove-method"
        ? undefined
        : change.kind === "toggle-method"
          ? { ...method, experimental: !method.experimental }
          : { ...method, direction: change.direction };
    return { ...blueprint, methods: replaceAt(blueprint.methods, index, next) };
  }
  const index = change.declaration % blueprint.declarations.length;
  const declaration = blueprint.declarations[index]!;
  const updated = editDeclaration(declaration, change);
  return { ...blueprint, declarations: replaceAt(blueprint.declarations, index, updated) };
}

function editDeclaration(declaration: DeclarationBlueprint, change: Exclude<Edit, { kind: "toggle-method" | "remove-method" | "redirect-method" }>): DeclarationBlueprint {
  const { fields, members } = declaration;
  switch (change.kind) {
    case "add-field":
      return { ...declaration, fields: [...fields, change.field] };
    case "toggle-field":
    case "remove-field":
    case "retype-field": {
      if (fields.length === 0) return declaration;
      const index = change.field % fields.length;
      const field = fields[index]!;
      const next =
        change.kind === "remove-field" ? undefined : change.kind === "retype-field" ? { ...field, type: change.type } : { ...field, [change.flag]: !field[change.flag] };
      return { ...declaration, fields: replaceAt(fields, index, next) };
    }
    case "remove-member":
    case "toggle-member": {
      if (members.length <= 1) return declaration;
      const index = change.member % members.length;
      const member = members[index]!;
      return { ...declaration, members: replaceAt(members, index, change.kind === "remove-member" ? undefined : { ...member, experimental: !member.experimental }) };
    }
  }
}
