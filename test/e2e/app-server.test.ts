/**
 * End to end: the compiled example app-server (examples/app-server) over stdio
 * and WebSocket, with the runtime gate and the generated schemas of
 * generated/. Every server runs with --check-output, so each result and
 * notification is also validated against the receiving connection's audience;
 * afterEach fails the test on any mismatch it logged.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { write } from "../../src/commands/write.js";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildExamples } from "./support/build-examples.js";
import { REPO_ROOT } from "./support/paths.js";
import type { Peer, RpcMessage } from "./support/peer.js";
import { connectWs, startedServers, startStdioServer, startWsServer, stopAllServers } from "./support/server-process.js";

let serverMain = "";
let clientMain = "";

beforeAll(() => {
  ({ serverMain, clientMain } = buildExamples(path.join(REPO_ROOT, ".tmp", "e2e-examples")));
});

afterEach(() => {
  for (const server of startedServers()) expect(server.stderr()).not.toContain("output check failed");
});

afterAll(stopAllServers);

const gateMessage = (reason: string) => ({ code: -32600, message: `${reason} requires experimentalApi capability` });

/**
 * Reasons as the inventory gives them, read rather than spelled out: protocol-defs
 * keeps codex's reason strings (`thread/start.persistFullHistory` for the field
 * `persistExtendedHistory`).
 */
const inventoryEntries = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, "generated", "experimental-inventory.json"), "utf8")) as {
    entries: { kind: string; type?: string; field?: string; member?: string; reason: string }[];
  }
).entries;
function reasonOf(kind: string, type: string, name: string): string {
  const entry = inventoryEntries.find((e) => e.kind === kind && e.type === type && (e.field ?? e.member) === name);
  if (!entry) throw new Error(`the inventory has no ${kind} entry for ${type}.${name}`);
  return entry.reason;
}
const PERSIST_REASON = reasonOf("field", "v2.ThreadStartParams", "persistExtendedHistory");
const GRANULAR_REASON = reasonOf("member", "v2.AskForApproval", "granular");
const SUB_AGENT_OTHER_REASON = reasonOf("member", "v2.ThreadSourceKind", "SubAgentOther");

/** The messages received after index `from`, as "response" or the notification method. */
function sequenceSince(peer: Peer, from: number): string[] {
  return peer.received.slice(from).map((message: RpcMessage) => message.method ?? "response");
}

describe("stdio: a fresh connection each", () => {
  it("refuses requests before initialize, and a second initialize", async () => {
    const { peer } = startStdioServer(serverMain);
    expect((await peer.request("thread/start", {})).error).toEqual({ code: -32002, message: "Not initialized" });
    expect(await peer.initialize()).toEqual({ userAgent: expect.stringMatching(/^e2e\/0\.0\.0 /) });
    expect((await peer.request("initialize", { clientInfo: { name: "e2e", version: "0.0.0" } })).error).toEqual({
      code: -32600,
      message: "Already initialized",
    });
  });

  it("accepts experimental fields and methods after opting in", async () => {
    const { peer } = startStdioServer(serverMain);
    await peer.initialize(true);
    const started = await peer.call("thread/start", { persistExtendedHistory: true });
    const threadId: string = started.thread.id;
    const realtimeStarted = peer.notification("thread/realtime/started", threadId);
    expect(await peer.call("thread/realtime/start", { threadId, prompt: "hi", sessionId: "rt-1" })).toEqual({});
    expect((await realtimeStarted).params).toEqual({ threadId, sessionId: "rt-1" });
    expect(await peer.call("thread/list", { sourceKinds: ["subAgentOther"] })).toEqual({ data: [], nextCursor: null });
  });

  it("replies in the client's JSON-RPC style", async () => {
    const { peer } = startStdioServer(serverMain);
    const init = await peer.request("initialize", { clientInfo: { name: "e2e", version: "0" } }, { jsonrpc: true });
    expect(init.jsonrpc).toBe("2.0");
    const threadStarted = peer.notification("thread/started");
    const plain = await peer.request("thread/start", {});
    expect(plain).not.toHaveProperty("jsonrpc");
    // Notifications follow the style of the connection's initialize.
    expect((await threadStarted).jsonrpc).toBe("2.0");
  });
});

