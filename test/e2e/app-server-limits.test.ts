/**
 * The example server in process, through its transport-independent API: the
 * outgoing gate on every reply and notification, which connection may act on
 * which thread, and the limits that keep one client from costing the others
 * (queue bound, reply size, retained data, released threads). The same
 * attacks against real processes are in test/load/.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findGeneratedDir, readGenerated } from "../../examples/app-server/generated.js";
import { RESULT_TYPES } from "../../examples/app-server/handlers/index.js";
import { DEFAULT_LIMITS, type ServerLimits } from "../../examples/app-server/limits.js";
import { createConnection } from "../../examples/app-server/connection.js";
import { sendNotification, sendResult } from "../../examples/app-server/send.js";
import { AppServer } from "../../examples/app-server/server.js";
import { createProtocolValidator } from "../../examples/app-server/validation.js";
import { createGate } from "../../src/runtime/index.js";
import { recordingLink } from "./support/recording-link.js";
import { REPO_ROOT } from "./support/paths.js";

const artifacts = readGenerated(findGeneratedDir(path.join(REPO_ROOT, "examples", "app-server")));
const validator = createProtocolValidator(artifacts, RESULT_TYPES);
const gate = createGate(artifacts.inventory);
const GRANULAR_REASON = artifacts.inventory.entries.find((entry) => entry.type === "v2.AskForApproval" && entry.member === "granular")!.reason;
const granular = { granular: { sandbox_approval: true, rules: false, mcp_elicitations: false } };
const input = (text: string) => [{ type: "text", text, text_elements: [] }];

interface Message {
  id?: number | null;
  method?: string;
  params?: any;
  result?: any;
  error?: any;
}

function startServer(limits: Partial<ServerLimits> = {}) {
  const log: string[] = [];
  const server = new AppServer({
    gate,
    validator,
    checkOutput: true,
    limits: { ...DEFAULT_LIMITS, ...limits },
    log: (line) => log.push(line),
    envelope: artifacts.envelope,
  });
  let nextId = 1;
  const connect = (experimentalApi: boolean, queued: () => number = () => 0) => {
    const received: Message[] = [];
    const link = recordingLink(received, queued);
    const handle = server.connect(link);
    // The router answers synchronously.
    const request = (method: string, params?: unknown): Message => {
      const id = nextId++;
      handle.receive(JSON.stringify({ id, method, params }));
      return received.find((message) => message.id === id)!;
    };
    const call = (method: string, params?: unknown) => {
      const reply = request(method, params);
      if (reply.error) throw new Error(`${method} failed: ${JSON.stringify(reply.error)}`);
      return reply.result;
    };
    call("initialize", { clientInfo: { name: "unit", version: "0" }, capabilities: { experimentalApi } });
    const notifications = (method?: string) => received.filter((message) => message.id === undefined && (!method || message.method === method));
    return { request, call, received, notifications, handle, link };
  };
  return { server, log, connect };
}

describe("the outgoing gate in the example server", () => {
  it("never gives a stable client an experimental member another client set: the reply becomes a documented error", () => {
    const { connect, log } = startServer();
    const optedIn = connect(true);
    const stable = connect(false);
    const threadId = optedIn.call("thread/start", { approvalPolicy: granular }).thread.id;
    expect(stable.request("thread/resume", { threadId }).error).toEqual({
      code: -32603,
      message: `the result holds ${GRANULAR_REASON}, which requires experimentalApi capability`,
      data: { reason: GRANULAR_REASON, path: "/approvalPolicy" },
    });
    expect(stable.request("thread/fork", { threadId }).error).toMatchObject({ code: -32603, data: { reason: GRANULAR_REASON } });
    expect(log).toContainEqual(expect.stringMatching(/result of thread\/resume withheld: .* at \/approvalPolicy has no stable form/));
    // What has a stable form still flows: the thread itself.
    expect(stable.call("thread/read", { threadId, includeTurns: true }).thread.id).toBe(threadId);
    expect(optedIn.call("thread/resume", { threadId }).approvalPolicy).toEqual(granular);
    expect(log.filter((line) => line.startsWith("output check failed"))).toEqual([]);
  });

  it("keeps a stable client's own thread readable after an opted-in client changes it", () => {
    const { connect, log } = startServer();
    const stable = connect(false);
    const optedIn = connect(true);
    const threadId = stable.call("thread/start", {}).thread.id;
    optedIn.call("thread/resume", { threadId });
    optedIn.call("turn/start", { threadId, input: input("go"), approvalPolicy: granular });
    // Turn and item notifications reach the stable subscriber; none carries the policy.
    expect(stable.notifications("turn/started")).toHaveLength(1);
    expect(stable.notifications("item/completed")).toHaveLength(1);
    expect(stable.request("thread/resume", { threadId }).error).toMatchObject({ code: -32603, data: { reason: GRANULAR_REASON } });
    expect(stable.call("thread/read", { threadId, includeTurns: true }).thread.turns).toHaveLength(1);
    expect(log.filter((line) => line.startsWith("output check failed"))).toEqual([]);
  });
});

describe("which connection may act on which thread", () => {
  it("shows a connection only the threads it knows, and lets only followers act on them", () => {
    const { connect } = startServer();
    const owner = connect(false);
    const other = connect(false);
    const threadId = owner.call("thread/start", { cwd: "/mine" }).thread.id;
    expect(other.notifications("thread/started")).toEqual([]);
    expect(other.call("thread/list", {}).data).toEqual([]);
    expect(other.call("thread/loaded/list", {}).data).toEqual([]);
    for (const [method, params] of [
      ["turn/start", { threadId, input: input("x") }],
      ["turn/interrupt", { threadId, turnId: "t" }],
      ["thread/archive", { threadId }],
      ["thread/compact/start", { threadId }],
    ] as const) {
      expect(other.request(method, params).error, method).toEqual({
        code: -32600,
        message: `thread ${threadId} is not followed by this connection; call thread/resume first`,
      });
    }
    // The id is the capability: with it, a connection may read and resume, and then act.
    expect(other.call("thread/read", { threadId, includeTurns: false }).thread.cwd).toBe("/mine");
    expect(other.call("thread/list", {}).data.map((thread: { id: string }) => thread.id)).toEqual([threadId]);
    other.call("thread/resume", { threadId });
    expect(other.call("thread/archive", { threadId })).toEqual({});
    expect(owner.notifications("thread/archived")).toHaveLength(1);
  });

  it("releases every thread of a connection that goes away", () => {
    const { server, connect } = startServer();
    const survivor = connect(false);
    for (let i = 0; i < 200; i++) {
      const client = connect(i % 2 === 0);
      client.call("thread/start", { cwd: `/c${i}` });
      client.call("thread/start", {});
      client.handle.close();
    }
    expect(server.stats()).toEqual({ connections: 1, threads: 0, retainedBytes: 0 });
    expect(survivor.call("thread/loaded/list", {}).data).toEqual([]);
    expect(survivor.notifications()).toEqual([]);
  });
});

describe("limits", () => {
  it("refuses to keep more client data than the budget, and has room again once threads are released", () => {
    const { server, connect } = startServer({ maxRetainedBytes: 4096 });
    const client = connect(false);
    const big = "x".repeat(3000);
    const first = client.call("thread/start", { cwd: big }).thread.id;
    expect(client.request("thread/start", { cwd: big }).error).toMatchObject({
      code: -32600,
      message: expect.stringMatching(/^thread\/start refused: the server keeps at most 4096 bytes/),
    });
    expect(client.request("turn/start", { threadId: first, input: input(big) }).error?.message).toMatch(/^turn\/start refused/);
    client.call("thread/unsubscribe", { threadId: first });
    expect(server.stats().retainedBytes).toBe(0);
    expect(client.call("thread/start", { cwd: big }).thread.cwd).toBe(big);
  });

  it("keeps one thread's data under its own bound, and pages thread/list by it", () => {
    const { connect } = startServer({ maxThreadBytes: 8000 });
    const client = connect(false);
    const ids = [0, 1, 2].map(() => client.call("thread/start", { cwd: "z".repeat(3000) }).thread.id);
    expect(client.request("turn/start", { threadId: ids[0], input: input("q".repeat(6000)) }).error?.message).toMatch(
      /^turn\/start refused: a thread keeps at most 8000 bytes of client data and this one would reach \d+$/,
    );
    const first = client.call("thread/list", { limit: 10 });
    expect(first.data).toHaveLength(2);
    const second = client.call("thread/list", { limit: 10, cursor: first.nextCursor });
    expect([...first.data, ...second.data].map((thread: { id: string }) => thread.id).sort()).toEqual([...ids].sort());
    expect(second.nextCursor).toBeNull();
  });

  it("caps loaded threads", () => {
    const { connect } = startServer({ maxThreads: 2 });
    const client = connect(false);
    client.call("thread/start", {});
    client.call("thread/start", {});
    expect(client.request("thread/start", {}).error?.message).toBe("thread/start refused: the server holds its maximum of 2 threads");
  });

  it("replaces a reply larger than the queue bound with an error, and keeps serving", () => {
    const { connect, log } = startServer({ maxQueuedBytes: 8192 });
    const client = connect(false);
    const reply = client.request("thread/start", { cwd: "y".repeat(9000) });
    expect(reply.error).toEqual({
      code: -32603,
      message: expect.stringMatching(/^Internal error: the result of thread\/start is too large to send \(\d+ bytes; a connection queues at most 8192\)$/),
    });
    expect(log).toContainEqual(expect.stringContaining("result of thread/start not sent: is too large to send"));
    expect(client.call("thread/loaded/list", {}).data).toHaveLength(1);
  });

  it("pauses a client that reads slowly, closes one over the bound, and leaves the others alone", () => {
    let queued = 0;
    const { connect, log } = startServer({ maxQueuedBytes: 1000 });
    const slow = connect(false, () => queued);
    const other = connect(false);
    queued = 600;
    slow.call("thread/loaded/list", {});
    expect(slow.link.closedWith).toBeUndefined();
    queued = 5000;
    slow.request("thread/loaded/list", {});
    expect(slow.link.closedWith).toMatch(/5000 bytes queued, over the bound of 1000: the client is not reading/);
    expect(log).toContainEqual(expect.stringMatching(/^connection \d+ closed: 5000 bytes queued/));
    const before = slow.received.length;
    slow.handle.receive(JSON.stringify({ id: 999, method: "thread/loaded/list", params: {} }));
    expect(slow.received).toHaveLength(before);
    expect(other.call("thread/loaded/list", {})).toEqual({ data: [], nextCursor: null });
  });

  it("answers a message refused by the transport with an error and goes on", () => {
    const { connect } = startServer();
    const client = connect(false);
    client.handle.refuse("a line of more than 2000000 bytes is over the limit of 1048576");
    expect(client.received.at(-1)).toEqual({
      id: null,
      error: { code: -32600, message: "Invalid Request: a line of more than 2000000 bytes is over the limit of 1048576" },
    });
    expect(client.call("thread/loaded/list", {}).data).toEqual([]);
  });
});

describe("send", () => {
  it("turns a result JSON.stringify cannot write into an error for that request, and drops such a notification", () => {
    const log: string[] = [];
    const deps = { gate, validator, checkOutput: false, limits: DEFAULT_LIMITS, log: (line: string) => log.push(line) };
    const received: Message[] = [];
    const connection = createConnection(1, recordingLink(received));
    connection.optedIn = true;
    const cyclic: Record<string, unknown> = { n: 1n };
    sendResult(deps, connection, 5, "thread/loaded/list", cyclic, false);
    expect(received).toEqual([
      { id: 5, error: { code: -32603, message: expect.stringMatching(/^Internal error: the result of thread\/loaded\/list could not be serialized \(.*BigInt/) } },
    ]);
    sendNotification(deps, connection, "thread/closed", { threadId: 2n });
    expect(received).toHaveLength(1);
    expect(log).toEqual([
      expect.stringContaining("result of thread/loaded/list not sent: could not be serialized"),
      expect.stringContaining("notification thread/closed not sent: could not be serialized"),
    ]);
  });
});
