/**
 * Canonical JSON text: 2-space indent, LF, trailing newline, object keys in
 * insertion order (callers insert them in a documented order).
 */
export function serializeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2) ?? "null"}\n`;
}

/** Files keyed by path in path order (UTF-16 code units; paths are unique, so their native sort decides). */
export function sortedByPath(files: Iterable<readonly [string, string]>): Map<string, string> {
  const byPath = new Map(files);
  return new Map([...byPath.keys()].sort().map((file) => [file, byPath.get(file)!]));
}
