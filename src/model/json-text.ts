/**
 * `JSON.stringify(value)`, kept per object: the gate shapes and inventory
 * entries are immutable and shared across runs of `watch`, so their text is
 * made once, and two values are judged equal by their text, byte for byte.
 */
export function jsonText(value: object): string {
  let text = texts.get(value);
  if (text === undefined) texts.set(value, (text = JSON.stringify(value)));
  return text;
}

const texts = new WeakMap<object, string>();
