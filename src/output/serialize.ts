/** Canonical JSON text: 2-space indent, LF, trailing newline, object keys in insertion order. */
export function serializeJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}
