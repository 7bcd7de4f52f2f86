/**
 * WebSocket transport (`--listen ws://IP:PORT`): one JSON-RPC message per text
 * frame, any number of connections, each initialized on its own.
 */
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { ErrorCode, errorMessage } from "./jsonrpc.js";
import type { AppServer } from "./server.js";

export interface WsListenAddress {
  readonly host: string;
  readonly port: number;
}

/** Starts listening; resolves with the bound URL (port 0 becomes the port the OS chose). */
export function serveWebSocket(
  server: AppServer,
  address: WsListenAddress,
  log: (line: string) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: address.host, port: address.port });
  wss.on("connection", (socket) => {
    const connection = server.connect((text) => socket.send(text));
    socket.on("message", (data, isBinary) => {
      if (isBinary) {
        const error = { code: ErrorCode.invalidRequest, message: "Invalid Request: send JSON-RPC in text frames" };
        socket.send(JSON.stringify(errorMessage(null, error, false)));
        return;
      }
      connection.receive(data.toString());
    });
    socket.on("close", () => connection.close());
    socket.on("error", (error) => log(`websocket error: ${error.message}`));
  });
  return new Promise((resolve, reject) => {
    wss.once("error", reject);
    wss.once("listening", () => {
      wss.off("error", reject);
      wss.on("error", (error) => log(`websocket server error: ${error.message}`));
      const { port } = wss.address() as AddressInfo;
      const host = address.host.includes(":") ? `[${address.host}]` : address.host;
      resolve({
        url: `ws://${host}:${port}`,
        close: () => new Promise<void>((done) => {
          for (const client of wss.clients) client.terminate();
          wss.close(() => done());
        }),
      });
    });
  });
}

/** Parses `ws://IP:PORT` (an IPv6 address in brackets); throws with a usage message otherwise. */
export function parseWsListenUrl(text: string): WsListenAddress {
  const match = /^ws:\/\/(\[[0-9a-fA-F:.]+\]|[^/:[\]]+):(\d{1,5})\/?$/.exec(text);
  const port = Number(match?.[2]);
  if (!match || port > 65535) throw new Error(`--listen: expected stdio:// or ws://IP:PORT, got ${text}`);
  return { host: match[1]!.replace(/^\[(.*)\]$/, "$1"), port };
}
