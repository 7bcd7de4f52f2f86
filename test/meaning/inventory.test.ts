import { describe, expect, it } from "vitest";
import type { GateType, InventoryEntry } from "../../src/model/inventory-types.js";
import { bundleOf, loadAllArtifacts, type AudienceName, type Artifacts } from "../support/artifacts.js";
import { fieldSchemas, shapeFacts, type SchemaObject } from "../support/json-schema.js";
import { definitionOf, layoutOf, type Layout } from "../support/layout.js";

/**
 * Every inventory entry names something the stable audience lacks and the
 * experimental audience has, read from the emitted artifacts themselves.
 */

const artifacts = (await loadAllArtifacts()).filter((subject) => subject.inventory);
const ENVELOPES = ["ClientRequest", "ClientNotification", "ServerRequest", "ServerNotification"];

describe("inventory entries are absent from stable and present in experimental", () => {
  it("has inventories to check", () => {
    expect(artifacts.length).toBeGreaterThan(0);
  });
  for (const subject of artifacts) {
    describe(subject.name, () => {
      const view = { stable: audienceView(subject, "stable"), experimental: audienceView(subject, "experimental") };
      if (subject.inventory!.entries.length === 0) {
        it("has no entries, so both audiences are identical apart from the header's command", () => {
          const { stable, experimental } = subject.audiences;
          const differing: string[] = [];
          for (const format of ["typescript", "json"] as const) {
            const files = new Set([...stable[format].keys(), ...experimental[format].keys()]);
            for (const file of files) {
              const a = stable[format].get(file)?.replace(/ --experimental$/m, "");
              const b = experimental[format].get(file)?.replace(/ --experimental$/m, "");
              if (a !== b) differing.push(`${format}/${file}`);
            }
          }
          expect(differing).toEqual([]);
        });
      }
      for (const entry of subject.inventory!.entries) {
        it(`${entry.kind} ${entry.reason} (${entry.location})`, () => {
          const count = COUNTS[entry.kind];
          const experimental = count(entry, view.experimental, subject);
          const stable = count(entry, view.stable, subject);
          expect(experimental, "occurrences in experimental").toBeGreaterThan(0);
          // A member's value may also occur elsewhere in its type: stable must just have fewer of it.
          if (entry.kind === "member") expect(stable, "occurrences in stable").toBeLessThan(experimental);
          else expect(stable, "occurrences in stable").toBe(0);
        });
      }
    });
  }
});

interface AudienceView {
  readonly bundle: SchemaObject;
  readonly layout: Layout;
  readonly typescript: ReadonlyMap<string, string>;
  /** Wire method names in the audience's JSON envelopes. */
  readonly methods: ReadonlySet<string>;
  /** Wire method names in the audience's TypeScript envelopes. */
  readonly typescriptMethods: ReadonlySet<string>;
}

function audienceView(subject: Artifacts, audience: AudienceName): AudienceView {
  const bundle = bundleOf(subject, audience);
  const layout = layoutOf(subject.audiences[audience]);
  const typescript = subject.audiences[audience].typescript;
  const methods = new Set<string>();
  const typescriptMethods = new Set<string>();
  for (const envelope of ENVELOPES) {
    const schema = definitionOf(bundle, layout, envelope)?.schema;
    for (const fact of schema ? shapeFacts(schema).keys() : []) {
      const match = /^\.method=(.*)$/.exec(fact);
      if (match) methods.add(JSON.parse(match[1]!) as string);
    }
    for (const match of (typescript.get(`${envelope}.ts`) ?? "").matchAll(/^\s*method: ("(?:[^"\\]|\\.)*");$/gm)) {
      typescriptMethods.add(JSON.parse(match[1]!) as string);
    }
  }
  return { bundle, layout, typescript, methods, typescriptMethods };
}

type Count = (entry: InventoryEntry, view: AudienceView, subject: Artifacts) => number;

/** How often an audience holds the entry's element; where both formats can tell, they must agree. */
const COUNTS: Record<InventoryEntry["kind"], Count> = {
  method(entry, view) {
    const name = required(entry.method, "method", entry);
    const inJson = view.methods.has(name);
    expect(view.typescriptMethods.has(name), `TypeScript and JSON envelopes disagree on "${name}"`).toBe(inJson);
    return inJson ? 1 : 0;
  },
  type(entry, view) {
    const id = required(entry.type, "type", entry);
    const inJson = definitionOf(view.bundle, view.layout, id) !== undefined;
    expect(view.layout.declarations.has(id.split(".").join("/")), `TypeScript and JSON disagree on type ${id}`).toBe(inJson);
    return inJson ? 1 : 0;
  },
  field(entry, view) {
    const definition = definitionOf(view.bundle, view.layout, required(entry.type, "type", entry));
    return definition ? fieldSchemas(definition.schema, required(entry.field, "field", entry)).length : 0;
  },
  member(entry, view, subject) {
    const definition = definitionOf(view.bundle, view.layout, required(entry.type, "type", entry));
    if (!definition) return 0;
    const wanted = memberFacts(entry, subject);
    return [...shapeFacts(definition.schema)].filter(([fact]) => wanted(fact)).reduce((sum, [, n]) => sum + n, 0);
  },
};

function required(value: string | undefined, what: string, entry: InventoryEntry): string {
  if (value === undefined) throw new Error(`${entry.kind} entry ${entry.reason} has no ${what}`);
  return value;
}

/**
 * Which shape facts show a union or enum member. Literal members are labelled
 * by their JSON text, enum members by name (resolved to the value through the
 * gate table, which lists each experimental member with its reason), other
 * members by a referenced declaration's name, an object's discriminant value
 * or a single-key object's key.
 */
function memberFacts(entry: InventoryEntry, subject: Artifacts): (fact: string) => boolean {
  const label = required(entry.member, "member", entry);
  const gateValue = gateMemberValue(subject.inventory!.gate.types[entry.type!], entry.reason);
  if (gateValue !== undefined) return (fact) => fact.endsWith(`=${JSON.stringify(gateValue)}`);
  const literal = parseJson(label);
  if (literal !== undefined) {
    return (fact) => fact.endsWith(`=${JSON.stringify(literal)}`) || fact.endsWith(`=${JSON.stringify(label)}`);
  }
  const isProperty = (fact: string) => !fact.includes("=") && !fact.includes("->");
  return (fact) =>
    fact.endsWith(`/${label}`) || fact.endsWith(`=${JSON.stringify(label)}`) || (isProperty(fact) && fact.endsWith(`.${label}`));
}

/** The literal a gate table matches for the member with this reason, if it is a literal member. */
function gateMemberValue(type: GateType | undefined, reason: string): unknown {
  if (!type) return undefined;
  switch (type.kind) {
    case "ref":
      return undefined;
    case "object":
      for (const field of type.fields) {
        const found = field.type && gateMemberValue(field.type, reason);
        if (found !== undefined) return found;
      }
      return undefined;
    case "array":
      return gateMemberValue(type.element, reason);
    case "map":
      return gateMemberValue(type.value, reason);
    case "tuple":
      for (const element of type.elements) {
        const found = element && gateMemberValue(element, reason);
        if (found !== undefined) return found;
      }
      return undefined;
    case "union":
      for (const member of type.members) {
        if (member.experimental === reason && member.match.kind === "literal") return member.match.value;
        const found = member.type && gateMemberValue(member.type, reason);
        if (found !== undefined) return found;
      }
      return undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
