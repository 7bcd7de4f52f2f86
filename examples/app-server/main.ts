/**
 * Example app-server: the codex app-server v2 protocol over stdio or
 * WebSocket, with the schemagate runtime gate and the generated JSON Schemas.
 *
 *   node dist-examples/examples/app-server/main.js [--listen stdio:// | ws://IP:PORT] [--generated DIR] [--check-output]
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createGate } from "../../src/runtime/index.js";
import { findGeneratedDir, readGenerated } from "./generated.js";
import { RESULT_TYPES } from "./handlers/index.js";
import { AppServer } from "./server.js";
import { serveStdio } from "./transport-stdio.js";
import { parseWsListenUrl, serveWebSocket } from "./transport-ws.js";
import { createProtocolValidator } from "./validation.js";

const USAGE = `usage: app-server [--listen stdio:// | ws://IP:PORT] [--generated DIR] [--check-output]

  --listen URL      transport: stdio:// (default; one JSON-RPC message per line) or
                    ws://IP:PORT (one message per text frame; port 0 picks a free port)
  --generated DIR   schemagate output folder (default: "output" of the schemagate.config.json
                    above this file, i.e. the repo's generated/)
  --check-output    dev-only: validate every result and notification against the generated
                    schema of the receiving connection's audience; mismatches are logged
                    to stderr as "output check failed" (results become -32603 errors)
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
        help: { type: "boolean", default: false },
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
  const listen = options.listen === "stdio://" ? null : tryParse(() => parseWsListenUrl(options.listen));
  if (listen instanceof Error) {
    log(`app-server: ${listen.message}\n${USAGE}`);
    return 2;
  }

  const here = path.dirname(fileURLToPath(import.meta.url));
  const generatedDir = options.generated === undefined ? findGeneratedDir(here) : path.resolve(options.generated);
  const artifacts = readGenerated(generatedDir);
  const server = new AppServer({
    gate: createGate(artifacts.inventory),
    validator: createProtocolValidator(artifacts, RESULT_TYPES),
    checkOutput: options["check-output"],
    log,
    envelope: artifacts.envelope,
  });

  if (listen === null) {
    await serveStdio(server);
    return 0;
  }
  const running = await serveWebSocket(server, listen, log);
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