describe("stdio: one connection, not opted in", () => {
  let peer: Peer;
  beforeAll(async () => {
    ({ peer } = startStdioServer(serverMain));
    await peer.initialize(false);
  });

  it("gates experimental fields and methods for a connection that did not opt in", async () => {
    expect((await peer.request("thread/start", { persistExtendedHistory: true })).error).toEqual(
      gateMessage(PERSIST_REASON),
    );
    // An experimental field in its unused form is not experimental use. The server strips it and
    // validates the rest against the closed stable schema, which has no such field.
    const started = await peer.call("thread/start", { persistExtendedHistory: false, dynamicTools: [], cwd: "/unused" });
    expect(started.thread).toMatchObject({ status: { type: "idle" }, cwd: "/unused" });
    expect((await peer.call("thread/resume", { threadId: started.thread.id, path: null, persistExtendedHistory: false })).thread.id).toBe(
      started.thread.id,
    );
    expect((await peer.request("thread/realtime/start", { threadId: started.thread.id, prompt: "hi" })).error).toEqual(
      gateMessage("thread/realtime/start"),
    );
    expect((await peer.request("thread/list", { sourceKinds: ["subAgentOther"] })).error).toEqual(gateMessage(SUB_AGENT_OTHER_REASON));
  });

  it("rejects malformed params with -32602 and the first failing path in data", async () => {
    // Validation stops at the first error: a huge invalid array costs one error, not one per item.
    const missing = (await peer.request("thread/read", { threadId: 7 })).error;
    expect(missing).toMatchObject({ code: -32602, message: expect.stringContaining("thread/read") });
    expect(missing!.data.errors).toEqual([{ path: "/includeTurns", message: "must have required property 'includeTurns'" }]);
    const wrongType = (await peer.request("thread/read", { threadId: 7, includeTurns: false })).error;
    expect(wrongType!.data.errors).toEqual([{ path: "/threadId", message: "must be string" }]);
    const unknownMember = (await peer.request("thread/start", { bogus: 1 })).error;
    expect(unknownMember).toMatchObject({ code: -32602, data: { errors: [{ path: "/bogus", message: "must NOT have additional properties" }] } });
    const badEnum = (await peer.request("thread/start", { sandbox: "everything" })).error;
    expect(badEnum!.code).toBe(-32602);
    // anyOf reports each branch's first error: bounded by the schema, not by the message.
    expect(new Set(badEnum!.data.errors.map((error: { path: string }) => error.path))).toEqual(new Set(["/sandbox"]));
    expect((await peer.request("thread/start")).error).toMatchObject({
      code: -32602,
      data: { errors: [{ path: "", message: "params are required" }] },
    });
  });

  it("answers unknown methods with -32601, unimplemented ones too, and malformed JSON with -32700", async () => {
    expect((await peer.request("thread/teleport", {})).error).toEqual({ code: -32601, message: "Method not found: thread/teleport" });
    expect((await peer.request("windowsSandbox/setupStart", { mode: "elevated" })).error).toEqual({
      code: -32601,
      message: "windowsSandbox/setupStart is not implemented by the example app-server",
    });
    const parseError = peer.next((message) => message.error?.code === -32700, "a parse error");
    peer.send('{"id": 1, "method": ');
    expect(await parseError).toMatchObject({ id: null, error: { code: -32700 } });
    // The connection survives garbage.
    expect(await peer.call("thread/loaded/list", {})).toHaveProperty("data");
  });

  it("sends thread/started and thread/status/changed after the thread/start response", async () => {
    const from = peer.received.length;
    const started = await peer.call("thread/start", { cwd: "/work", ephemeral: true });
    const threadId: string = started.thread.id;
    await peer.notification("thread/status/changed", threadId, from);
    expect(sequenceSince(peer, from)).toEqual(["response", "thread/started", "thread/status/changed"]);
    const [, threadStarted, statusChanged] = peer.received.slice(from);
    expect(threadStarted!.params.thread).toEqual(started.thread);
    expect(statusChanged!.params).toEqual({ threadId, status: { type: "idle" } });
    expect(started).toMatchObject({ cwd: "/work", thread: { id: threadId, ephemeral: true, turns: [] } });
  });

  it("reads, lists, archives and compacts threads, with their statuses", async () => {
    // Threads of this test only: the connection is shared, and thread/list filters by cwd.
    const cwd = "/list-test";
    const busy: string = (await peer.call("thread/start", { cwd })).thread.id;
    const quiet: string = (await peer.call("thread/start", { cwd })).thread.id;
    await peer.call("turn/start", { threadId: busy, input: [{ type: "text", text: "hello", text_elements: [] }] });

    expect((await peer.call("thread/read", { threadId: busy, includeTurns: false })).thread).toMatchObject({
      status: { type: "active", activeFlags: [] },
      preview: "hello",
      turns: [],
    });
    const listed = await peer.call("thread/list", { cwd });
    const statuses = Object.fromEntries(listed.data.map((thread: any) => [thread.id, thread.status.type]));
    expect(statuses).toEqual({ [busy]: "active", [quiet]: "idle" });
    expect((await peer.call("thread/loaded/list", {})).data).toEqual(expect.arrayContaining([busy, quiet]));

    const archived = peer.notification("thread/archived", quiet);
    expect(await peer.call("thread/archive", { threadId: quiet })).toEqual({});
    expect((await archived).params).toEqual({ threadId: quiet });
    expect((await peer.call("thread/list", { cwd })).data.map((thread: any) => thread.id)).toEqual([busy]);
    expect((await peer.call("thread/list", { cwd, archived: true })).data.map((thread: any) => thread.id)).toEqual([quiet]);
    const unarchived = peer.notification("thread/unarchived", quiet);
    expect((await peer.call("thread/unarchive", { threadId: quiet })).thread.id).toBe(quiet);
    await unarchived;

    const page = await peer.call("thread/list", { cwd, limit: 1 });
    const nextPage = await peer.call("thread/list", { cwd, limit: 1, cursor: page.nextCursor });
    expect([...page.data, ...nextPage.data].map((thread: any) => thread.id).sort()).toEqual([busy, quiet].sort());
    expect(nextPage.nextCursor).toBeNull();
    expect(await peer.call("thread/compact/start", { threadId: quiet })).toEqual({});
    expect((await peer.request("thread/read", { threadId: "nope", includeTurns: false })).error).toEqual({
      code: -32600,
      message: "thread not found: nope",
    });
  });

  it("closes and releases a thread when its last subscriber unsubscribes", async () => {
    const started = peer.received.length;
    const threadId: string = (await peer.call("thread/start", {})).thread.id;
    await peer.notification("thread/status/changed", threadId, started);
    const from = peer.received.length;
    expect(await peer.call("thread/unsubscribe", { threadId })).toEqual({ status: "unsubscribed" });
    const notLoaded = await peer.notification("thread/status/changed", threadId, from);
    expect(sequenceSince(peer, from)).toEqual(["response", "thread/closed", "thread/status/changed"]);
    expect(peer.received[from + 1]!.params).toEqual({ threadId });
    expect(notLoaded.params).toEqual({ threadId, status: { type: "notLoaded" } });

    // The example keeps threads in memory only: an unloaded thread is released, and gone.
    expect((await peer.call("thread/loaded/list", {})).data).not.toContain(threadId);
    expect((await peer.request("thread/read", { threadId, includeTurns: false })).error).toEqual({
      code: -32600,
      message: `thread not found: ${threadId}`,
    });
    expect((await peer.call("thread/list", {})).data.map((thread: any) => thread.id)).not.toContain(threadId);
    expect((await peer.request("thread/resume", { threadId })).error).toMatchObject({ code: -32600 });
    expect(await peer.call("thread/unsubscribe", { threadId })).toEqual({ status: "notLoaded" });
  });

  it("steers only an active turn", async () => {
    const threadId: string = (await peer.call("thread/start", {})).thread.id;
    const input = (text: string) => [{ type: "text", text, text_elements: [] }];
    expect((await peer.request("turn/steer", { threadId, input: input("faster") })).error).toEqual({
      code: -32600,
      message: `no active turn to steer in thread ${threadId}`,
    });

    const from = peer.received.length;
    const { turn } = await peer.call("turn/start", { threadId, input: input("build it") });
    expect(turn).toMatchObject({ status: "inProgress", items: [], error: null });
    await peer.notification("item/completed", threadId, from);
    expect(sequenceSince(peer, from)).toEqual(["response", "turn/started", "thread/status/changed", "item/started", "item/completed"]);

    expect(await peer.call("turn/steer", { threadId, input: input("faster"), expectedTurnId: turn.id })).toEqual({ turnId: turn.id });
    expect((await peer.request("turn/steer", { threadId, input: input("x"), expectedTurnId: "other" })).error?.code).toBe(-32600);

    const completed = peer.notification("turn/completed", threadId);
    expect(await peer.call("turn/interrupt", { threadId, turnId: turn.id })).toEqual({});
    expect((await completed).params.turn).toMatchObject({ id: turn.id, status: "interrupted" });
    const read = await peer.call("thread/read", { threadId, includeTurns: true });
    expect(read.thread.status).toEqual({ type: "idle" });
    expect(read.thread.turns[0].items.map((item: any) => item.content[0].text)).toEqual(["build it", "faster"]);
  });
});

