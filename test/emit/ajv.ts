import { Ajv } from "ajv";
import addFormats from "ajv-formats";

/** The Ajv every emitted schema must satisfy: strict mode (types, tuples, keywords) plus ajv-formats. */
export function strictAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats.default(ajv);
  return ajv;
}

/** Every `$ref` string anywhere inside `value`. */
export function collectRefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(collectRefs);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => (key === "$ref" && typeof child === "string" ? [child] : collectRefs(child)));
}

/** Resolves a local `#/…` JSON Pointer reference inside `document`; undefined when it does not resolve. */
export function resolveLocalRef(document: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Every object inside `value` (itself included), depth first. */
export function allObjects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(allObjects);
  if (value === null || typeof value !== "object") return [];
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(allObjects)];
}
