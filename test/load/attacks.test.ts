/**
 * The attacks a hostile client can make, run as real clients against the real
 * example server process, over stdio and over WebSocket (loopback only). Each
 * attack is a bounded loop that stops by itself. After each one the server is
 * still running, another client is still answered, and the server's resident
 * memory never went over MEMORY_BOUND_MIB (sampled from /proc every 20 ms).
 * Timing targets (event-loop blocking, throughput) are measured by
 * bench/app-server-load.mjs, not asserted here.
 */
import { once } from "node:events";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildExamples } from "../e2e/support/build-examples.js";
import { REPO_ROOT } from "../e2e/support/paths.js";
import type { Peer } from "../e2e/support/peer.js";
import { closed, input, spawnServer, spawnWsServer, stdioPeer, stopServers, wsPeer, type Server } from "./support.js";

/** The documented bound: the server's resident memory under every attack here, with default limits. */
const MEMORY_BOUND_MIB = 300;
const MiB = 1024 * 1024;

let serverMain = "";
beforeAll(() => {
  ({ serverMain } = buildExamples(path.join(REPO_ROOT, ".tmp", "load-examples")));
});
afterAll(stopServers);

/** The server survived: still running, answering, under the memory bound. */
async function expectUp(server: Server, probe: Peer): Promise<void> {
  expect(server.child.exitCode, server.stderr()).toBeNull();
  expect((await probe.request("thread/loaded/list", {})).result).toHaveProperty("data");
  expect(server.peakRssMiB()).toBeLessThan(MEMORY_BOUND_MIB);
  expect(server.stderr()).not.toMatch(/Uncaught|Unhandled|FATAL|heap out of memory/);
}

