import { describe, expect, it } from "vitest";
import { AUDIENCES, bundleOf, loadAllArtifacts, loadOtherDraftArtifacts, type AudienceName, type Artifacts, type Sample } from "../support/artifacts.js";
import { collectRefs, definitionPointer, fileValidator, resolveFileRef, strictAjv, treeAjv, tupleBoundProblems, type SchemaObject } from "../support/json-schema.js";
import { definitionOf, definitionsKeyword, layoutOf, listDefinitions } from "../support/layout.js";

/**
 * Every emitted JSON file compiles in Ajv strict mode, every `$ref` resolves
 * (inside its own file, or a per-type file's into the bundle), every bundle definition compiles on its own, and each
 * golden case's samples.json values are accepted or rejected as declared.
 * All of it twice: on the committed (draft-07) trees with Ajv, and on the same
 * definitions emitted as 2020-12 with Ajv's 2020 class, with the same verdicts.
 */

const committed = await loadAllArtifacts();
const artifacts = [...committed, ...(await loadOtherDraftArtifacts(committed))];
const BUNDLE_KEY = "bundle";

describe("emitted JSON Schema compiles in strict Ajv and every $ref resolves", () => {
  it("has trees to check", () => {
    expect(artifacts.length).toBeGreaterThan(0);
  });

  it("holds tuples to stated bounds: closed, or open with an explicit rest schema", () => {
    const string = { type: "string" };
    const bounded = [
      { type: "array", items: [string], minItems: 1, maxItems: 1 },
      { type: "array", items: [string], minItems: 1, additionalItems: false },
      { type: "array", items: [string], minItems: 1, additionalItems: { type: "number" } },
      { type: "array", items: [string, string], minItems: 1, additionalItems: { type: "number" } },
    ];
    for (const schema of bounded) expect(tupleBoundProblems({ anyOf: [schema] }), JSON.stringify(schema)).toEqual([]);
    const unbounded = [
      { type: "array", items: [string] },
      { type: "array", items: [string], minItems: 1 },
      { type: "array", items: [string], minItems: 2, additionalItems: false },
      { type: "array", items: [string, string], minItems: 1, maxItems: 3 },
    ];
    for (const schema of unbounded) expect(tupleBoundProblems({ properties: { a: schema } }), JSON.stringify(schema)).toHaveLength(1);
    expect(tupleBoundProblems({ prefixItems: [string], minItems: 1, items: string }, "2020-12")).toEqual([]);
    expect(tupleBoundProblems({ prefixItems: [string], minItems: 1 }, "2020-12")).toHaveLength(1);
    expect(() => strictAjv().addSchema({ type: "array", items: [string] }, "loose")).toThrow(/strict tuples/);
  });
  for (const subject of artifacts) {
    for (const audience of AUDIENCES) {
      describe(`${subject.name}/${audience}`, () => {
        it("every JSON file compiles and each $ref resolves: inside its file, or into the bundle by relative path", () => {
          const problems: string[] = [];
          const json = subject.audiences[audience].json;
          expect(json.size, "no JSON files").toBeGreaterThan(0);
          const bundleFile = `${subject.bundleName}.schemas.json`;
          const ajv = treeAjv(json, subject.draft);
          const documents = new Map([...json].map(([file, text]) => [file, JSON.parse(text) as SchemaObject]));
          for (const [file, schema] of documents) {
            const bundleRef = `${"../".repeat(file.split("/").length - 1)}${bundleFile}#/`;
            for (const ref of new Set(collectRefs(schema))) {
              if (!ref.startsWith("#/") && !ref.startsWith(bundleRef)) problems.push(`${file}: $ref ${ref} points neither inside the file nor into ${bundleFile}`);
              if (resolveFileRef(documents, file, ref) === undefined) problems.push(`${file}: $ref ${ref} does not resolve`);
            }
            try {
              fileValidator(ajv, file);
            } catch (error) {
              problems.push(`${file}: ${(error as Error).message}`);
            }
          }
          expect(problems).toEqual([]);
        });

        it("every bundle definition compiles through getSchema", () => {
          const bundle = bundleOf(subject, audience);
          const ajv = strictAjv(subject.draft);
          ajv.addSchema(bundle, BUNDLE_KEY);
          const definitions = listDefinitions(bundle, layoutOf(subject.audiences[audience]));
          expect(definitionsKeyword(bundle)).toBe(subject.draft === "07" ? "definitions" : "$defs");
          expect(definitions.length).toBeGreaterThan(0);
          const problems: string[] = [];
          for (const { id, path } of definitions) {
            try {
              if (!ajv.getSchema(`${BUNDLE_KEY}${definitionPointer(path, definitionsKeyword(bundle))}`)) problems.push(`${id}: not found`);
            } catch (error) {
              problems.push(`${id}: ${(error as Error).message}`);
            }
          }
          expect(problems).toEqual([]);
        });
      });
    }
  }
});

const withSamples = artifacts.filter((subject) => subject.samples);

describe("samples.json values validate as declared against the audience's bundle", () => {
  if (withSamples.length === 0) it.skip("no fixtures/<case>/samples.json exists yet", () => {});
  for (const subject of withSamples) {
    const samples = subject.samples!;
    describe(subject.name, () => {
      it("declares valid and invalid samples", () => {
        expect(samples.valid.length + samples.invalid.length).toBeGreaterThan(0);
      });
      const cases = [
        ...samples.valid.map((sample, index) => ({ sample, expected: true, label: `valid[${index}]` })),
        ...samples.invalid.map((sample, index) => ({ sample, expected: false, label: `invalid[${index}]` })),
      ];
      for (const { sample, expected, label } of cases) {
        for (const audience of audiencesOf(sample)) {
          const why = sample.why ? ` (${sample.why})` : "";
          it(`${label} ${sample.type} is ${expected ? "accepted" : "rejected"} by ${audience}${why}`, () => {
            const verdict = validateSample(subject, audience, sample);
            if (expected) {
              expect(verdict.missing, `${sample.type} has no definition in ${audience}`).toBe(false);
              expect(verdict.errors, JSON.stringify(sample.value)).toEqual([]);
            } else {
              // A type the audience does not have rejects every value; anything else must fail validation.
              expect(verdict.missing || verdict.errors.length > 0, `${JSON.stringify(sample.value)} was accepted`).toBe(true);
            }
          });
        }
      }
    });
  }
});

function audiencesOf(sample: Sample): AudienceName[] {
  if (sample.audience === "both") return [...AUDIENCES];
  if (!AUDIENCES.includes(sample.audience)) throw new Error(`sample audience must be stable, experimental or both: ${sample.audience}`);
  return [sample.audience];
}

const ajvByBundle = new Map<string, ReturnType<typeof strictAjv>>();

function validateSample(subject: Artifacts, audience: AudienceName, sample: Sample): { missing: boolean; errors: string[] } {
  const bundle = bundleOf(subject, audience);
  const definition = definitionOf(bundle, layoutOf(subject.audiences[audience]), sample.type);
  if (!definition) return { missing: true, errors: [] };
  const key = `${subject.name}/${audience}`;
  let ajv = ajvByBundle.get(key);
  if (!ajv) {
    ajv = strictAjv(subject.draft);
    ajv.addSchema(bundle, BUNDLE_KEY);
    ajvByBundle.set(key, ajv);
  }
  const validate = ajv.getSchema(`${BUNDLE_KEY}${definitionPointer(definition.path, definitionsKeyword(bundle))}`)!;
  const ok = validate(sample.value);
  return { missing: false, errors: ok ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message}`) };
}
