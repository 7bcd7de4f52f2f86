import { describe, expect, it } from "vitest";
import { emitJsonSchema } from "../../src/emit/json-schema/index.js";
import { emitTypeScript } from "../../src/emit/typescript/index.js";
import type { Declaration, Docs, Model, Property, TypeNode } from "../../src/model/types.js";
import { clashModel, protocolModel } from "./models.js";

function emitAll(model: Model): [string, string][] {
  return [
    ...[...emitTypeScript(model, { regenerateCommand: "schemagate write" })].map(([path, text]): [string, string] => [`ts/${path}`, text]),
    ...[...emitJsonSchema(model, { bundleName: "app" })].map(([path, text]): [string, string] => [`json/${path}`, text]),
  ];
}

/** A small seeded generator, so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** The same docs with their tags inserted in another order. */
function reorderTags(docs: Docs, next: () => number): Docs {
  return { ...docs, tags: Object.fromEntries(shuffled(Object.entries(docs.tags), next)) };
}

function reorderType(type: TypeNode, next: () => number): TypeNode {
  switch (type.kind) {
    case "object": {
      const properties = type.properties.map((property): Property => ({
        ...property,
        docs: reorderTags(property.docs, next),
        type: reorderType(property.type, next),
      }));
      return { ...type, properties };
    }
    case "union":
      return { ...type, members: type.members.map((member) => ({ ...member, type: reorderType(member.type, next) })) };
    default:
      return type;
  }
}

/** Declarations in a random order (not re-sorted), tag maps in random insertion order. */
function scrambled(model: Model, seed: number): Model {
  const next = random(seed);
  const declarations = shuffled(model.declarations, next).map((declaration): Declaration =>
    declaration.kind === "alias"
      ? { ...declaration, docs: reorderTags(declaration.docs, next), type: reorderType(declaration.type, next) }
      : { ...declaration, docs: reorderTags(declaration.docs, next) },
  );
  return { ...model, declarations };
}

describe("emitters are deterministic", () => {
  for (const [name, model] of [["protocol", protocolModel], ["clash", clashModel]] as const) {
    it(`${name}: emitting twice gives identical maps`, () => {
      expect(emitAll(model)).toEqual(emitAll(model));
    });

    it(`${name}: declaration order and tag insertion order do not matter`, () => {
      const expected = emitAll(model);
      for (const seed of [1, 2, 3, 42, 2024]) {
        const input = scrambled(model, seed);
        expect(input.declarations.map((d) => d.id)).not.toEqual(model.declarations.map((d) => d.id));
        expect(emitAll(input)).toEqual(expected);
      }
    });
  }
});
