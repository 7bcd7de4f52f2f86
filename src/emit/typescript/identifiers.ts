const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property name as written in a type literal: bare when it is an ASCII identifier, else quoted. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** An identifier made from arbitrary text (a folder name): invalid characters become "_". */
export function toIdentifier(text: string): string {
  const replaced = text.replace(/[^A-Za-z0-9_$]/g, "_");
  return IDENTIFIER.test(replaced) ? replaced : `_${replaced}`;
}

/** `base`, or `base2`, `base3`… : the first one not in `used`. */
export function freshName(base: string, used: ReadonlySet<string>): string {
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}
