import type { DraftAjv } from "../support/json-schema.js";
import { describe, expect, it } from "vitest";
import type { JsonSchemaDraft } from "../../src/emit/json-schema/dialect.js";
import { emitJsonSchema } from "../../src/emit/json-schema/index.js";
import type { Model } from "../../src/model/types.js";
import { allObjects, collectRefs, resolveFileRef, strictAjv } from "../support/json-schema.js";
import { alias, intersection, lit, map, modelOf, object, prop, ref, string, union } from "./builders.js";
import { clashModel, protocolModel } from "./models.js";

type Schema = Record<string, unknown>;

function emitted(model: Model, draft: JsonSchemaDraft = "07"): Map<string, Schema> {
  return new Map([...emitJsonSchema(model, { bundleName: "app", draft })].map(([path, text]) => [path, JSON.parse(text) as Schema]));
}

function file(files: Map<string, Schema>, path: string): Schema {
  const schema = files.get(path);
  if (!schema) throw new Error(`no file ${path}; have ${[...files.keys()].join(", ")}`);
  return schema;
}

const KEYWORDS = new Set(["$ref", "type", "const", "enum", "properties", "additionalProperties", "items", "anyOf", "allOf", "not", "description"]);

/**
 * Pointers to every declaration schema inside a nested `definitions` object. A
 * namespace is a non-empty object without schema keywords (`unknown` is `{}`).
 */
function definitionPointers(definitions: Schema, prefix = "#/definitions"): string[] {
  return Object.entries(definitions).flatMap(([key, value]) => {
    const pointer = `${prefix}/${encodeURIComponent(key)}`;
    const keys = Object.keys(value as Schema);
    const isNamespace = keys.length > 0 && !keys.some((keyword) => KEYWORDS.has(keyword));
    return isNamespace ? definitionPointers(value as Schema, pointer) : [pointer];
  });
}

const ajvs = new WeakMap<Map<string, Schema>, DraftAjv>();

/** A validator for a per-type file, or for `definitions/...` inside a bundle; every file is loaded under its path. */
function validator(files: Map<string, Schema>, path: string, pointer = "", draft: JsonSchemaDraft = "07") {
  let ajv = ajvs.get(files);
  if (!ajv) {
    ajv = strictAjv(draft);
    for (const [name, schema] of files) ajv.addSchema(schema, name);
    ajvs.set(files, ajv);
  }
  file(files, path);
  const validate = ajv.getSchema(`${path}${pointer}`);
  if (!validate) throw new Error(`${path}${pointer} does not resolve`);
  return validate;
}

