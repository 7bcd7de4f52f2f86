/** stdio transport: one JSON-RPC message per line on stdin/stdout; stderr is for logs. */
import { createInterface } from "node:readline";
import type { AppServer } from "./server.js";

/** Serves a single connection until stdin ends. */
export function serveStdio(server: AppServer): Promise<void> {
  const connection = server.connect((text) => {
    process.stdout.write(`${text}\n`);
  });
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (line.trim() !== "") connection.receive(line);
  });
  return new Promise((resolve) => {
    lines.on("close", () => {
      connection.close();
      resolve();
    });
  });
}
