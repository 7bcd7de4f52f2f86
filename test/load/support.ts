/**
 * Real server processes for the attacks: spawn the compiled example server,
 * connect real clients (stdio pipes, `ws` sockets on loopback), and watch the
 * process's resident memory from /proc while it is attacked.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createInterface } from "node:readline";
import WebSocket from "ws";
import { Peer } from "../e2e/support/peer.js";

export interface Server {
  readonly child: ChildProcess;
  stderr(): string;
  /** Resolves with the exit code (or signal) once the process ended. */
  readonly exited: Promise<number | string>;
  /**
   * Resolves once the server has compiled its schemas (it logs "schemas compiled"), so an attack
   * measures the server at work, not its start on a busy machine.
   */
  readonly ready: Promise<void>;
  /** Highest resident set size seen so far, in MiB (sampled every 20 ms). */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

const servers = new Set<Server>();

export function spawnServer(serverMain: string, args: readonly string[]): Server {
  const child = spawn(process.execPath, [serverMain, ...args], { cwd: tmpdir(), stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  let compiled: () => void = () => {};
  const ready = new Promise<void>((resolve) => (compiled = resolve));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    if (stderr.includes("schemas compiled")) compiled();
  });
  // The attacks write into stdin after the server may have gone: that is what is being tested, not an error here.
  child.stdin!.on("error", () => {});
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMiB(child.pid!));
  }, 20);
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => {
      clearInterval(sampler);
      resolve(code ?? signal ?? "unknown");
    }),
  );
  const server: Server = {
    child,
    stderr: () => stderr,
    exited,
    ready: Promise.race([ready, exited.then(() => {})]),
    peakRssMiB: () => Math.max(peak, child.exitCode === null ? rssMiB(child.pid!) : 0),
    async stop() {
      servers.delete(server);
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
  servers.add(server);
  return server;
}

export async function stopServers(): Promise<void> {
  await Promise.all([...servers].map((server) => server.stop()));
}

/** Resident memory of a process in MiB, from /proc (0 once it is gone). */
export function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The server over stdio, its one client a peer on its pipes (await `server.ready` before timing anything). */
export function stdioPeer(server: Server): Peer {
  const peer = new Peer((text) => server.child.stdin!.write(`${text}\n`));
  createInterface({ input: server.child.stdout! }).on("line", (line) => peer.accept(line));
  return peer;
}

/** Starts a WebSocket server on a free loopback port; resolves with it and its URL. */
export async function spawnWsServer(serverMain: string, args: readonly string[] = []): Promise<{ server: Server; url: string }> {
  const server = spawnServer(serverMain, ["--listen", "ws://127.0.0.1:0", ...args]);
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: server.child.stderr! }).on("line", (line) => {
      const match = /^listening on (ws:\/\/\S+)$/.exec(line);
      if (match) resolve(match[1]!);
    });
    void server.exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${server.stderr()}`)));
  });
  await server.ready;
  return { server, url };
}

export async function wsPeer(url: string, headers: Record<string, string> = {}): Promise<{ peer: Peer; socket: WebSocket }> {
  const socket = new WebSocket(url, { headers });
  const peer = new Peer((text) => socket.send(text));
  socket.on("message", (data) => peer.accept(data.toString()));
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
    socket.once("unexpected-response", (_request, response) => reject(new Error(`handshake refused: ${response.statusCode}`)));
  });
  return { peer, socket };
}

/** Resolves once the socket is closed, with its close code. */
export function closed(socket: WebSocket): Promise<number> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve(1006);
  return new Promise((resolve) => socket.once("close", (code) => resolve(code)));
}

export const input = (text: string) => [{ type: "text", text, text_elements: [] }];
