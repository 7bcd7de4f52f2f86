#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { runCli } from "./program.js";

// The only module that touches the process: streams, cwd, environment, exit code.
// A reader that stops early (`schemagate inventory | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}
// For tests of the recovery rule: a real SIGKILL at one step of replacing a managed folder.
const crashAt = process.env.SCHEMAGATE_TEST_KILL_AT;
const onSwapStep = crashAt ? (step: string) => void (step === crashAt && process.kill(process.pid, "SIGKILL")) : undefined;
/**
 * `watch` runs until stopped: the first Ctrl-C or SIGTERM lets the running
 * cycle finish and the lock go; a second one ends the process at once (the
 * next run cleans up after it).
 */
function stopSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      process.stderr.write(`schemagate: stopped by a second ${signal}\n`);
      process.exit(130);
    }
    process.stderr.write("schemagate: stopping\n");
    controller.abort();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return controller.signal;
}
/**
 * V8's full collection, which Node exposes only behind a flag: set here, it
 * gives a fresh context a `gc` function. Asked for only by `watch`, between cycles.
 */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}
const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  version,
  onSwapStep,
  stopSignal,
  collectGarbage,
  output: {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color,
  },
});
