import { describe, expect, it } from "vitest";
import { mapShared, setOwn } from "../src/immutable.js";

describe("mapShared", () => {
  it("returns the array itself when every item comes back unchanged", () => {
    const items = [{ n: 1 }, { n: 2 }];
    expect(mapShared(items, (item) => item)).toBe(items);
  });

  it("copies from the first change on, keeping earlier items and passing indexes", () => {
    const items = [{ n: 1 }, { n: 2 }, { n: 3 }];
    const seen: number[] = [];
    const mapped = mapShared(items, (item, index) => {
      seen.push(index);
      return item.n === 2 ? { n: 20 } : item;
    });
    expect(mapped).not.toBe(items);
    expect(mapped).toEqual([{ n: 1 }, { n: 20 }, { n: 3 }]);
    expect(mapped[0]).toBe(items[0]);
    expect(mapped[2]).toBe(items[2]);
    expect(seen).toEqual([0, 1, 2]);
    expect(items[1]).toEqual({ n: 2 });
  });
});

describe("setOwn", () => {
  it("makes a `__proto__` key an own, enumerable property instead of setting the prototype", () => {
    const record: Record<string, number> = {};
    setOwn(record, "__proto__", 1);
    setOwn(record, "a", 2);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(["__proto__", "a"]);
    expect(JSON.stringify(record)).toBe('{"__proto__":1,"a":2}');
  });
});
