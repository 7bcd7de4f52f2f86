/**
 * Example app-server: the codex app-server v2 protocol over stdio or
 * WebSocket, with the schemagate runtime gate and the generated JSON Schemas.
 *
 *   node dist-examples/examples/app-server/main.js [--listen stdio:// | ws://IP:PORT] [--generated DIR] [--check-output]
 *
 * No message, in or out, takes the process down: every failure becomes a
 * JSON-RPC error for that request (or a closed connection), logged to stderr.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createGate } from "../../src/runtime/index.js";
import { findGeneratedDir, readGenerated } from "./generated.js";
import { RESULT_TYPES } from "./handlers/index.js";
import { DEFAULT_LIMITS, LIMIT_FLAGS, readLimits } from "./limits.js";
import { AppServer } from "./server.js";
import { serveStdio } from "./transport-stdio.js";
import { isLoopback, parseWsListenUrl, serveWebSocket } from "./transport-ws.js";
import { createProtocolValidator } from "./validation.js";

const USAGE = `usage: app-server [--listen stdio:// | ws://IP:PORT] [--generated DIR] [--check-output] [limits]

  --listen URL              transport: stdio:// (default; one JSON-RPC message per line) or
                            ws://IP:PORT (one message per text frame; port 0 picks a free port)
  --allow-remote            let --listen use an address other than loopback (127.0.0.1, ::1)
  --allow-origin ORIGIN     accept WebSocket handshakes from browser pages of ORIGIN
                            (e.g. http://localhost:3000; repeatable); by default any
                            handshake carrying an Origin header is refused
  --generated DIR           schemagate output folder (default: "output" of the schemagate.config.json
                            above this file, i.e. the repo's generated/)
  --check-output            dev-only: validate every result and notification against the generated
                            schema of the receiving connection's audience; mismatches are logged
                            to stderr as "output check failed" (results become -32603 errors)

limits (defaults in brackets):
  --max-message-bytes N     largest incoming line or frame [${DEFAULT_LIMITS.maxMessageBytes}]
  --max-depth N             deepest nesting of arrays and objects in a message [${DEFAULT_LIMITS.maxDepth}]
  --max-queued-bytes N      output a client may leave unread before it is closed [${DEFAULT_LIMITS.maxQueuedBytes}]
  --max-retained-bytes N    client data kept in threads, over all threads [${DEFAULT_LIMITS.maxRetainedBytes}]
  --max-threads N           threads loaded at once [${DEFAULT_LIMITS.maxThreads}]
  --max-connections N       WebSocket connections open at once [${DEFAULT_LIMITS.maxConnections}]

examples:
  app-server                                      serve one client on stdin/stdout
  app-server --listen ws://127.0.0.1:4500         serve WebSocket clients on this machine
  app-server --listen ws://127.0.0.1:0 --max-message-bytes 65536
`;

async function main(argv: readonly string[]): Promise<number> {
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  let options;
  try {
    options = parseArgs({
      args: [...argv],
      options: {
        listen: { type: "string", default: "stdio://" },
        generated: { type: "string" },
        "check-output": { type: "boolean", default: false },
        "allow-remote": { type: "boolean", default: false },
        "allow-origin": { type: "string", multiple: true, default: [] },
        help: { type: "boolean", default: false },
        ...Object.fromEntries(Object.values(LIMIT_FLAGS).map((flag) => [flag, { type: "string" as const }])),
      },
    }).values;
  } catch (error) {
    log(`app-server: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stderr.write(USAGE);
    return 0;
  }
  const listen = options.listen === "stdio://" ? null : tryParse(() => parseWsListenUrl(options.listen as string));
  if (listen instanceof Error) {
    log(`app-server: ${listen.message}\n${USAGE}`);
    return 2;
  }
  if (listen !== null && !isLoopback(listen.host) && !options["allow-remote"]) {
    log(`app-server: --listen ${options.listen} is not a loopback address; pass --allow-remote to listen there\n${USAGE}`);
    return 2;
  }
  const limits = tryParse(() => readLimits(options));
  if (limits instanceof Error) {
    log(`app-server: ${limits.message}\n${USAGE}`);
    return 2;
  }

  const here = path.dirname(fileURLToPath(import.meta.url));
  const generatedDir = typeof options.generated === "string" ? path.resolve(options.generated) : findGeneratedDir(here);
  const artifacts = readGenerated(generatedDir);
  const validator = createProtocolValidator(artifacts, RESULT_TYPES);
  const compiling = performance.now();
  void validator.precompile().then(() => log(`schemas compiled in ${Math.round(performance.now() - compiling)} ms`));
  const server = new AppServer({
    gate: createGate(artifacts.inventory),
    validator,
    checkOutput: options["check-output"] === true,
    limits,
    log,
    envelope: artifacts.envelope,
  });

  if (listen === null) {
    await serveStdio(server, log);
    return 0;
  }
  const allowedOrigins = new Set(options["allow-origin"] as string[]);
  const running = await serveWebSocket(server, listen, { allowedOrigins, log });
  log(`listening on ${running.url}`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void running.close().then(resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  return 0;
}

function tryParse<T>(parse: () => T): T | Error {
  try {
    return parse();
  } catch (error) {
    return error as Error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`app-server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