describe("emitJsonSchema files", () => {
  const files = emitted(protocolModel);

  it("writes one file per root declaration, the nested bundle and one flat bundle per namespace", () => {
    expect([...files.keys()]).toEqual([
      // Not reached by any method: roots of their own.
      "Anything.json", "Base.json", "ClientRequest.json", "Documented.json", "Empty.json", "Extended.json",
      "JsonValue.json", "Labels.json", "Metadata.json", "Nothing.json", "Pair.json", "RequestId.json",
      "ServerNotification.json", "Tree.json", "Weird.json",
      "app.schemas.json", "app.v2.schemas.json", "app.v2.sub.schemas.json",
      "v2/Config.json", "v2/ConfigBase.json",
      // Params and result of thread/start.
      "v2/ThreadStartParams.json", "v2/ThreadStartResponse.json",
    ]);
  });

  it("serializes canonically: 2-space indent, LF, trailing newline", () => {
    for (const text of emitJsonSchema(protocolModel, { bundleName: "app" }).values()) {
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });

  it("every file compiles in strict Ajv, and every definition of a bundle compiles", () => {
    for (const [model, name] of [[protocolModel, "protocol"], [clashModel, "clash"]] as const) {
      const modelFiles = emitted(model);
      for (const [path, schema] of modelFiles) {
        if (path.endsWith(".schemas.json")) {
          const pointers = definitionPointers(schema.definitions as Schema);
          expect(pointers.length, `${name} ${path}`).toBeGreaterThan(0);
          for (const pointer of pointers) expect(() => validator(modelFiles, path, pointer), `${name} ${path}${pointer}`).not.toThrow();
        } else {
          expect(() => validator(modelFiles, path), `${name} ${path}`).not.toThrow();
        }
      }
    }
    // Every declaration of the bundle was found and compiled.
    expect(definitionPointers(file(files, "app.schemas.json").definitions as Schema)).toHaveLength(protocolModel.declarations.length);
  });

  it("in 2020-12, every file compiles in Ajv's 2020 class, and every $defs entry of a bundle compiles", () => {
    for (const [model, name] of [[protocolModel, "protocol"], [clashModel, "clash"]] as const) {
      const modelFiles = emitted(model, "2020-12");
      for (const [path, schema] of modelFiles) {
        expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
        expect(schema.definitions, path).toBeUndefined();
        for (const ref of collectRefs(schema)) expect(ref.includes("#/definitions/"), `${path} ${ref}`).toBe(false);
        if (path.endsWith(".schemas.json")) {
          const pointers = definitionPointers(schema.$defs as Schema, "#/$defs");
          expect(pointers.length, `${name} ${path}`).toBeGreaterThan(0);
          for (const pointer of pointers) expect(() => validator(modelFiles, path, pointer, "2020-12"), `${name} ${path}${pointer}`).not.toThrow();
        } else {
          expect(() => validator(modelFiles, path, "", "2020-12"), `${name} ${path}`).not.toThrow();
        }
      }
    }
    expect(definitionPointers(emitted(protocolModel, "2020-12").get("app.schemas.json")!.$defs as Schema, "#/$defs")).toHaveLength(protocolModel.declarations.length);
  });

  it("every $ref resolves (bundles inside themselves, per-type files into the bundle), and no $ref has siblings", () => {
    for (const model of [protocolModel, clashModel]) {
      const modelFiles = emitted(model);
      for (const [path, schema] of modelFiles) {
        const bundleRef = `${"../".repeat(path.split("/").length - 1)}app.schemas.json#/definitions/`;
        for (const target of collectRefs(schema)) {
          expect(target.startsWith(path.endsWith(".schemas.json") ? "#/definitions/" : bundleRef), `${path} ${target}`).toBe(true);
          expect(resolveFileRef(modelFiles, path, target), `${path} ${target}`).toBeDefined();
        }
        for (const node of allObjects(schema)) if ("$ref" in node) expect(Object.keys(node), path).toEqual(["$ref"]);
      }
    }
  });

  it("uses type arrays only as [type, \"null\"], which Ajv's strictTypes allows", () => {
    for (const [, schema] of emitted(protocolModel)) {
      for (const node of allObjects(schema)) {
        if (Array.isArray(node.type)) expect(node.type.length === 2 && node.type[1] === "null").toBe(true);
      }
    }
  });
});

describe("emitJsonSchema layout", () => {
  const files = emitted(protocolModel);

  it("gives a per-type file its own schema, title first, referring into the bundle by relative path", () => {
    const response = file(files, "v2/ThreadStartResponse.json");
    expect(Object.keys(response)).toEqual(["$schema", "title", "type", "properties", "required", "additionalProperties"]);
    expect(response.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(response.title).toBe("ThreadStartResponse");
    expect(collectRefs(response)).toEqual(["../app.schemas.json#/definitions/v2/Thread"]);
    expect(collectRefs(file(files, "v2/ThreadStartParams.json"))).toContain("../app.schemas.json#/definitions/Level");
    expect(collectRefs(file(files, "ClientRequest.json"))).toContain("app.schemas.json#/definitions/v2/ThreadStartParams");
  });

  it("keeps definitions out of per-type files: a recursive declaration refers to itself in the bundle", () => {
    const tree = file(files, "Tree.json");
    expect(tree.definitions).toBeUndefined();
    expect(collectRefs(tree)).toEqual(["app.schemas.json#/definitions/Tree"]);
    for (const [path, schema] of files) {
      if (!path.endsWith(".schemas.json")) expect(schema.definitions, path).toBeUndefined();
    }
    // Extended inlines Base, so it refers to nothing.
    expect(collectRefs(file(files, "Extended.json"))).toEqual([]);
  });

  it("holds every declaration in the nested bundle, keys sorted", () => {
    const bundle = file(files, "app.schemas.json");
    expect(Object.keys(bundle)).toEqual(["$schema", "title", "definitions"]);
    expect(bundle.title).toBe("app");
    const definitions = bundle.definitions as Record<string, Schema>;
    const rootNames = protocolModel.declarations.filter((d) => d.namespace.length === 0).map((d) => d.name);
    expect(Object.keys(definitions)).toEqual([...rootNames, "v2"].sort());
    expect(Object.keys(definitions.v2!)).toEqual(["Config", "ConfigBase", "Thread", "ThreadStartParams", "ThreadStartResponse", "ThreadStatus", "Timestamp", "sub"]);
  });

  it("flattens a namespace bundle: own declarations by name, others by id", () => {
    const flat = file(files, "app.v2.schemas.json");
    expect(flat.title).toBe("app.v2");
    const definitions = flat.definitions as Record<string, Schema>;
    expect(Object.keys(definitions)).toEqual([
      ".Thread", "Config", "ConfigBase", "Labels", "Level", "Mode", "Thread", "ThreadStartParams", "ThreadStartResponse", "ThreadStatus", "Timestamp", "v2.sub.Item",
    ]);
    expect(collectRefs(definitions.Thread)).toEqual(["#/definitions/ThreadStatus", "#/definitions/.Thread", "#/definitions/Timestamp", "#/definitions/v2.sub.Item"]);
    expect(Object.keys(file(files, "app.v2.sub.schemas.json").definitions as Schema)).toEqual(["Item"]);
  });

  it("keys a namespace named like a root declaration as <name>_ns", () => {
    const clash = emitted(clashModel);
    const definitions = file(clash, "app.schemas.json").definitions as Record<string, Schema>;
    expect(Object.keys(definitions)).toEqual(["Array", "Keyed", "Thread", "UsesArray", "key", "root_Thread", "v1", "v2", "v2_ns"]);
    expect(definitions.v2).toEqual({ type: "string", const: "v2" });
    expect(collectRefs(file(clash, "v2/Pair.json").properties)).toEqual([
      "../app.schemas.json#/definitions/Thread",
      "../app.schemas.json#/definitions/v2_ns/Thread",
      "../app.schemas.json#/definitions/v1/Thread",
    ]);
  });
});

describe("emitJsonSchema type mapping", () => {
  const files = emitted(protocolModel);
  const bundle = (pointer: string) => validator(files, "app.schemas.json", pointer);

  it("closes objects: extra fields are rejected", () => {
    const params = validator(files, "v2/ThreadStartParams.json");
    expect(params({ mode: "fast", tags: [] })).toBe(true);
    expect(params({ mode: "fast", tags: [], persistExtendedHistory: true })).toBe(false);
    expect(params({ tags: [] })).toBe(false);
  });

  it("enums and literal unions reject unknown members; nullable accepts null", () => {
    const params = validator(files, "v2/ThreadStartParams.json");
    const base = { mode: "fast", tags: ["a", 1] };
    expect(params({ ...base, mode: "medium" })).toBe(false);
    expect(params({ ...base, model: null, level: null, effort: null })).toBe(true);
    expect(params({ ...base, model: "gpt", level: 2, effort: "high", mixed: 1 })).toBe(true);
    expect(params({ ...base, level: 3 })).toBe(false);
    expect(params({ ...base, effort: "medium" })).toBe(false);
    expect(params({ ...base, mixed: "b" })).toBe(false);
    expect(params({ ...base, tags: [true] })).toBe(false);
    expect(file(files, "v2/ThreadStartParams.json").properties).toMatchObject({
      effort: { type: ["string", "null"], enum: ["low", "high", null] },
      model: { type: ["string", "null"] },
      level: { anyOf: [{ $ref: "../app.schemas.json#/definitions/Level" }, { type: "null" }] },
    });
    expect(bundle("#/definitions/Mode").schema).toEqual({ type: "string", enum: ["fast", "slow"] });
  });

  it("keeps member docs as anyOf branches instead of dropping them", () => {
    expect(bundle("#/definitions/v2/ThreadStatus").schema).toEqual({
      anyOf: [
        { type: "string", const: "active" },
        { type: "string", const: "closed" },
        { description: "Kept read-only.", type: "string", const: "archived" },
      ],
    });
    const level = bundle("#/definitions/Level");
    expect([level(1), level(2), level(3)]).toEqual([true, true, false]);
  });

  it("validates envelopes through their references", () => {
    const request = validator(files, "ClientRequest.json");
    expect(request({ method: "thread/start", id: 1, params: { mode: "slow", tags: [] } })).toBe(true);
    expect(request({ method: "config/read", id: "x" })).toBe(true);
    expect(request({ method: "config/read", id: true })).toBe(false);
    expect(request({ method: "thread/start", id: 1, params: { mode: "slow" } })).toBe(false);
    expect(request({ method: "thread/stop", id: 1 })).toBe(false);
    const notification = validator(files, "ServerNotification.json");
    const thread = { id: "t", status: "active", parent: { id: "p" }, createdAt: "2024-01-01T00:00:00Z", items: [{ type: "text", text: "x" }] };
    expect(notification({ method: "thread/started", params: thread })).toBe(true);
    expect(notification({ method: "thread/started", params: { ...thread, createdAt: "yesterday" } })).toBe(false);
    expect(notification({ method: "thread/started", params: { ...thread, items: [{ type: "text", url: "u" }] } })).toBe(false);
  });

  it("maps tuples, maps, additional properties, unknown and recursion", () => {
    const pair = validator(files, "Pair.json");
    expect([pair(["a", 1]), pair(["a"]), pair(["a", 1, 2]), pair([1, "a"])]).toEqual([true, false, false, false]);
    const nothing = validator(files, "Nothing.json");
    expect([nothing([]), nothing([1])]).toEqual([true, false]);
    const labels = validator(files, "Labels.json");
    expect([labels({ a: "b" }), labels({ a: 1 })]).toEqual([true, false]);
    const metadata = validator(files, "Metadata.json");
    expect([metadata({ version: 1, flag: true }), metadata({ version: 1, flag: "yes" }), metadata({ version: 1, label: "l" })]).toEqual([true, false, true]);
    const anything = validator(files, "Anything.json");
    expect([anything(null), anything({ a: [1] })]).toEqual([true, true]);
    const empty = validator(files, "Empty.json");
    expect([empty({}), empty({ a: 1 })]).toEqual([true, false]);
    const tree = validator(files, "Tree.json");
    expect(tree({ value: "a", children: [{ value: "b", children: [] }] })).toBe(true);
    expect(tree({ value: "a", children: [{ value: "b" }] })).toBe(false);
    const json = validator(files, "JsonValue.json");
    expect([json({ a: [1, "x", null, { b: true }] }), json(undefined)]).toEqual([true, false]);
  });

  it("keeps odd property names as written, __proto__ included", () => {
    const weird = validator(files, "Weird.json");
    expect(weird({ "kebab-case": "k", "with space": 1 })).toBe(true);
    expect(weird({ "kebab-case": "k", "with space": "1" })).toBe(false);
    // A real own key, not a prototype: Object.fromEntries. (Ajv 8 itself mishandles "__proto__" in data.)
    expect(Object.keys(file(files, "Weird.json").properties as Schema)).toEqual(["kebab-case", "with space", "__proto__"]);
  });

  it("flattens intersections into one closed object", () => {
    const extended = validator(files, "Extended.json");
    expect([extended({ id: "x", name: "n" }), extended({ name: "n" }), extended({ id: "x", extra: 1 })]).toEqual([true, false, false]);
    expect(file(files, "v2/Config.json")).toMatchObject({
      type: "object",
      required: ["values", "extra"],
      additionalProperties: false,
      properties: { values: { $ref: "../app.schemas.json#/definitions/Labels" }, extra: { type: "boolean" } },
    });
  });

  it("falls back to allOf when an intersection member is not an object", () => {
    const model = modelOf([alias("Odd", intersection(object([prop("a", string)]), union(lit("x"), lit("y"))))]);
    expect(file(emitted(model), "Odd.json").allOf).toHaveLength(2);
  });

  it("turns docs into keywords and wraps documented references in allOf", () => {
    const documented = file(files, "Documented.json");
    expect(documented.description).toBe("Documented object.");
    expect(documented.properties).toEqual({
      count: { description: "How many.\nA second line with */ inside.", default: 3, type: "number", minimum: 0, maximum: 10 },
      url: { type: "string", format: "uri", pattern: "^https?:" },
      when: { description: "A documented reference.", allOf: [{ $ref: "app.schemas.json#/definitions/v2/Timestamp" }] },
      old: { deprecated: true, type: "string" },
      note: { default: "not json", type: "string" },
    });
    const validate = validator(files, "Documented.json");
    expect(validate({ count: 3, url: "https://example.com", when: "2024-01-01T00:00:00Z" })).toBe(true);
    expect(validate({ count: 11 })).toBe(false);
    expect(validate({ count: 1, url: "ftp://example.com" })).toBe(false);
    expect(validate({ count: 1, when: "soon" })).toBe(false);
  });

  it("rewrites only real references: text and defaults that look like them stay as written", () => {
    const odd = "\uE000Target";
    const model = modelOf([
      alias("Target", string, { description: odd }),
      alias("Holder", object([
        prop("target", ref("Target"), { docs: { description: odd } }),
        prop("literal", lit(odd)),
        prop("config", map(string), { docs: { tags: { default: JSON.stringify({ $ref: odd }) } } }),
      ])),
    ]);
    const holder = file(emitted(model), "Holder.json");
    expect(holder.properties).toMatchObject({
      target: { description: odd, allOf: [{ $ref: "app.schemas.json#/definitions/Target" }] },
      literal: { const: odd },
      config: { default: { $ref: odd } },
    });
    expect((file(emitted(model), "app.schemas.json").definitions as Record<string, Schema>).Target).toEqual({ description: odd, type: "string" });
  });

  it("prefixes per-type references on the text alone, leaving look-alike text and object defaults as written", () => {
    const lookalike = '"$ref": "#/definitions/Target"';
    const model = modelOf([
      alias("Target", string),
      alias("Plain", object([
        prop("target", ref("Target")),
        prop("literal", lit(lookalike), { docs: { description: lookalike } }),
      ])),
      alias("Defaulted", object([
        prop("target", ref("Target")),
        prop("config", map(string), { docs: { tags: { default: JSON.stringify({ $ref: "#/definitions/Target" }) } } }),
      ])),
    ]);
    const files = emitted(model);
    expect(file(files, "Plain.json").properties).toEqual({
      target: { $ref: "app.schemas.json#/definitions/Target" },
      literal: { description: lookalike, type: "string", const: lookalike },
    });
    expect(file(files, "Defaulted.json").properties).toMatchObject({
      target: { $ref: "app.schemas.json#/definitions/Target" },
      config: { default: { $ref: "#/definitions/Target" } },
    });
  });

  it("rewrites a namespace bundle's references the same way, with or without an object default", () => {
    const lookalike = '"$ref": "#/definitions/v2/Target"';
    const holder = (id: string, withDefault: boolean) =>
      alias(id, object([
        prop("target", ref("v2.Target")),
        prop("literal", lit(lookalike), { docs: { description: lookalike } }),
        ...(withDefault ? [prop("config", map(string), { docs: { tags: { default: JSON.stringify({ $ref: "#/definitions/v2/Target" }) } } })] : []),
      ]));
    for (const withDefault of [false, true]) {
      const flat = file(emitted(modelOf([alias("v2.Target", string), holder("v2.Holder", withDefault)])), "app.v2.schemas.json");
      const properties = (flat.definitions as Record<string, Schema>).Holder!.properties as Record<string, Schema>;
      expect(properties.target).toEqual({ $ref: "#/definitions/Target" });
      expect(properties.literal).toEqual({ description: lookalike, type: "string", const: lookalike });
      if (withDefault) expect(properties.config).toMatchObject({ default: { $ref: "#/definitions/v2/Target" } });
    }
  });

  it("writes a bundle name into per-type references as JSON, whatever its characters", () => {
    const model = modelOf([alias("Target", string), alias("Pointer", object([prop("target", ref("Target"))]))]);
    const [, text] = [...emitJsonSchema(model, { bundleName: 'odd"$&\\name' })].find(([path]) => path === "Pointer.json")!;
    expect((JSON.parse(text) as { properties: { target: Schema } }).properties.target).toEqual({ $ref: 'odd"$&\\name.schemas.json#/definitions/Target' });
  });

  it("wraps a reference at the top of a file, where $schema and title would be its siblings", () => {
    const model = modelOf([alias("Target", string), alias("Pointer", ref("Target"))]);
    expect(file(emitted(model), "Pointer.json")).toEqual({
      $schema: "http://json-schema.org/draft-07/schema#",
      title: "Pointer",
      allOf: [{ $ref: "app.schemas.json#/definitions/Target" }],
    });
  });
});
