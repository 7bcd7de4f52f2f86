/**
 * Canonical JSON text: 2-space indent, LF, trailing newline, object keys in
 * insertion order (callers insert them in a documented order).
 */
export function serializeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2) ?? "null"}\n`;
}
