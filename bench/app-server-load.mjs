#!/usr/bin/env node
/**
 * Load bench of the example app-server over WebSocket, side by side with a
 * baseline build of it from another git ref (default `main`), in one run:
 *
 * 1. Throughput: `--clients` (200) WebSocket clients on loopback, each with
 *    one request in flight (`thread/read` of its own thread), for `--seconds`
 *    per round, `--rounds` rounds alternating baseline and current. Prints
 *    requests per second, p50 and p99 latency, and the server's peak RSS.
 * 2. Blocking: the largest requests under the current message cap (1 MiB),
 *    each sent alone (its method warmed up first, so no schema compile is
 *    counted) while a probe client in a worker thread pings the server every
 *    2 ms; the worst probe latency during a request is how long it held the
 *    server's event loop.
 *
 *   node bench/app-server-load.mjs [--clients 200] [--seconds 10] [--rounds 2] [--baseline REF | --no-baseline]
 *
 * Writes bench/results/app-server-load.md. Needs `npm ci` at the repo root.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import WebSocket from "ws";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WORK = path.join(REPO, ".tmp", "bench-load");
const TSC = path.join(REPO, "node_modules", "typescript", "bin", "tsc");

const { values: options } = parseArgs({
  options: {
    clients: { type: "string", default: "200" },
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    baseline: { type: "string", default: "main" },
    "no-baseline": { type: "boolean", default: false },
  },
});
const CLIENTS = Number(options.clients);
const SECONDS = Number(options.seconds);
const ROUNDS = Number(options.rounds);

/** Compiles examples/ of the working tree. */
function buildCurrent() {
  const out = path.join(WORK, "current");
  rmSync(out, { recursive: true, force: true });
  execFileSync(process.execPath, [TSC, "-p", path.join(REPO, "examples", "tsconfig.json"), "--outDir", out], { stdio: "inherit" });
  return path.join(out, "examples", "app-server", "main.js");
}

/** Extracts `ref`'s examples, src and generated/ with `git archive` (read-only) and compiles them there. */
function buildBaseline(ref) {
  const root = path.join(WORK, "baseline");
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const archive = execFileSync("git", ["-C", REPO, "archive", ref, "examples", "src", "generated", "schemagate.config.json", "tsconfig.json", "package.json"], {
    maxBuffer: 1 << 30,
  });
  execFileSync("tar", ["-x", "-C", root], { input: archive });
  symlinkSync(path.join(REPO, "node_modules"), path.join(root, "node_modules"));
  execFileSync(process.execPath, [TSC, "-p", path.join(root, "examples", "tsconfig.json"), "--outDir", path.join(root, "dist-examples")], {
    stdio: "inherit",
  });
  return path.join(root, "dist-examples", "examples", "app-server", "main.js");
}

/** Starts a server; resolves once it listens and has compiled its schemas (or after 5 s for one that does not say). */
async function startServer(main) {
  const child = spawn(process.execPath, [main, "--listen", "ws://127.0.0.1:0"], { stdio: ["ignore", "ignore", "pipe"] });
  let compiled;
  const ready = new Promise((resolve) => (compiled = resolve));
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: child.stderr }).on("line", (line) => {
      const match = /^listening on (ws:\/\/\S+)$/.exec(line);
      if (match) resolve(match[1]);
      if (/^schemas compiled/.test(line)) compiled();
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, 5000))]);
  return {
    url,
    peakRssMiB: () => {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      return match ? Number(match[1]) / 1024 : NaN;
    },
    stop: () => new Promise((resolve) => (child.once("exit", resolve), child.kill())),
  };
}

/** A client with one request in flight at a time. */
async function connect(url) {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((resolve, reject) => (socket.once("open", resolve), socket.once("error", reject)));
  let nextId = 1;
  const pending = new Map();
  socket.on("message", (data) => {
    const message = JSON.parse(data.toString());
    if (message.id === undefined) return;
    const resolve = pending.get(message.id);
    pending.delete(message.id);
    resolve?.(message);
  });
  const request = (method, params) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  return { socket, request };
}

function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function throughput(main) {
  const server = await startServer(main);
  const clients = [];
  for (let i = 0; i < CLIENTS; i += 20) {
    clients.push(...(await Promise.all(Array.from({ length: Math.min(20, CLIENTS - i) }, () => connect(server.url)))));
  }
  const threads = await Promise.all(
    clients.map(async (client) => {
      await client.request("initialize", { clientInfo: { name: "bench", version: "0" } });
      return (await client.request("thread/start", { cwd: "/bench" })).result.thread.id;
    }),
  );
  const latencies = [];
  let measuring = false;
  let stop = false;
  const loops = clients.map(async (client, i) => {
    while (!stop) {
      const start = process.hrtime.bigint();
      await client.request("thread/read", { threadId: threads[i], includeTurns: false });
      if (measuring) latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 1000)); // warm up
  measuring = true;
  const started = process.hrtime.bigint();
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  measuring = false;
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  stop = true;
  await Promise.all(loops);
  const rss = server.peakRssMiB();
  for (const client of clients) client.socket.terminate();
  await server.stop();
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), rss };
}

