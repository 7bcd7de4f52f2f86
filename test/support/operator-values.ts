import type { BaseShape, FieldType } from "./operator-scenario.js";

/**
 * Candidate JSON values for the operator meaning test: values of the base
 * interfaces drawn from their blueprint (independent of any emitted schema),
 * values sampled from an emitted schema (members, literals, required and some
 * optional properties, tuple elements), and mutations of both: a property
 * dropped or added, a literal changed, an element of the wrong type. Which of
 * them belong is for the two oracles to say; these only make the guesses.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A deterministic generator (mulberry32), so a fast-check seed reproduces the values. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
const choose = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (random: Random, p: number) => random() < p;

const NUMBERS = [0, 1, 2, 3, -1, 1.5, 42];
/** No key of any scenario: always an excess property. */
export const UNKNOWN_KEY = "zzUnknown";

export function baseValue(random: Random, bases: readonly BaseShape[], base: BaseShape, strings: readonly string[]): Json {
  const result: { [key: string]: Json } = {};
  for (const item of base.fields) {
    if (item.optional && chance(random, 0.4)) continue;
    result[item.name] = fieldValue(random, bases, item.type, strings);
  }
  return result;
}

function fieldValue(random: Random, bases: readonly BaseShape[], type: FieldType, strings: readonly string[]): Json {
  switch (type.kind) {
    case "string":
      return choose(random, strings);
    case "number":
      return choose(random, NUMBERS);
    case "boolean":
      return chance(random, 0.5);
    case "strings":
      return Array.from({ length: Math.floor(random() * 3) }, () => choose(random, strings));
    case "numbers":
      return Array.from({ length: Math.floor(random() * 3) }, () => choose(random, NUMBERS));
    case "nullable":
      return chance(random, 0.5) ? null : choose(random, strings);
    case "enum":
      return choose(random, ["red", "green", "BLUE"]);
    case "pair":
      return [choose(random, strings), choose(random, NUMBERS)];
    case "nested":
      return chance(random, 0.5) ? { x: choose(random, strings) } : { x: choose(random, strings), y: choose(random, NUMBERS) };
    case "literals":
      return type.numeric ? choose(random, [1, 2]) : choose(random, ["a", "b"]);
    case "base":
      return baseValue(random, bases, bases[type.target]!, strings);
  }
}

type Schema = { [key: string]: unknown };
const isSchema = (node: unknown): node is Schema => node !== null && typeof node === "object" && !Array.isArray(node);

/** A value the schema probably accepts (`pattern`s and `allOf`s are guessed, not solved). */
export function sampleSchema(random: Random, schema: unknown, definitions: Schema, strings: readonly string[], depth = 0): Json {
  if (!isSchema(schema) || depth > 6) return null;
  if (typeof schema.$ref === "string") {
    const name = decodeURIComponent(schema.$ref.replace(/^#\/definitions\//, "")).split("/");
    let target: unknown = definitions;
    for (const part of name) target = isSchema(target) ? target[part] : undefined;
    return sampleSchema(random, target, definitions, strings, depth + 1);
  }
  if (Object.hasOwn(schema, "const")) return schema.const as Json;
  if (Array.isArray(schema.enum)) return choose(random, schema.enum as Json[]);
  for (const keyword of ["anyOf", "oneOf"]) {
    if (Array.isArray(schema[keyword])) return sampleSchema(random, choose(random, schema[keyword] as unknown[]), definitions, strings, depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    const parts = (schema.allOf as unknown[]).map((part) => sampleSchema(random, part, definitions, strings, depth + 1));
    return parts.every(isSchema) ? Object.assign({}, ...parts) : (parts[0] ?? null);
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
  const type = types.length > 0 ? choose(random, types) : choose(random, ["string", "object"]);
  switch (type) {
    case "string":
      return choose(random, strings);
    case "number":
      return choose(random, NUMBERS);
    case "integer":
      return choose(random, [0, 1, 2, 3]);
    case "boolean":
      return chance(random, 0.5);
    case "null":
      return null;
    case "array": {
      if (Array.isArray(schema.items)) {
        const min = typeof schema.minItems === "number" ? schema.minItems : schema.items.length;
        const count = min + Math.floor(random() * (schema.items.length - min + 1));
        const values = (schema.items as unknown[]).slice(0, count).map((item) => sampleSchema(random, item, definitions, strings, depth + 1));
        if (count === schema.items.length && isSchema(schema.additionalItems) && chance(random, 0.5)) {
          values.push(sampleSchema(random, schema.additionalItems, definitions, strings, depth + 1));
        }
        return values;
      }
      return Array.from({ length: Math.floor(random() * 3) }, () => sampleSchema(random, schema.items, definitions, strings, depth + 1));
    }
    default: {
      const result: { [key: string]: Json } = {};
      const properties = isSchema(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      for (const [key, property] of Object.entries(properties)) {
        if (required.includes(key) || chance(random, 0.5)) result[key] = sampleSchema(random, property, definitions, strings, depth + 1);
      }
      if (isSchema(schema.patternProperties)) {
        for (const [pattern, property] of Object.entries(schema.patternProperties)) {
          const matching = strings.filter((text) => new RegExp(pattern, "u").test(text));
          if (matching.length > 0 && chance(random, 0.5)) result[choose(random, matching)] = sampleSchema(random, property, definitions, strings, depth + 1);
        }
      }
      if (isSchema(schema.additionalProperties) && chance(random, 0.5)) {
        result[choose(random, strings)] = sampleSchema(random, schema.additionalProperties, definitions, strings, depth + 1);
      }
      return result;
    }
  }
}

/** A small change to `value` at one random place: most changes make it wrong, some keep it right. */
export function mutate(random: Random, value: Json, strings: readonly string[], depth = 0): Json {
  if (Array.isArray(value)) {
    const roll = random();
    if (value.length > 0 && roll < 0.4) {
      const index = Math.floor(random() * value.length);
      return value.map((item, at) => (at === index ? mutate(random, item, strings, depth + 1) : item));
    }
    if (value.length > 0 && roll < 0.6) return value.slice(0, -1);
    if (roll < 0.8) return [...value, value.length > 0 ? choose(random, value) : choose(random, strings)];
    return [...value, choose(random, [1, "x", true, null, {}])];
  }
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    const roll = random();
    if (keys.length > 0 && roll < 0.4) {
      const key = choose(random, keys);
      return { ...value, [key]: mutate(random, value[key]!, strings, depth + 1) };
    }
    if (keys.length > 0 && roll < 0.65) {
      const key = choose(random, keys);
      return Object.fromEntries(Object.entries(value).filter(([name]) => name !== key));
    }
    if (roll < 0.85) return { ...value, [UNKNOWN_KEY]: 1 };
    return { ...value, [choose(random, strings)]: choose(random, ["x", 1, true]) };
  }
  if (typeof value === "string") return choose(random, [choose(random, strings), `${value}!`, value.toUpperCase(), 1, null]);
  if (typeof value === "number") return choose(random, [value + 1, 3, 1.5, String(value), true]);
  if (typeof value === "boolean") return choose(random, [!value, "true", 0]);
  return choose(random, ["x", 0, {}, []]);
}
