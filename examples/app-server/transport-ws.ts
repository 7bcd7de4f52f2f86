/**
 * WebSocket transport (`--listen ws://IP:PORT`): one JSON-RPC message per text
 * frame, any number of connections (up to `maxConnections`), each initialized
 * on its own.
 *
 * Safe by default:
 * - it listens on a loopback address only, unless `--allow-remote` is given;
 * - a handshake with an `Origin` header (every browser sends one) is refused
 *   with 403 unless that origin was allowed with `--allow-origin`, so a web
 *   page the user visits cannot drive the server; clients that are not
 *   browsers send no Origin and are accepted;
 * - a frame over `maxMessageBytes` closes its connection with 1009 (Message
 *   Too Big) before it is buffered; compression is off;
 * - a connection whose unread output passes `maxQueuedBytes` is closed (see
 *   send.ts), and one past half of it is not read until it catches up.
 */
import { isIP } from "node:net";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import type { AppServer } from "./server.js";

export interface WsListenAddress {
  readonly host: string;
  readonly port: number;
}

export interface WsOptions {
  /** Origins (`scheme://host[:port]`) whose pages may connect. */
  readonly allowedOrigins: ReadonlySet<string>;
  readonly log: (line: string) => void;
}

/** Starts listening; resolves with the bound URL (port 0 becomes the port the OS chose). */
export function serveWebSocket(
  server: AppServer,
  address: WsListenAddress,
  options: WsOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const { log, allowedOrigins } = options;
  const wss = new WebSocketServer({
    host: address.host,
    port: address.port,
    maxPayload: server.limits.maxMessageBytes,
    perMessageDeflate: false,
    verifyClient: ({ origin }, accept) => {
      if (origin !== undefined && !allowedOrigins.has(origin)) {
        log(`websocket handshake refused: Origin ${JSON.stringify(origin)} is not allowed (see --allow-origin)`);
        accept(false, 403, "Origin not allowed");
      } else if (server.connectionCount >= server.limits.maxConnections) {
        log(`websocket handshake refused: ${server.limits.maxConnections} connections are open (--max-connections)`);
        accept(false, 503, "Too many connections");
      } else {
        accept(true);
      }
    },
  });
  wss.on("connection", (socket) => {
    const connection = server.connect({
      write: (text) => socket.send(text, () => connection.drained()),
      queuedBytes: () => socket.bufferedAmount,
      pause: () => socket.pause(),
      resume: () => socket.resume(),
      // The client is not reading (or is over a limit): a close handshake would wait behind what it has not read.
      close: () => socket.terminate(),
    });
    socket.on("message", (data, isBinary) => {
      if (isBinary) {
        connection.refuse("send JSON-RPC in text frames");
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
        close: () =>
          new Promise<void>((done) => {
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

/** Whether `host` names this machine only: `localhost`, 127.0.0.0/8, or ::1. */
export function isLoopback(host: string): boolean {
  if (host === "localhost") return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  if (isIP(host) === 6) return host === "::1" || /^::ffff:127\./i.test(host);
  return false;
}