describe("websocket", () => {
  let url = "";
  beforeAll(async () => {
    ({ url } = await startWsServer(serverMain));
  });

  it("keeps initialization and the opt-in per connection", async () => {
    const { peer: optedIn } = await connectWs(url);
    const { peer: stable } = await connectWs(url);
    await optedIn.initialize(true);
    expect((await stable.request("thread/start", {})).error).toEqual({ code: -32002, message: "Not initialized" });
    await stable.initialize();
    expect((await optedIn.request("thread/start", { persistExtendedHistory: true })).result).toBeDefined();
    expect((await stable.request("thread/start", { persistExtendedHistory: true })).error).toEqual(gateMessage(PERSIST_REASON));
  });

  it("validates each connection's params against its own audience's schema, after the gate", async () => {
    const { peer: optedIn } = await connectWs(url);
    const { peer: stable } = await connectWs(url);
    await optedIn.initialize(true);
    await stable.initialize(false);
    const granular = { granular: { sandbox_approval: true, rules: false, mcp_elicitations: false } };

    // A genuinely unknown field: -32602 for both, naming it.
    for (const peer of [optedIn, stable]) {
      const unknown = (await peer.request("thread/start", { cwd: "/w", bogus: 1 })).error;
      expect(unknown).toMatchObject({ code: -32602, data: { errors: [{ path: "/bogus", message: "must NOT have additional properties" }] } });
    }

    // Unused experimental fields: fine for both (stripped for the stable connection, allowed by the experimental schema).
    for (const peer of [optedIn, stable]) {
      expect((await peer.call("thread/start", { persistExtendedHistory: false, dynamicTools: null })).thread.id).toEqual(expect.any(String));
    }

    // The object shape of approvalPolicy exists only as the experimental `granular` member: the gate
    // refuses it for the stable connection before any schema is consulted, even when malformed
    // (-32600, not -32602), while the opted-in connection gets it validated.
    expect((await stable.request("thread/start", { approvalPolicy: granular })).error).toEqual(gateMessage(GRANULAR_REASON));
    expect((await stable.request("thread/start", { approvalPolicy: { bogus: true } })).error).toEqual(gateMessage(GRANULAR_REASON));
    expect((await optedIn.call("thread/start", { approvalPolicy: granular })).approvalPolicy).toEqual(granular);
    expect((await optedIn.request("thread/start", { approvalPolicy: { bogus: true } })).error).toMatchObject({
      code: -32602,
      data: { errors: expect.arrayContaining([{ path: "/approvalPolicy/granular", message: "must have required property 'granular'" }]) },
    });
    // Likewise an ill-typed experimental boolean: "used" for the gate, a type error for the experimental schema.
    expect((await stable.request("thread/start", { persistExtendedHistory: "yes" })).error).toEqual(gateMessage(PERSIST_REASON));
    expect((await optedIn.request("thread/start", { persistExtendedHistory: "yes" })).error).toMatchObject({
      code: -32602,
      data: { errors: [{ path: "/persistExtendedHistory", message: "must be boolean" }] },
    });

    // Which schema ran shows in the errors for a bad string: only the experimental AskForApproval has an object branch.
    const paths = async (peer: Peer) =>
      ((await peer.request("thread/start", { approvalPolicy: "sometimes" })).error!.data.errors as { message: string }[]).map((e) => e.message);
    expect(await paths(optedIn)).toContain("must be object");
    const stableMessages = await paths(stable);
    expect(stableMessages).toContain("must be equal to constant");
    expect(stableMessages).not.toContain("must be object");
  });

  it("answers the same request id on two connections independently", async () => {
    const [{ peer: first }, { peer: second }] = await Promise.all([connectWs(url), connectWs(url)]);
    await Promise.all([first.initialize(), second.initialize()]);
    const [started, failed] = await Promise.all([
      first.request("thread/start", {}, { id: 42 }),
      second.request("thread/read", { threadId: "missing", includeTurns: false }, { id: 42 }),
    ]);
    expect(started.result.thread.id).toEqual(expect.any(String));
    expect(failed.error).toEqual({ code: -32600, message: "thread not found: missing" });
    // A round trip on each, so a stray response would have arrived by now.
    await Promise.all([first.call("thread/loaded/list", {}), second.call("thread/loaded/list", {})]);
    expect(first.received.filter((message) => message.id === 42)).toEqual([started]);
    expect(second.received.filter((message) => message.id === 42)).toEqual([failed]);
  });

  it("never sends experimental notifications to a connection that did not opt in", async () => {
    const { peer: optedIn } = await connectWs(url);
    const { peer: stable } = await connectWs(url);
    await optedIn.initialize(true);
    await stable.initialize(false);
    const threadId: string = (await optedIn.call("thread/start", {})).thread.id;
    await stable.call("thread/resume", { threadId }); // now both follow the thread

    const realtimeStarted = optedIn.notification("thread/realtime/started", threadId);
    await optedIn.call("thread/realtime/start", { threadId, prompt: "talk" });
    await realtimeStarted;
    const itemAdded = optedIn.notification("thread/realtime/itemAdded", threadId);
    await optedIn.call("thread/realtime/appendText", { threadId, text: "hi" });
    await itemAdded;
    // A stable notification sent after them reaches the stable connection: anything sent before it would have too.
    const turnStarted = stable.notification("turn/started", threadId);
    await optedIn.call("turn/start", { threadId, input: [{ type: "text", text: "go", text_elements: [] }] });
    await turnStarted;

    expect(optedIn.notificationMethods(threadId)).toEqual(
      expect.arrayContaining(["thread/realtime/started", "thread/realtime/itemAdded", "turn/started"]),
    );
    expect(stable.notificationMethods(threadId).filter((method) => method.startsWith("thread/realtime/"))).toEqual([]);
  });

  it("closes a thread when the last subscriber leaves, by unsubscribe or by disconnecting", async () => {
    const { peer: first } = await connectWs(url);
    const { peer: second, socket: secondSocket } = await connectWs(url);
    await Promise.all([first.initialize(), second.initialize()]);
    const threadId: string = (await first.call("thread/start", {})).thread.id;
    expect((await second.call("thread/resume", { threadId })).thread.id).toBe(threadId);

    expect(await first.call("thread/unsubscribe", { threadId })).toEqual({ status: "unsubscribed" });
    expect(await first.call("thread/unsubscribe", { threadId })).toEqual({ status: "notSubscribed" });
    expect((await first.call("thread/loaded/list", {})).data).toContain(threadId);
    expect(first.notificationMethods(threadId)).not.toContain("thread/closed");

    const closed = first.notification("thread/closed", threadId);
    const notLoaded = first.next(
      (message) =>
        message.method === "thread/status/changed" && message.params.threadId === threadId && message.params.status.type === "notLoaded",
      "notLoaded status",
    );
    secondSocket.close();
    expect((await closed).params).toEqual({ threadId });
    await notLoaded;
    expect((await first.call("thread/loaded/list", {})).data).not.toContain(threadId);
  });
});

