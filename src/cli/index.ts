#!/usr/bin/env node
import { runCli } from "./program.js";

// The only module that touches the process: streams, cwd, environment, exit code.
const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  output: {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color,
  },
});
