import { spawn, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** The built binary, run as a real process (`npm test` builds it first). */
export const ROOT = path.resolve(import.meta.dirname, "../..");
export const BIN = path.join(ROOT, "dist/cli/index.js");

export interface Run {
  /** Null when a signal ended the process. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly env?: Readonly<Record<string, string>>;
  /** Runs the process as this user and group (with no other groups), through `setpriv`. */
  readonly as?: { readonly uid: number; readonly gid: number };
}

function command(args: readonly string[], options: RunOptions): [string, string[]] {
  const node = [process.execPath, BIN, ...args];
  if (!options.as) return [node[0]!, node.slice(1)];
  return ["setpriv", [`--reuid=${options.as.uid}`, `--regid=${options.as.gid}`, "--clear-groups", "--", ...node]];
}

function environment(options: RunOptions): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: "1", ...options.env };
}

export function runBinary(args: readonly string[], cwd: string, options: RunOptions = {}): Run {
  const [file, argv] = command(args, options);
  const result = spawnSync(file, argv, { cwd, encoding: "utf8", env: environment(options) });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the binary and resolves when it ends: for runs that overlap. */
export function startBinary(args: readonly string[], cwd: string, options: RunOptions = {}): Promise<Run> {
  const [file, argv] = command(args, options);
  const child = spawn(file, argv, { cwd, env: environment(options) });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A throwaway folder holding `files` (POSIX paths → text). */
export async function projectFolder(files: Record<string, string>, prefix = "schemagate-process-"): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

/**
 * The uid and gid of `nobody`, when this system has that user and `setpriv`, and
 * that user can run the built binary (a checkout under a private home folder
 * cannot be read by it); otherwise why not.
 */
export function nobodyUser(): { uid: number; gid: number } | { skipped: string } {
  const uid = spawnSync("id", ["-u", "nobody"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "nobody"], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return { skipped: "this system has no user nobody" };
  const user = { uid: Number(uid.stdout), gid: Number(gid.stdout) };
  const probe = runBinary(["--version"], tmpdir(), { as: user });
  if (probe.code !== 0) return { skipped: `nobody cannot run the built binary here (${(probe.stderr || "no setpriv?").trim().split("\n")[0]})` };
  return user;
}