/** The largest requests under a 1 MiB cap, as [name, opted in, setup, request] (params built lazily). */
const HEAVY = [
  ["thread/list, sourceKinds: 450k numbers (0.9 MB)", false, null, () => ["thread/list", { sourceKinds: Array(450_000).fill(1) }]],
  ["thread/start, cwd of 1,000,000 characters", false, null, () => ["thread/start", { cwd: "x".repeat(1_000_000) }]],
  [
    "thread/list of four 1 MB threads",
    false,
    async (client) => {
      for (let i = 0; i < 4; i++) await client.request("thread/start", { cwd: "y".repeat(1_000_000) });
    },
    () => ["thread/list", { limit: 100 }],
  ],
  [
    "turn/start, 20,000 text inputs (0.9 MB), echoed in two notifications",
    false,
    async (client, state) => {
      state.threadId = (await client.request("thread/start", {})).result.thread.id;
    },
    (state) => ["turn/start", { threadId: state.threadId, input: Array.from({ length: 20_000 }, (_, i) => ({ type: "text", text: `t${i}`, text_elements: [] })) }],
  ],
  [
    "thread/start (opted in), 6,000 dynamic tools (0.9 MB)",
    true,
    null,
    () => ["thread/start", { dynamicTools: Array.from({ length: 6_000 }, (_, i) => ({ name: `tool${i}`, description: "d".repeat(100), inputSchema: { type: "object" } })) }],
  ],
];

/** A probe client on its own thread, so the bench's own work cannot delay it: pings every 2 ms, reports its worst latency. */
const PROBE = `
const { parentPort, workerData } = require("node:worker_threads");
const WebSocket = require(workerData.ws);
const socket = new WebSocket(workerData.url, { perMessageDeflate: false });
let id = 0, sentAt = 0, worst = 0;
const ping = () => { sentAt = performance.now(); socket.send(JSON.stringify({ id: ++id, method: "thread/loaded/list", params: {} })); };
socket.on("open", () => socket.send(JSON.stringify({ id: 0, method: "initialize", params: { clientInfo: { name: "probe", version: "0" } } })));
socket.on("message", (data) => {
  if (JSON.parse(data.toString()).id === 0) { parentPort.postMessage("ready"); ping(); return; }
  worst = Math.max(worst, performance.now() - sentAt);
  setTimeout(ping, 2);
});
parentPort.on("message", (command) => {
  if (command === "reset") worst = 0;
  if (command === "report") parentPort.postMessage(Math.max(worst, performance.now() - sentAt));
  if (command === "stop") { socket.terminate(); parentPort.close(); }
});
`;

async function blocking(main) {
  const server = await startServer(main);
  const probe = new Worker(PROBE, { eval: true, workerData: { url: server.url, ws: createRequireWs() } });
  const fromProbe = () => new Promise((resolve) => probe.once("message", resolve));
  await fromProbe();
  const rows = [];
  for (const [name, optedIn, setup, build] of HEAVY) {
    const attacker = await connect(server.url);
    await attacker.request("initialize", { clientInfo: { name: "heavy", version: "0" }, capabilities: { experimentalApi: optedIn } });
    const state = {};
    if (setup) await setup(attacker, state);
    const [method, params] = build(state);
    await attacker.request(method, {}); // compiles its validator, if the server did not yet
    const text = JSON.stringify({ id: "heavy", method, params });
    await new Promise((resolve) => setTimeout(resolve, 100));
    probe.postMessage("reset");
    const start = process.hrtime.bigint();
    const reply = await new Promise((resolve) => {
      attacker.socket.on("message", (data) => {
        const message = JSON.parse(data.toString());
        if (message.id === "heavy") resolve(message);
      });
      attacker.socket.send(text);
    });
    const took = Number(process.hrtime.bigint() - start) / 1e6;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const reported = fromProbe();
    probe.postMessage("report");
    rows.push({ name, took, worst: await reported, outcome: reply.error ? `error ${reply.error.code}` : "result" });
    attacker.socket.terminate();
  }
  probe.postMessage("stop");
  const rss = server.peakRssMiB();
  await server.stop();
  return { rows, rss };
}

/**
 * The same requests through the server's code in this process, no sockets:
 * the time from text in to every reply and notification serialized is the
 * time the request holds the event loop, with no client or network in it.
 * Median of 3 after a warm-up.
 */
