/** Helpers for the readonly data the stages pass along (the IR, schemas, gate values). */

/** A readonly shape made writable, for building a value field by field before it is handed on. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * `items.map(map)` that copies only on change: `items` itself when `map` returns
 * every item as it was, so unchanged nodes stay shared between stages.
 */
export function mapShared<T>(items: readonly T[], map: (item: T, index: number) => T): readonly T[] {
  let copy: T[] | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const next = map(item, index);
    if (copy) copy.push(next);
    else if (next !== item) (copy = items.slice(0, index)).push(next);
  }
  return copy ?? items;
}

/** `record[key] = value`, except that a `__proto__` key becomes an own property rather than the prototype. */
export function setOwn<V>(record: Record<string, V>, key: string, value: V): void {
  if (key === "__proto__") Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  else record[key] = value;
}
