/**
 * The OpenRPC documents, judged by the OpenRPC project's own tools: every
 * golden case's and generated/'s document passes `validateOpenRPCDocument`
 * (@open-rpc/schema-utils-js, which checks it against @open-rpc/meta-schema),
 * and @open-rpc/mock-server, started as its own process on the flagship
 * documents, serves the hand-written app-server requests: params it validates
 * from the document, results it makes up from the document's schemas, which our
 * JSON Schema accepts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { validateOpenRPCDocument } from "@open-rpc/schema-utils-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIENCES, loadAllArtifacts, REPO, type AudienceName } from "../support/artifacts.js";
import { FIXTURES } from "../support/golden.js";
import { collectRefs, fileValidator, resolveLocalRef, treeAjv } from "../support/json-schema.js";
import { readTree } from "../../src/output/tree.js";

type Document = {
  methods: MethodObject[];
  "x-server-requests"?: MethodObject[];
  "x-server-notifications"?: MethodObject[];
  components: { schemas: Record<string, unknown> };
};
type MethodObject = {
  name: string;
  paramStructure: string;
  params: { name: string; required?: boolean; schema: unknown }[];
  result?: { name: string; schema: unknown };
  "x-experimental"?: string;
};

const MOCK_SERVER = path.join(REPO, "node_modules", "@open-rpc", "mock-server", "build", "cli.js");
const GENERATED = path.join(REPO, "generated");
const folderOf = (audience: AudienceName) => (audience === "stable" ? GENERATED : path.join(GENERATED, "experimental"));

async function readDocuments(): Promise<{ name: string; document: Document }[]> {
  const found: { name: string; document: Document }[] = [];
  for (const subject of await loadAllArtifacts()) {
    const root = subject.name === "generated" ? GENERATED : path.join(FIXTURES, subject.name.slice("fixtures/".length), "expected");
    for (const audience of AUDIENCES) {
      const folder = subject.name === "generated" ? folderOf(audience) : path.join(root, audience);
      const text = await readFile(path.join(folder, "openrpc", "openrpc.json"), "utf8");
      found.push({ name: `${subject.name}/${audience}`, document: JSON.parse(text) as Document });
    }
  }
  return found;
}

const documents = await readDocuments();
const experimentalReasons = new Map(
  (JSON.parse(await readFile(path.join(GENERATED, "experimental-inventory.json"), "utf8")) as { entries: { kind: string; method?: string; reason: string }[] }).entries
    .filter((entry) => entry.kind === "method")
    .map((entry) => [entry.method!, entry.reason]),
);

describe("OpenRPC documents pass the OpenRPC project's validator", () => {
  it("has documents for every golden case and generated/", () => {
    expect(documents.length).toBeGreaterThan(20);
    expect(documents.map((entry) => entry.name)).toContain("generated/experimental");
  });
  for (const { name, document } of documents) {
    it(`${name}: valid against the OpenRPC meta-schema, every $ref resolves, params by name`, () => {
      expect(validateOpenRPCDocument(document as never)).toBe(true);
      for (const ref of new Set(collectRefs(document))) expect(resolveLocalRef(document, ref), ref).toBeDefined();
      for (const method of [...document.methods, ...(document["x-server-requests"] ?? []), ...(document["x-server-notifications"] ?? [])]) {
        expect(method.paramStructure).toBe("by-name");
        if (name.endsWith("/stable")) expect(method["x-experimental"], method.name).toBeUndefined();
      }
    });
  }

  it("rejects what is not OpenRPC, so the check above can fail", () => {
    const document = structuredClone(documents[0]!.document) as unknown as Record<string, unknown>;
    const accepted = (candidate: unknown) => {
      try {
        return validateOpenRPCDocument(candidate as never) === true;
      } catch {
        return false;
      }
    };
    expect(accepted(document)).toBe(true);
    expect(accepted({ ...document, openrpc: "9.9.9" })).toBe(false);
    expect(accepted({ ...document, info: { title: "no version" } })).toBe(false);
    expect(accepted({ ...document, methods: [{ name: "x", params: [], paramStructure: "by-key" }] })).toBe(false);
  });

  it("lists experimental methods only in the experimental document, with the inventory's reason", () => {
    const stable = documents.find((entry) => entry.name === "generated/stable")!.document;
    const experimental = documents.find((entry) => entry.name === "generated/experimental")!.document;
    const all = (document: Document) => [...document.methods, ...(document["x-server-requests"] ?? []), ...(document["x-server-notifications"] ?? [])];
    const marked = all(experimental).filter((method) => method["x-experimental"] !== undefined);
    expect(marked.map((method) => [method.name, method["x-experimental"]])).toEqual(marked.map((method) => [method.name, experimentalReasons.get(method.name)]));
    expect(marked.length).toBe(experimentalReasons.size);
    const stableNames = new Set(all(stable).map((method) => method.name));
    for (const method of marked) expect(stableNames.has(method.name), method.name).toBe(false);
    expect(all(experimental).length).toBe(all(stable).length + marked.length);
    // Server requests and notifications keep the method shape under their extensions.
    expect(stable["x-server-requests"]!.length).toBeGreaterThan(0);
    expect(stable["x-server-notifications"]!.length).toBeGreaterThan(0);
    expect(stable["x-server-requests"]!.every((method) => method.result !== undefined)).toBe(true);
    expect(stable["x-server-notifications"]!.every((method) => method.result === undefined)).toBe(true);
  });
});

interface MockServer {
  readonly url: string;
  readonly process: ChildProcess;
}

const servers: MockServer[] = [];
afterAll(() => {
  for (const server of servers) server.process.kill();
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts @open-rpc/mock-server's own CLI on a document and waits until it says it serves. */
async function startMockServer(document: string): Promise<MockServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [MOCK_SERVER, "--document", document, "--port", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  const server = { url: `http://127.0.0.1:${port}/`, process: child };
  servers.push(server);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock server did not start:\n${output}`)), 20_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Server Started")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", listen);
    child.stderr!.on("data", listen);
    child.once("exit", (code) => reject(new Error(`mock server exited with ${code}:\n${output}`)));
  });
  return server;
}

let nextId = 1;
async function call(server: MockServer, method: string, params: unknown): Promise<{ result?: unknown; error?: { code: number } }> {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
  });
  return (await response.json()) as { result?: unknown; error?: { code: number } };
}

interface Message {
  readonly method: string;
  readonly params?: unknown;
}

async function clientRequestMessages(kind: "stable" | "experimental", document: Document): Promise<Message[]> {
  const folder = path.join(FIXTURES, "app-server-messages", kind);
  const requests = new Map(document.methods.filter((method) => method.result).map((method) => [method.name, method]));
  const messages: Message[] = [];
  for (const file of (await readdir(folder)).filter((name) => name.endsWith(".json")).sort()) {
    const message = JSON.parse(await readFile(path.join(folder, file), "utf8")) as Message;
    if (requests.has(message.method)) messages.push(message);
  }
  return messages;
}

describe("@open-rpc/mock-server serves the flagship documents", () => {
  const mocks: Partial<Record<AudienceName, MockServer>> = {};
  beforeAll(async () => {
    for (const audience of AUDIENCES) mocks[audience] = await startMockServer(path.join(folderOf(audience), "openrpc", "openrpc.json"));
  }, 60_000);

  for (const audience of AUDIENCES) {
    it(`${audience}: every hand-written client request gets a result our JSON Schema accepts`, async () => {
      const document = documents.find((entry) => entry.name === `generated/${audience}`)!.document;
      const messages = await clientRequestMessages("stable", document);
      if (audience === "experimental") messages.push(...(await clientRequestMessages("experimental", document)));
      expect(messages.length).toBeGreaterThan(10);
      const json = await readTree(path.join(folderOf(audience), "json"));
      const ajv = treeAjv(json);
      for (const message of messages) {
        const reply = await call(mocks[audience]!, message.method, message.params ?? {});
        expect(reply.error, `${message.method} ${JSON.stringify(reply.error)}`).toBeUndefined();
        const method = document.methods.find((candidate) => candidate.name === message.method)!;
        const ref = (method.result!.schema as { $ref?: string }).$ref;
        expect(ref, `${message.method} result is a named type`).toBeDefined();
        const file = `${decodeURIComponent(ref!.slice("#/components/schemas/".length)).split(".").join("/")}.json`;
        const validate = fileValidator(ajv, file);
        expect(validate(reply.result), `${message.method} result ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }, 60_000);
  }

  it("rejects params the document does not allow, and methods it does not list", async () => {
    const stable = mocks.stable!;
    expect((await call(stable, "thread/read", { threadId: 7, includeTurns: false })).error?.code).toBe(-32602);
    expect((await call(stable, "thread/read", { includeTurns: false })).error?.code).toBe(-32602);
    const experimentalOnly = [...experimentalReasons.keys()].find((name) => name.startsWith("thread/realtime/"))!;
    expect((await call(stable, experimentalOnly, {})).error?.code).toBe(-32601);
    expect((await call(mocks.experimental!, experimentalOnly, {})).error?.code).not.toBe(-32601);
  });
});