describe("typed client example", () => {
  it("initializes, starts and reads a thread over stdio, and meets the gate", async () => {
    const child = spawn(process.execPath, [clientMain], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    const timer = setTimeout(() => child.kill(), 15_000); // never leave it behind
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearTimeout(timer);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^initialize -> \{"userAgent":"schemagate_example_client\/0\.1\.0 /m);
    expect(stdout).toMatch(/^thread\/start -> \{"threadId":"[0-9a-f-]{36}","status":\{"type":"idle"\}/m);
    expect(stdout).toMatch(/^thread\/read -> /m);
    expect(stdout).toContain(JSON.stringify(gateMessage(PERSIST_REASON)));
  });
});

describe("the envelope setting: a tree written with \"envelope\": \"jsonrpc2\"", () => {
  let generatedDir = "";
  beforeAll(async () => {
    // The flagship's definitions, written with a new config's envelope into a folder of its own.
    const project = await mkdtemp(path.join(tmpdir(), "schemagate-jsonrpc2-"));
    const config = { input: path.join(REPO_ROOT, "protocol-defs"), output: "generated", bundleName: "codex_app_server_protocol", envelope: "jsonrpc2" };
    await writeFile(path.join(project, "schemagate.config.json"), JSON.stringify(config));
    const output = { stdout: () => {}, stderr: (text: string) => process.stderr.write(text) };
    expect(await write({ cwd: project, output, all: true })).toBe(0);
    generatedDir = path.join(project, "generated");
    return () => rm(project, { recursive: true, force: true });
  }, 60_000);

  it("the server answers JSON-RPC 2.0 messages, always with \"jsonrpc\": \"2.0\", and refuses messages without it", async () => {
    const { peer } = startStdioServer(serverMain, ["--generated", generatedDir]);
    const lite = await peer.request("initialize", { clientInfo: { name: "e2e", version: "0" } });
    expect(lite).toMatchObject({ jsonrpc: "2.0", error: { code: -32600, message: 'Invalid Request: "jsonrpc": "2.0" is required' } });
    const init = await peer.request("initialize", { clientInfo: { name: "e2e", version: "0" } }, { jsonrpc: true });
    expect(init).toMatchObject({ jsonrpc: "2.0", result: { userAgent: expect.any(String) } });
    const threadStarted = peer.notification("thread/started");
    const started = await peer.request("thread/start", {}, { jsonrpc: true });
    expect(started).toMatchObject({ jsonrpc: "2.0", result: { thread: { status: { type: "idle" } } } });
    expect((await threadStarted).jsonrpc).toBe("2.0");
    // params left out only where the method takes none
    expect((await peer.request("thread/read", undefined, { jsonrpc: true })).error?.code).toBe(-32602);
  });

  it("its ClientRequest schema accepts what was sent above and rejects the lite message", async () => {
    const schema = JSON.parse(await readFile(path.join(generatedDir, "json", "ClientRequest.json"), "utf8")) as object;
    const bundle = JSON.parse(await readFile(path.join(generatedDir, "json", "codex_app_server_protocol.schemas.json"), "utf8")) as object;
    const ajv = new Ajv({ strict: true });
    addFormats.default(ajv);
    ajv.addSchema(bundle, "codex_app_server_protocol.schemas.json");
    const validate = ajv.compile(schema);
    const message = { method: "thread/start", id: 1, params: {} };
    expect(validate({ jsonrpc: "2.0", ...message })).toBe(true);
    expect(validate(message)).toBe(false);
    expect(validate({ jsonrpc: "2.0", method: "thread/read", id: 2 })).toBe(false);
  });
});
