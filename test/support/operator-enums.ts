/**
 * String enums in TypeScript are nominal: `const c: Color = "red"` does not
 * compile, yet on the wire a `Color` is the string "red" (the JSON convention
 * the schema follows, as `Date` travels as a date-time string). For the
 * TypeScript judge, each string enum is therefore declared as what it means on
 * the wire: a const object of its values, a type that is the union of them, and
 * a namespace with a type per member (`Color.Red`, `typeof Color`,
 * `[Color.Red]` and `K in Color` keep working). Numeric enums stay enums:
 * TypeScript accepts exactly their member values as number literals.
 */
export function wireEnums(declarations: string): string {
  return declarations.replace(/export enum (\w+) \{([^}]*)\}/g, (whole, name: string, body: string) => {
    const members = body
      .split(",")
      .map((member) => member.trim())
      .filter((member) => member.length > 0)
      .map((member) => /^(\w+)\s*=\s*("(?:[^"\\]|\\.)*")$/.exec(member));
    if (members.length === 0 || members.some((member) => member === null)) return whole;
    const entries = members.map((member) => `${member![1]}: ${member![2]}`).join(", ");
    const types = members.map((member) => `export type ${member![1]} = typeof ${name}.${member![1]};`).join(" ");
    return (
      `export const ${name} = { ${entries} } as const;\n` +
      `export type ${name} = (typeof ${name})[keyof typeof ${name}];\n` +
      `export declare namespace ${name} { ${types} }`
    );
  });
}
