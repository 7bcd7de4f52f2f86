/**
 * A minimal typed JSON-RPC client over a child process's stdio, using only the
 * generated STABLE types: what a client that never opts in may send.
 */
import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import { createInterface } from "node:readline";
import type { EnvelopeStyle } from "../app-server/jsonrpc.js";
import type { ClientRequest, InitializeResponse, ServerNotification, v2 } from "../../generated/typescript/index.js";

export type Method = ClientRequest["method"];
export type ParamsOf<M extends Method> = Extract<ClientRequest, { method: M }> extends { params: infer P } ? P : undefined;

/** Results of the methods this client uses. The generated TypeScript has no method → result map (yet). */
export interface Results {
  initialize: InitializeResponse;
  "thread/start": v2.ThreadStartResponse;
  "thread/read": v2.ThreadReadResponse;
}

export interface RpcError {
  code: number;
  message: string;
  data?: unknown;
}

export class RpcFailure extends Error {
  override readonly name = "RpcFailure";
  constructor(readonly method: string, readonly error: RpcError) {
    super(`${method} failed with ${error.code}: ${error.message}`);
  }
}

export class StdioClient {
  readonly #child: ChildProcessByStdio<Writable, Readable, null>;
  readonly #pending = new Map<number, { method: string; resolve(result: unknown): void; reject(error: Error): void }>();
  #nextId = 1;

  readonly #jsonrpc: { readonly jsonrpc?: "2.0" };

  /** `envelope`: the wire the generated types describe; `jsonrpc2` adds `"jsonrpc": "2.0"` to every request. */
  constructor(command: string, args: readonly string[], envelope: EnvelopeStyle, onNotification: (notification: ServerNotification) => void) {
    this.#jsonrpc = envelope === "jsonrpc2" ? { jsonrpc: "2.0" } : {};
    this.#child = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] });
    createInterface({ input: this.#child.stdout }).on("line", (line) => {
      const message = JSON.parse(line) as { id?: number; result?: unknown; error?: RpcError; method?: string };
      if (message.method !== undefined) {
        onNotification(message as ServerNotification);
        return;
      }
      const pending = message.id === undefined ? undefined : this.#pending.get(message.id);
      if (!pending) return;
      this.#pending.delete(message.id!);
      if (message.error) pending.reject(new RpcFailure(pending.method, message.error));
      else pending.resolve(message.result);
    });
  }

  request<M extends keyof Results & Method>(method: M, params: ParamsOf<M>): Promise<Results[M]> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { method, resolve: resolve as (result: unknown) => void, reject });
      this.#child.stdin.write(`${JSON.stringify({ ...this.#jsonrpc, id, method, params })}\n`);
    });
  }

  /** Ends stdin (the server exits when it closes) and waits for the exit. */
  close(): Promise<number | null> {
    return new Promise((resolve) => {
      this.#child.once("exit", (code) => resolve(code));
      this.#child.stdin.end();
    });
  }
}