describe("stdio", () => {
  it("skips a 64 MiB line without holding it, answers -32600, and serves the next line", async () => {
    const server = spawnServer(serverMain, []);
    const peer = stdioPeer(server);
    await server.ready;
    await peer.initialize();
    const refused = peer.next((message) => message.id === null && message.error?.code === -32600, "the refusal");
    const stdin = server.child.stdin!;
    const chunk = `{"id":1,"method":"thread/start","params":{"cwd":"${"x".repeat(MiB)}`;
    for (let i = 0; i < 64; i++) if (!stdin.write(chunk)) await once(stdin, "drain");
    stdin.write('"}}\n');
    expect((await refused).error!.message).toMatch(/^Invalid Request: a line of more than \d+ bytes is over the limit of 1048576$/);
    await expectUp(server, peer);
    expect(peer.received.filter((message) => message.error)).toHaveLength(1);
    expect(server.peakRssMiB()).toBeLessThan(150);
  });

  it("reads a bare \\r as part of the message, not as the end of a line", async () => {
    const server = spawnServer(serverMain, []);
    const peer = stdioPeer(server);
    await server.ready;
    await peer.initialize();
    peer.send('{"id":"cr","method":"thread/loaded/list",\r"params":{}}');
    expect((await peer.next((message) => message.id === "cr", "the reply")).result).toEqual({ data: [], nextCursor: null });
    // Inside a string a raw \r is not JSON: one parse error for the one message.
    peer.send('{"id":"cr2","method":"thread/start","params":{"cwd":"a\rb"}}\r');
    await peer.next((message) => message.error?.code === -32700, "a parse error");
    await expectUp(server, peer);
    expect(peer.received.filter((message) => message.error).map((message) => message.error!.code)).toEqual([-32700]);
  });

  it("ends quietly with exit 0 when the client closes its end of stdout (EPIPE)", async () => {
    const server = spawnServer(serverMain, []);
    const peer = stdioPeer(server);
    await server.ready;
    await peer.initialize();
    server.child.stdout!.destroy();
    for (let i = 0; i < 20 && server.child.exitCode === null; i++) {
      peer.send({ id: `after-${i}`, method: "thread/start", params: { cwd: "x".repeat(100_000) } });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toContain("stdout closed by the client (EPIPE)");
    expect(server.stderr()).not.toMatch(/at .*\(node:|Error: write EPIPE/);
  });

  it("reads requests only as fast as a slow client reads the replies, then answers them all", async () => {
    const server = spawnServer(serverMain, ["--max-queued-bytes", String(4 * MiB)]);
    const peer = stdioPeer(server);
    await server.ready;
    await peer.initialize();
    const threadId = (await peer.call("thread/start", { cwd: "r".repeat(400_000) })).thread.id;
    // 200 replies of 400 KB: 80 MB if the server read on regardless.
    server.child.stdout!.pause(); // reads nothing for a while
    for (let i = 0; i < 200; i++) peer.send({ id: `read-${i}`, method: "thread/read", params: { threadId, includeTurns: false } });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(server.peakRssMiB()).toBeLessThan(150);
    server.child.stdout!.resume();
    const replies = () => peer.received.filter((message) => typeof message.id === "string" && message.id.startsWith("read-")).length;
    await expect.poll(replies, { timeout: 60_000, interval: 200 }).toBe(200);
    await expectUp(server, peer);
  });

  it("refuses a 20,000-deep message from an opted-in client, and answers a 0.9 MB array in one error", async () => {
    const server = spawnServer(serverMain, []);
    const peer = stdioPeer(server);
    await server.ready;
    await peer.initialize(true);
    const deep = `{"id":"deep","method":"thread/start","params":{"dynamicTools":${"[".repeat(20_000)}${"]".repeat(20_000)}}}`;
    const refused = peer.next((message) => message.error?.message === "Invalid Request: nested deeper than 64 levels", "the refusal");
    peer.send(deep);
    expect(await refused).toEqual({ id: null, error: { code: -32600, message: "Invalid Request: nested deeper than 64 levels" } });
    const kinds = `[${Array(450_000).fill(1).join(",")}]`;
    peer.send(`{"id":"kinds","method":"thread/list","params":{"sourceKinds":${kinds}}}`);
    const reply = await peer.next((message) => message.id === "kinds", "the sourceKinds reply");
    expect(reply.error!.code).toBe(-32602);
    expect(reply.error!.data.errors.length).toBeLessThan(10);
    await expectUp(server, peer);
  });

  it("answers a reply too large to send with -32603, and keeps its threads", async () => {
    const server = spawnServer(serverMain, ["--max-queued-bytes", String(2 * MiB)]);
    const peer = stdioPeer(server);
    await server.ready;
    await peer.initialize();
    // thread/start answers with the cwd twice and announces it once: 1.5 MB, under the 2 MiB bound.
    const cwd = "c".repeat(500_000);
    for (let i = 0; i < 6; i++) await peer.call("thread/start", { cwd });
    const listed = await peer.request("thread/list", {});
    expect(listed.error).toMatchObject({ code: -32603, message: expect.stringContaining("is too large to send") });
    expect((await peer.call("thread/list", { limit: 2 })).data).toHaveLength(2);
    expect(server.stderr()).toContain("result of thread/list not sent: is too large to send");
    await expectUp(server, peer);
  });
});

describe("websocket", () => {
  let server: Server;
  let url = "";
  let probe: Peer;
  beforeAll(async () => {
    ({ server, url } = await spawnWsServer(serverMain, ["--max-queued-bytes", String(MiB), "--max-threads", "100", "--allow-origin", "http://localhost:3000"]));
    ({ peer: probe } = await wsPeer(url));
    await probe.initialize();
  });

  it("refuses to listen beyond loopback unless told to", async () => {
    const remote = spawnServer(serverMain, ["--listen", "ws://0.0.0.0:0"]);
    expect(await remote.exited).toBe(2);
    expect(remote.stderr()).toContain("is not a loopback address; pass --allow-remote");
  });

  it("refuses browser pages of origins not allowed, and accepts clients without an Origin", async () => {
    await expect(wsPeer(url, { Origin: "http://evil.example" })).rejects.toThrow("handshake refused: 403");
    const { peer, socket } = await wsPeer(url, { Origin: "http://localhost:3000" });
    await peer.initialize();
    socket.close();
    expect(server.stderr()).toContain('Origin "http://evil.example" is not allowed');
    await expectUp(server, probe);
  });

  it("closes a connection that sends a frame over the limit (1009), and only that one", async () => {
    const { peer, socket } = await wsPeer(url);
    await peer.initialize();
    const code = closed(socket);
    socket.send(`{"id":1,"method":"thread/start","params":{"cwd":"${"x".repeat(2 * MiB)}"}}`);
    expect(await code).toBe(1009);
    await expectUp(server, probe);
  });

  it("refuses a deep message and a binary frame, and keeps the connection", async () => {
    const { peer, socket } = await wsPeer(url);
    await peer.initialize(true);
    const refused = peer.next((message) => message.id === null && message.error?.code === -32600, "the refusal");
    peer.send(`{"id":"deep","method":"thread/start","params":{"x":${"[".repeat(20_000)}${"]".repeat(20_000)}}}`);
    expect((await refused).error!.message).toBe("Invalid Request: nested deeper than 64 levels");
    const binary = peer.next((message) => message.error?.message === "Invalid Request: send JSON-RPC in text frames", "the binary refusal");
    socket.send(Buffer.from('{"id":"bin","method":"thread/loaded/list","params":{}}'));
    expect((await binary).id).toBeNull();
    expect(await peer.call("thread/loaded/list", {})).toEqual({ data: [], nextCursor: null });
    await expectUp(server, probe);
  });

  it("stops reading a client that asks for large replies and never reads them, without growing", async () => {
    const { peer, socket } = await wsPeer(url);
    await peer.initialize();
    const threadId = (await peer.call("thread/start", { cwd: "w".repeat(500_000) })).thread.id;
    socket.pause(); // reads nothing from now on
    for (let i = 0; i < 400; i++) peer.send({ id: `big-${i}`, method: "thread/read", params: { threadId, includeTurns: false } });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await expectUp(server, probe);
    socket.terminate();
  });

  it("closes a subscriber whose unread notifications pass the bound, with a logged reason; the others go on", async () => {
    const { peer: writer } = await wsPeer(url);
    const { peer: slow, socket: slowSocket } = await wsPeer(url);
    await Promise.all([writer.initialize(), slow.initialize()]);
    const threadId = (await writer.call("thread/start", {})).thread.id;
    await slow.call("thread/resume", { threadId });
    slowSocket.pause();
    await writer.call("turn/start", { threadId, input: input("go") });
    const text = "s".repeat(200_000);
    for (let i = 0; i < 200 && !/closed: \d+ bytes queued, over the bound of 1048576: the client is not reading/.test(server.stderr()); i++) {
      await writer.call("turn/steer", { threadId, input: input(text) });
    }
    expect(server.stderr()).toMatch(/connection \d+ closed: \d+ bytes queued, over the bound of 1048576: the client is not reading/);
    expect(await writer.call("thread/loaded/list", {})).toEqual({ data: [threadId], nextCursor: null });
    await expectUp(server, probe);
    await writer.call("thread/unsubscribe", { threadId });
  });

  it("releases the threads of 300 clients that disconnect abruptly", async () => {
    for (let i = 0; i < 300; i++) {
      const { peer, socket } = await wsPeer(url);
      await peer.initialize(i % 2 === 0);
      await peer.call("thread/start", { cwd: `/c${i}` });
      socket.terminate();
    }
    // --max-threads 100: orphans would fill it long before 300.
    const { peer } = await wsPeer(url);
    await peer.initialize();
    await expect.poll(async () => (await peer.request("thread/start", {})).error, { timeout: 5000 }).toBeUndefined();
    for (let i = 0; i < 50; i++) await peer.call("thread/start", {});
    await expectUp(server, probe);
  });
});
