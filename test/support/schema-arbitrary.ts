import fc from "fast-check";
import { resolveLocalRef, type SchemaObject } from "./json-schema.js";

/**
 * fast-check arbitraries of the JSON values a draft-07 schema of this
 * project's emitter accepts: `type` (one or a list), `const`, `enum`,
 * `properties` / `required` / `additionalProperties`, `items`, `anyOf`,
 * `oneOf`, `allOf` and local `$ref`s into one bundle. Anything else throws,
 * so a new keyword in the emitter cannot make the generator silently wrong.
 * Recursion is cut at `maxDepth`: below it, arrays and maps are empty and
 * optional fields absent, so the values stay small and finite.
 */
export function schemaArbitrary(bundle: unknown, schema: unknown, maxDepth = 6): fc.Arbitrary<unknown> {
  return new Generator(bundle, maxDepth).of(schema, 0);
}

const HANDLED = new Set([
  "$schema",
  "title",
  "description",
  "deprecated",
  "x-experimental",
  "default",
  "type",
  "const",
  "enum",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "anyOf",
  "oneOf",
  "allOf",
  "$ref",
]);

class Generator {
  constructor(
    private readonly bundle: unknown,
    private readonly maxDepth: number,
  ) {}

  of(raw: unknown, depth: number): fc.Arbitrary<unknown> {
    if (raw === true || (typeof raw === "object" && raw !== null && Object.keys(raw).every((key) => key === "description"))) {
      return fc.jsonValue({ maxDepth: 2 });
    }
    const schema = raw as SchemaObject;
    for (const key of Object.keys(schema)) {
      if (!HANDLED.has(key)) throw new Error(`schemaArbitrary: unsupported keyword ${key} in ${JSON.stringify(schema).slice(0, 200)}`);
    }
    if (typeof schema.$ref === "string") {
      const target = resolveLocalRef(this.bundle, schema.$ref);
      if (target === undefined) throw new Error(`schemaArbitrary: ${schema.$ref} does not resolve`);
      return fc.constant(null).chain(() => this.of(target, depth + 1));
    }
    if (Object.hasOwn(schema, "const")) return fc.constant(schema.const);
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
    const union = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
    if (union) return fc.oneof(...union.map((member) => this.of(member, depth)));
    if (Array.isArray(schema.allOf)) {
      if (schema.allOf.length !== 1) throw new Error("schemaArbitrary: allOf with more than one schema");
      return this.of(schema.allOf[0], depth);
    }
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
    if (types.length === 0) throw new Error(`schemaArbitrary: no type in ${JSON.stringify(schema).slice(0, 200)}`);
    return fc.oneof(...types.map((type) => this.ofType(type, schema, depth)));
  }

  private ofType(type: string, schema: SchemaObject, depth: number): fc.Arbitrary<unknown> {
    const deep = depth >= this.maxDepth;
    switch (type) {
      case "string":
        return fc.string({ maxLength: 6 });
      case "number":
        return fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
      case "integer":
        return fc.integer({ min: -1000, max: 1000 });
      case "boolean":
        return fc.boolean();
      case "null":
        return fc.constant(null);
      case "array": {
        if (schema.items === undefined || Array.isArray(schema.items)) throw new Error("schemaArbitrary: arrays need one items schema");
        return deep ? fc.constant([]) : fc.array(this.of(schema.items, depth + 1), { maxLength: 3 });
      }
      case "object":
        return this.ofObject(schema, depth, deep);
      default:
        throw new Error(`schemaArbitrary: unsupported type ${type}`);
    }
  }

  private ofObject(schema: SchemaObject, depth: number, deep: boolean): fc.Arbitrary<unknown> {
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    const required = new Set((schema.required ?? []) as string[]);
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, property] of Object.entries(properties)) {
      if (deep && !required.has(name)) continue;
      shape[name] = this.of(property, depth + 1);
    }
    const fixed = fc.record(shape, { requiredKeys: [...required].filter((name) => Object.hasOwn(shape, name)) });
    const extra = schema.additionalProperties;
    if (extra === undefined || extra === false || extra === true || deep) return fixed;
    // A map: extra keys beside the declared ones (none here are declared with one).
    const entries = fc.dictionary(
      fc.string({ maxLength: 4 }).filter((key) => !Object.hasOwn(properties, key) && key !== "__proto__"),
      this.of(extra, depth + 1),
      { maxKeys: 3 },
    );
    return fc.tuple(fixed, entries).map(([declared, more]) => ({ ...more, ...declared }));
  }
}
