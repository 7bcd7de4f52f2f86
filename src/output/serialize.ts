/**
 * Canonical JSON text: 2-space indent, LF, trailing newline, object keys in
 * insertion order (callers insert them in a documented order). Byte for byte
 * what `JSON.stringify(value, null, 2) + "\n"` prints.
 *
 * A `FragmentCache` lets callers that embed the same immutable objects in many
 * documents (a definition in every per-type schema that reaches it) serialize
 * each object once per indentation instead of once per use.
 */
export interface FragmentCache {
  /** Serialized text by indentation, for the shared objects only. */
  readonly texts: WeakMap<object, Map<string, string>>;
}

/** A cache for the given objects (caching every object would cost more than it saves). */
export function createFragmentCache(shared: Iterable<object>): FragmentCache {
  const texts = new WeakMap<object, Map<string, string>>();
  for (const object of shared) texts.set(object, new Map());
  return { texts };
}

export function serializeJson(value: unknown, cache?: FragmentCache): string {
  return `${serializeValue(value, "", cache) ?? "null"}\n`;
}

function serializeValue(value: unknown, indent: string, cache: FragmentCache | undefined): string | undefined {
  if (value === null || typeof value !== "object") {
    return typeof value === "function" || value === undefined || typeof value === "symbol" ? undefined : JSON.stringify(value);
  }
  const byIndent = cache?.texts.get(value);
  const cached = byIndent?.get(indent);
  if (cached !== undefined) return cached;
  const inner = `${indent}  `;
  let text: string;
  if (Array.isArray(value)) {
    text =
      value.length === 0
        ? "[]"
        : `[\n${value.map((item) => inner + (serializeValue(item, inner, cache) ?? "null")).join(",\n")}\n${indent}]`;
  } else {
    const entries: string[] = [];
    for (const [key, item] of Object.entries(value)) {
      const itemText = serializeValue(item, inner, cache);
      if (itemText !== undefined) entries.push(`${inner}${JSON.stringify(key)}: ${itemText}`);
    }
    text = entries.length === 0 ? "{}" : `{\n${entries.join(",\n")}\n${indent}}`;
  }
  byIndent?.set(indent, text);
  return text;
}
