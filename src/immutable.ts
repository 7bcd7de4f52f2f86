/** Helpers for the readonly data the stages pass along (the IR, schemas, gate values). */

/** A readonly shape made writable, for building a value field by field before it is handed on. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Whether two arrays hold the same items in the same order: a copy-on-change map left everything as it was. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** `record[key] = value`, except that a `__proto__` key becomes an own property rather than the prototype. */
export function setOwn<V>(record: Record<string, V>, key: string, value: V): void {
  if (key === "__proto__") Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}