async function inProcess(main) {
  const dir = path.dirname(main);
  const load = (file) => import(path.join(dir, file));
  const [{ AppServer }, { readGenerated, findGeneratedDir }, { createProtocolValidator }, { RESULT_TYPES }] = await Promise.all([
    load("server.js"),
    load("generated.js"),
    load("validation.js"),
    load("handlers/index.js"),
  ]);
  const { createGate } = await import(path.join(dir, "..", "..", "src", "runtime", "index.js"));
  const artifacts = readGenerated(findGeneratedDir(dir));
  const validator = createProtocolValidator(artifacts, RESULT_TYPES);
  const limits = await load("limits.js").then((module) => module.DEFAULT_LIMITS, () => undefined);
  const server = new AppServer({ gate: createGate(artifacts.inventory), validator, checkOutput: false, limits, log: () => {} });
  const times = [];
  for (const [, optedIn, setup, build] of HEAVY) {
    let last;
    const write = (text) => (last = text);
    const link = { write, queuedBytes: () => 0, pause() {}, resume() {}, close() {} };
    const handle = server.connect(limits ? link : write);
    let id = 0;
    const request = async (method, params) => {
      handle.receive(JSON.stringify({ id: ++id, method, params }));
      return JSON.parse(last);
    };
    await request("initialize", { clientInfo: { name: "in-process", version: "0" }, capabilities: { experimentalApi: optedIn } });
    const client = {
      request: async (method, params) => {
        handle.receive(JSON.stringify({ id: ++id, method, params }));
        // The reply precedes the notifications it caused; find it among what was written.
        return { result: { thread: { id: JSON.parse(last).params?.thread?.id ?? JSON.parse(last).params?.threadId } } };
      },
    };
    const state = {};
    if (setup) await setup(client, state);
    const [method, params] = build(state);
    await request(method, {});
    const text = JSON.stringify({ id: "heavy", method, params });
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      handle.receive(text);
      runs.push(performance.now() - start);
      // End the turn (the last message written is its item/completed), so the next run starts one again.
      if (method === "turn/start") {
        handle.receive(JSON.stringify({ id: ++id, method: "turn/interrupt", params: { threadId: state.threadId, turnId: JSON.parse(last).params?.turnId } }));
      }
    }
    times.push(runs.sort((a, b) => a - b)[1]);
    handle.close();
  }
  return times;
}

function createRequireWs() {
  return path.join(REPO, "node_modules", "ws");
}

const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "-");

const builds = { current: buildCurrent() };
if (!options["no-baseline"]) builds.baseline = buildBaseline(options.baseline);
const names = Object.keys(builds).reverse(); // baseline first when there is one

const runs = Object.fromEntries(names.map((name) => [name, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const name of names) {
    const result = await throughput(builds[name]);
    runs[name].push(result);
    console.log(`round ${round + 1} ${name}: ${fmt(result.rps, 0)} req/s, p50 ${fmt(result.p50, 2)} ms, p99 ${fmt(result.p99, 2)} ms, peak RSS ${fmt(result.rss, 0)} MiB`);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = Object.fromEntries(
  names.map((name) => [name, { rps: median(runs[name].map((r) => r.rps)), p50: median(runs[name].map((r) => r.p50)), p99: median(runs[name].map((r) => r.p99)), rss: Math.max(...runs[name].map((r) => r.rss)) }]),
);
const block = {};
for (const name of names) block[name] = await blocking(builds[name]);
const work = {};
for (const name of names) work[name] = await inProcess(builds[name]);

const lines = [
  "# Example app-server under load",
  "",
  `${CLIENTS} WebSocket clients on loopback, one \`thread/read\` in flight each, ${SECONDS} s per round, median of ${ROUNDS} rounds`,
  `(baseline and current alternate). Load average at the end: ${(await import("node:os")).loadavg().map((v) => v.toFixed(2)).join(" ")}.`,
  "",
  "| server | req/s | p50 ms | p99 ms | peak RSS MiB |",
  "| --- | --- | --- | --- | --- |",
  ...names.map((name) => `| ${name === "baseline" ? `baseline (${options.baseline})` : "current"} | ${fmt(summary[name].rps, 0)} | ${fmt(summary[name].p50, 2)} | ${fmt(summary[name].p99, 2)} | ${fmt(summary[name].rss, 0)} |`),
];
if (summary.baseline) {
  lines.push("", `current ÷ baseline: req/s ${fmt(summary.current.rps / summary.baseline.rps, 2)}×, p99 ${fmt(summary.current.p99 / summary.baseline.p99, 2)}× (target: within 20 %).`);
}
lines.push(
  "",
  "Largest requests under the 1 MiB message cap, each alone. \"took\": from send to reply at the client. \"held\": the worst",
  "latency of a probe client (own thread) pinging every 2 ms meanwhile. \"work\": the server's code on the same text in this",
  "process, no sockets (median of 3), i.e. how long the request holds the event loop (target: under 100 ms).",
  "",
  `| request | ${names.map((name) => `${name}: took ms | held ms | work ms | outcome`).join(" | ")} |`,
  `| --- | ${names.map(() => "--- | --- | --- | ---").join(" | ")} |`,
  ...HEAVY.map(
    ([name], i) =>
      `| ${name} | ${names.map((n) => `${fmt(block[n].rows[i].took)} | ${fmt(block[n].rows[i].worst)} | ${fmt(work[n][i])} | ${block[n].rows[i].outcome}`).join(" | ")} |`,
  ),
  "",
);
const report = lines.join("\n");
console.log(`\n${report}`);
mkdirSync(path.join(REPO, "bench", "results"), { recursive: true });
writeFileSync(path.join(REPO, "bench", "results", "app-server-load.md"), report);
