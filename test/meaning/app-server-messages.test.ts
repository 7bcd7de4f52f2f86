import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { findConfig } from "../../src/config.js";
import { loadModel } from "../../src/pipeline.js";
import { createTimings } from "../../src/timings.js";
import {
  AUDIENCES,
  bundleOf,
  GENERATED_EXISTS,
  loadGeneratedArtifacts,
  loadOtherDraftArtifacts,
  REPO,
  type AudienceName,
  type Artifacts,
} from "../support/artifacts.js";
import { FIXTURES } from "../support/golden.js";
import { definitionPointer, fileValidator, treeAjv, type SchemaObject } from "../support/json-schema.js";
import { definitionOf, definitionsKeyword, layoutOf, listDefinitions, type Layout } from "../support/layout.js";

/**
 * Hand-written app-server messages (fixtures/app-server-messages) against the
 * committed generated/ schemas: stable messages are valid in both audiences,
 * experimental ones in the experimental audience only. Also against the same
 * definitions emitted in the other JSON Schema draft (2020-12), with the same verdicts.
 */

const MESSAGES = path.join(FIXTURES, "app-server-messages");
const ENVELOPES = ["ClientRequest", "ClientNotification", "ServerRequest", "ServerNotification"];

interface Message {
  readonly method: string;
  readonly params?: unknown;
  readonly result?: unknown;
}

async function readMessages(kind: "stable" | "experimental"): Promise<[string, Message][]> {
  const folder = path.join(MESSAGES, kind);
  const files = (await readdir(folder).catch(() => [])).filter((file) => file.endsWith(".json")).sort();
  return Promise.all(files.map(async (file) => [file, JSON.parse(await readFile(path.join(folder, file), "utf8")) as Message] as [string, Message]));
}

const generated = await loadGeneratedArtifacts();
const subjects = generated ? [generated, ...(await loadOtherDraftArtifacts([generated]))] : [];
const stableMessages = await readMessages("stable");
const experimentalMessages = await readMessages("experimental");

describe.skipIf(!GENERATED_EXISTS)("app-server sample messages against generated/ (skipped only while generated/ does not exist)", () => {
  it("has the committed tree and its other-draft emission", () => {
    expect(subjects.map((subject) => subject.draft).sort()).toEqual(["07", "2020-12"]);
  });
  for (const subject of subjects) describe(subject.name, () => judgeMessages(subject));
});

function judgeMessages(subject: Artifacts): void {
  let judges: Record<AudienceName, (message: Message) => Verdict>;
  beforeAll(async () => {
    const results = await resultTypes();
    judges = { stable: messageJudge(subject, "stable", results), experimental: messageJudge(subject, "experimental", results) };
  });

  it("has messages of both kinds", () => {
    expect(stableMessages.length).toBeGreaterThan(0);
    expect(experimentalMessages.length).toBeGreaterThan(0);
  });

  describe("stable messages are valid in both audiences", () => {
    for (const [file, message] of stableMessages) {
      for (const audience of AUDIENCES) {
        it(`${file} (${message.method}) in ${audience}`, () => {
          const verdict = judges[audience](message);
          expect(verdict.envelope, `"${message.method}" is in no ${audience} envelope`).toBeDefined();
          expect(verdict.errors).toEqual([]);
        });
      }
    }
  });

  describe("experimental messages are valid in experimental and rejected by stable", () => {
    for (const [file, message] of experimentalMessages) {
      it(`${file} (${message.method})`, () => {
        const experimental = judges.experimental(message);
        expect(experimental.envelope, `"${message.method}" is in no experimental envelope`).toBeDefined();
        expect(experimental.errors, "experimental").toEqual([]);
        const stable = judges.stable(message);
        expect(stable.envelope === undefined || stable.errors.length > 0, "stable accepted the message").toBe(true);
      });
    }
  });
}

/** Each request's result type id ("v2.ThreadStartResponse"): the schemas name params in envelopes, results nowhere. */
async function resultTypes(): Promise<Map<string, string>> {
  const config = await findConfig(REPO);
  const { model, diagnostics } = await loadModel(config!, createTimings());
  if (!model) throw new Error(`protocol-defs do not load: ${diagnostics.map((diagnostic) => diagnostic.message).join("; ")}`);
  const results = new Map<string, string>();
  for (const method of model.methods) {
    if (method.result?.kind === "ref") results.set(method.name, method.result.target);
  }
  return results;
}

interface Verdict {
  /** The envelope holding the method, when the audience has it. */
  readonly envelope?: string;
  readonly errors: readonly string[];
}

function messageJudge(subject: Artifacts, audience: AudienceName, results: ReadonlyMap<string, string>): (message: Message) => Verdict {
  const tree = subject.audiences[audience];
  const bundle = bundleOf(subject, audience);
  const layout = layoutOf(tree);
  const ajv = treeAjv(tree.json, subject.draft);
  const check = (what: string, file: string, value: unknown): string[] => {
    if (!tree.json.has(file)) throw new Error(`${audience}/json/${file} is missing`);
    const validate = fileValidator(ajv, file);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${what} (${file}) ${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
  };

  return (message) => {
    const found = findMethod(bundle, layout, message.method);
    if (!found) return { errors: [] };
    const isRequest = Object.hasOwn(found.member.properties as SchemaObject, "id");
    const errors: string[] = [];
    const jsonrpc = Object.hasOwn(found.member.properties as SchemaObject, "jsonrpc") ? { jsonrpc: "2.0" } : {};
    const envelope = { ...jsonrpc, method: message.method, ...(isRequest ? { id: 1 } : {}), ...(message.params !== undefined ? { params: message.params } : {}) };
    errors.push(...check("envelope", `${found.envelope}.json`, envelope));
    if (message.params !== undefined) {
      const params = (found.member.properties as SchemaObject).params as SchemaObject | undefined;
      const file = params && fileOfRef(bundle, layout, params);
      if (!params) errors.push(`params: "${message.method}" takes none`);
      else if (file) errors.push(...check("params", file, message.params));
      else errors.push(`params: "${message.method}" params are not a named type with its own file`);
    }
    if (message.result !== undefined) {
      const result = results.get(message.method);
      if (!isRequest) errors.push(`result: "${message.method}" is a notification`);
      else if (!result) errors.push(`result: "${message.method}" has no named result type`);
      else errors.push(...check("result", `${result.split(".").join("/")}.json`, message.result));
    }
    return { envelope: found.envelope, errors };
  };
}

/** The envelope (and its union member) that carries `method`, looked up in the bundle's envelope definitions. */
function findMethod(bundle: SchemaObject, layout: Layout, method: string): { envelope: string; member: SchemaObject } | undefined {
  for (const envelope of ENVELOPES) {
    const schema = definitionOf(bundle, layout, envelope)?.schema;
    if (!schema) continue;
    const members = (schema.anyOf as SchemaObject[] | undefined) ?? [schema];
    for (const member of members) {
      const properties = member.properties as Record<string, SchemaObject> | undefined;
      if (properties?.method?.const === method) return { envelope, member };
    }
  }
  return undefined;
}

/** `v2/ThreadStartParams.json` for a `{ "$ref": "#/definitions/v2/ThreadStartParams" }` schema. */
function fileOfRef(bundle: SchemaObject, layout: Layout, schema: SchemaObject): string | undefined {
  if (typeof schema.$ref !== "string") return undefined;
  const target = listDefinitions(bundle, layout).find((definition) => definitionPointer(definition.path, definitionsKeyword(bundle)) === schema.$ref);
  return target && `${target.id.split(".").join("/")}.json`;
}
