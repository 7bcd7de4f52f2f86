/** Spawns the compiled example server over stdio or WebSocket and connects peers to it. */
import { spawn, type ChildProcess } from "node:child_process";
import { tmpdir } from "node:os";
import { createInterface } from "node:readline";
import WebSocket from "ws";
import { Peer } from "./peer.js";

export interface ServerProcess {
  readonly child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Kills the process (if still running) and waits for its exit. */
  stop(): Promise<void>;
}

const running = new Set<ServerProcess>();
const started: ServerProcess[] = [];

/** Every server started by this test file, stopped or not (to check their logs). */
export function startedServers(): readonly ServerProcess[] {
  return started;
}

function start(serverMain: string, args: readonly string[]): ServerProcess {
  // cwd elsewhere: the server must find generated/ from its own location.
  const child = spawn(process.execPath, [serverMain, "--check-output", ...args], { cwd: tmpdir(), stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server: ServerProcess = {
    child,
    stderr: () => stderr,
    async stop() {
      running.delete(server);
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
  running.add(server);
  started.push(server);
  return server;
}

/** Stops every server still running (for afterAll). */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}

/** A server over stdio: exactly one connection, the returned peer. `args` go to the server (`--generated DIR`). */
export function startStdioServer(serverMain: string, args: readonly string[] = []): { server: ServerProcess; peer: Peer } {
  const server = start(serverMain, args);
  const peer = new Peer((text) => server.child.stdin!.write(`${text}\n`));
  createInterface({ input: server.child.stdout! }).on("line", (line) => peer.accept(line));
  return { server, peer };
}

/** A WebSocket server on a free port; resolves once it printed its URL. */
export async function startWsServer(serverMain: string): Promise<{ server: ServerProcess; url: string }> {
  const server = start(serverMain, ["--listen", "ws://127.0.0.1:0"]);
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: server.child.stderr! });
    lines.on("line", (line) => {
      const match = /^listening on (ws:\/\/\S+)$/.exec(line);
      if (match) resolve(match[1]!);
    });
    server.child.once("exit", (code) => reject(new Error(`server exited (${code}) before listening:\n${server.stderr()}`)));
  });
  return { server, url };
}

/** Opens one WebSocket connection as a peer. */
export async function connectWs(url: string): Promise<{ peer: Peer; socket: WebSocket }> {
  const socket = new WebSocket(url);
  const peer = new Peer((text) => socket.send(text));
  socket.on("message", (data) => peer.accept(data.toString()));
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return { peer, socket };
}
