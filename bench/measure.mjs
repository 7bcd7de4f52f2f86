/**
 * Run one command as a fresh process and measure its wall time and peak RSS.
 *
 * Wall time: process.hrtime.bigint() around spawn → exit.
 * Peak RSS, one of:
 *   "time"  GNU /usr/bin/time -f %M -o FILE (max resident set size of the command,
 *           in KiB, from wait4's rusage, which covers the descendants it waited for).
 *   "proc"  fallback when /usr/bin/time is missing: poll VmHWM in /proc/<pid>/status
 *           of the process and its descendants every 20 ms until it exits. May miss
 *           a peak reached in the last < 20 ms of a process's life.
 * A per-command timeout kills the whole process group and reports timedOut.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";
const TAIL = 4000;

/** "time" when GNU time works here, else "proc". */
export function detectRssMethod() {
  if (!existsSync(GNU_TIME)) return "proc";
  const dir = mkdtempSync(join(tmpdir(), "sg-bench-"));
  try {
    const out = join(dir, "rss");
    const r = spawnSync(GNU_TIME, ["-f", "%M", "-o", out, process.execPath, "-e", "0"], { stdio: "ignore" });
    if (r.status !== 0 || !existsSync(out)) return "proc";
    return /^\d+\s*$/.test(readFileSync(out, "utf8").trim().split("\n").pop()) ? "time" : "proc";
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function keepTail(buf, chunk) {
  const s = buf + chunk.toString("utf8");
  return s.length > TAIL ? s.slice(-TAIL) : s;
}

/** VmHWM (KiB) of pid and all its descendants, summed per process, max taken by caller. */
function procHwmKb(rootPid) {
  let total = 0;
  const stack = [rootPid];
  const seen = new Set();
  while (stack.length > 0) {
    const pid = stack.pop();
    if (seen.has(pid)) continue;
    seen.add(pid);
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const m = /VmHWM:\s+(\d+)\s+kB/.exec(status);
      if (m) total = Math.max(total, Number(m[1]));
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const children = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
        if (children) for (const c of children.split(/\s+/)) stack.push(Number(c));
      }
    } catch {
      // Process exited between listing and reading: ignore.
    }
  }
  return total;
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd: string, timeoutMs: number, rssMethod: "time" | "proc", env?: NodeJS.ProcessEnv }} opts
 * @returns {Promise<{ ms: number, rssKb: number | null, code: number | null, signal: string | null,
 *                     timedOut: boolean, stdout: string, stderr: string }>}
 */
export function measure(cmd, args, { cwd, timeoutMs, rssMethod, env = process.env }) {
  return new Promise((resolve, reject) => {
    let tmp = null;
    let file = cmd;
    let argv = args;
    if (rssMethod === "time") {
      tmp = mkdtempSync(join(tmpdir(), "sg-bench-"));
      file = GNU_TIME;
      argv = ["-f", "%M", "-o", join(tmp, "rss"), cmd, ...args];
    }
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    let hwm = 0;
    const start = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (c) => (stdout = keepTail(stdout, c)));
    child.stderr.on("data", (c) => (stderr = keepTail(stderr, c)));
    const poll =
      rssMethod === "proc" ? setInterval(() => (hwm = Math.max(hwm, procHwmKb(child.pid))), 20) : null;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      reject(err);
    });
    let end = null;
    let exit = { code: null, signal: null };
    child.on("exit", (code, signal) => {
      end = process.hrtime.bigint();
      exit = { code, signal };
      clearTimeout(timer);
      if (poll) clearInterval(poll);
    });
    // "close" follows "exit" once the stdio pipes have drained.
    child.on("close", () => {
      if (end === null) end = process.hrtime.bigint();
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let rssKb = rssMethod === "proc" ? hwm || null : null;
      if (tmp) {
        try {
          // GNU time prints "Command exited with non-zero status N" before the format line.
          const lines = readFileSync(join(tmp, "rss"), "utf8").trim().split("\n");
          const v = Number(lines[lines.length - 1]);
          if (lines[lines.length - 1] !== "" && Number.isFinite(v)) rssKb = v;
        } catch {
          // Killed before time wrote its report.
        }
        rmSync(tmp, { recursive: true, force: true });
      }
      resolve({ ms: Number(end - start) / 1e6, rssKb, ...exit, timedOut, stdout, stderr });
    });
  });
}
