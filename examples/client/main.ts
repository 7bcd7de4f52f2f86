/**
 * Typed client example: spawns the example app-server over stdio and runs
 * initialize → thread/start → thread/read, printing what comes back.
 *
 *   node dist-examples/examples/client/main.js
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { v2 } from "../../generated/typescript/index.js";
import { findGeneratedDir, readGenerated } from "../app-server/generated.js";
import { RpcFailure, StdioClient } from "./rpc.js";

const serverMain = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "app-server", "main.js");
const show = (label: string, value: unknown): void => {
  process.stdout.write(`${label} ${JSON.stringify(value)}\n`);
};

// The wire the generated artifacts describe (the config's `envelope`), as the server reads it too.
const { envelope } = readGenerated(findGeneratedDir(path.dirname(fileURLToPath(import.meta.url))));
const client = new StdioClient(process.execPath, [serverMain], envelope, (notification) => show(`<- ${notification.method}`, notification.params));

const init = await client.request("initialize", {
  clientInfo: { name: "schemagate_example_client", title: "Example client", version: "0.1.0" },
});
show("initialize ->", init);

const params: v2.ThreadStartParams = { cwd: process.cwd(), sandbox: "read-only" };
const started = await client.request("thread/start", params);
show("thread/start ->", { threadId: started.thread.id, status: started.thread.status, model: started.model });

const read = await client.request("thread/read", { threadId: started.thread.id, includeTurns: false });
show("thread/read ->", { threadId: read.thread.id, status: read.thread.status });

// The stable types have no `persistExtendedHistory`; a client that bypasses them meets the gate at runtime.
try {
  await client.request("thread/start", { persistExtendedHistory: true } as v2.ThreadStartParams);
} catch (error) {
  if (!(error instanceof RpcFailure)) throw error;
  show("thread/start (persistExtendedHistory) ->", error.error);
}

process.exitCode = (await client.close()) ?? 1;
