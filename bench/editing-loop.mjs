#!/usr/bin/env node
/**
 * The editing loop, measured side by side in one run on the project's own disk
 * and on tmpfs (which hides what creating files costs on a disk):
 *
 *   write --all after a one-field edit        ÷ check                    target ≤ 1.2×
 *   first write --all into an empty folder    ÷ tsc --noEmit             target ≤ 2×
 *   watch cycle after a one-field edit        ÷ cold write --all         target ≤ 15 %
 *   watch cycle after editing a type many
 *   files refer to                            ÷ cold write --all         target ≤ 50 %
 *   watch process RSS between cycles          ÷ peak RSS of a cold write target ≤ 2×
 *
 *   node bench/editing-loop.mjs [--n 8000] [--runs 3] [--disk DIR] [--tmpfs DIR] [--seed 1]
 *
 * Every command but watch is a fresh process (`measure.mjs`); "cold write --all"
 * is a fresh process writing the same edit over the existing folder, the run a
 * watch cycle replaces. A watch cycle's time is the one its summary line
 * states (change seen → managed folder updated); the latency from saving the
 * file to that line (which adds the 100 ms debounce and the watcher's own
 * delay) is shown beside it. Edits alternate between adding and removing, so
 * every run changes the files. Dirty pages are flushed (`sync`) before each
 * first write and each watch edit, outside the timing, so no measure pays for
 * the write-back of the commands before it. Memory held between cycles is the watch
 * process's RSS after it sat idle for 10 s (V8 returns what a cycle allocated
 * within seconds of going idle); the RSS half a second after a cycle is shown too.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { detectRssMethod, measure } from "./measure.mjs";
import { generate } from "./synth.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, "..");
const NODE = process.execPath;
/** How long the watch process sits idle before its memory is read as "held between cycles". */
const HELD_AFTER_MS = 10_000;

function parseArgs(argv) {
  const opts = { n: 8000, runs: 3, seed: "1", disk: join(BENCH, "work"), tmpfs: "/dev/shm" };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i] ?? usage(`missing value for ${argv[i - 1]}`);
    switch (argv[i]) {
      case "--n": opts.n = Number(value()); break;
      case "--runs": opts.runs = Number(value()); break;
      case "--seed": opts.seed = value(); break;
      case "--disk": opts.disk = resolve(value()); break;
      case "--tmpfs": opts.tmpfs = resolve(value()); break;
      case "-h": case "--help": usage(); break;
      default: usage(`unknown option ${argv[i]}`);
    }
  }
  return opts;
}

function usage(error) {
  const text = "usage: node bench/editing-loop.mjs [--n 8000] [--runs 3] [--disk DIR] [--tmpfs DIR] [--seed 1]";
  if (error) {
    console.error(`editing-loop: ${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

/** The file system type holding `dir`, from /proc/mounts. */
function fileSystemOf(dir) {
  const mounts = readFileSync("/proc/mounts", "utf8").split("\n").map((line) => line.split(" ")).filter((f) => f.length > 2);
  const hit = mounts
    .filter(([, point]) => dir === point || dir.startsWith(point.endsWith("/") ? point : `${point}/`))
    .sort((a, b) => b[1].length - a[1].length)[0];
  return hit?.[2] ?? "unknown";
}

/** A copy of dist/ to run, so a rebuild during the bench changes nothing. */
function snapshotCli() {
  const dir = mkdtempSync(join(tmpdir(), "sg-loop-cli-"));
  cpSync(join(ROOT, "dist"), join(dir, "dist"), { recursive: true });
  cpSync(join(ROOT, "package.json"), join(dir, "package.json"));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "dist", "cli", "index.js");
}

function tscPath() {
  for (const candidate of [join(BENCH, "node_modules", "typescript", "bin", "tsc"), join(ROOT, "node_modules", "typescript", "bin", "tsc")]) {
    if (existsSync(candidate)) return candidate;
  }
  console.error("editing-loop: typescript not found (npm ci at the repo root)");
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/* ---------------------------------------------------------------- edits */

/** Adds a field to the first interface of a file in the middle of the protocol, or removes it again. */
function fieldEdit(protocol) {
  const files = listTs(protocol).filter((file) => /file_\d+\.ts$/.test(file)).sort();
  const file = files[files.length >> 1];
  const field = "  benchEditedField?: string;\n";
  return {
    file,
    toggle() {
      const text = readFileSync(file, "utf8");
      writeFileSync(file, text.includes(field) ? text.replace(field, "") : text.replace(/(export interface \w+ \{\n)/, `$1${field}`));
    },
  };
}

/** Adds a member to the literal union most files import, or removes it again. */
function widelyReferencedEdit(protocol) {
  const files = listTs(protocol);
  const importers = new Map();
  for (const file of files) {
    const names = new Set();
    for (const match of readFileSync(file, "utf8").matchAll(/^import type \{ ([^}]+) \}/gm)) for (const name of match[1].split(", ")) names.add(name.trim());
    for (const name of names) importers.set(name, (importers.get(name) ?? 0) + 1);
  }
  for (const [name, count] of [...importers].sort((a, b) => b[1] - a[1])) {
    const file = files.find((candidate) => new RegExp(`^export type ${name} =\\n(\\s+\\| "[^"]+"\\n)+`, "m").test(readFileSync(candidate, "utf8")));
    if (!file) continue;
    const pattern = new RegExp(`(^export type ${name} =\\n(?:\\s+\\| "[^"]+"\\n)*?\\s+\\| "[^"]+");`, "m");
    const added = '\n  | "benchEditedMember"';
    return {
      name,
      importers: count,
      file,
      toggle() {
        const text = readFileSync(file, "utf8");
        writeFileSync(file, text.includes(added) ? text.replace(added, "") : text.replace(pattern, `$1${added};`));
      },
    };
  }
  throw new Error("no imported literal union found in the synthetic protocol");
}

function listTs(folder) {
  return readdirSync(folder, { recursive: true }).filter((file) => file.endsWith(".ts")).map((file) => join(folder, file));
}

/* ---------------------------------------------------------------- watch */

/** A running `schemagate watch --all`, read line by line. */
function startWatch(cli, cwd) {
  const child = spawn(NODE, [cli, "watch", "--all"], { cwd, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  const lines = [];
  const waiting = [];
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
    const parts = stdout.split("\n");
    stdout = parts.pop();
    for (const line of parts) {
      const at = performance.now();
      const waiter = waiting.shift();
      if (waiter) waiter({ line, at });
      else lines.push({ line, at });
    }
  });
  return {
    child,
    nextLine: (timeoutMs = 300_000) =>
      lines.length > 0
        ? Promise.resolve(lines.shift())
        : new Promise((resolvePromise, reject) => {
            const timer = setTimeout(() => reject(new Error(`watch printed no line in ${timeoutMs} ms; stderr:\n${stderr}`)), timeoutMs);
            waiting.push((value) => {
              clearTimeout(timer);
              resolvePromise(value);
            });
          }),
    rssKb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1]),
    stop: () => new Promise((resolvePromise) => {
      child.once("close", (code) => resolvePromise(code));
      child.kill("SIGINT");
    }),
  };
}

/** The cycle time a summary line states, e.g. "12:00:01 generated: 3 changed, 0 removed, 22848 files (412 ms)". */
function cycleMs(line) {
  const match = / changed, .*\((\d+) ms\)$/.exec(line);
  if (!match) throw new Error(`not a successful cycle: ${line}`);
  return Number(match[1]);
}

/* ---------------------------------------------------------------- bench */

async function benchOn(label, parent, opts, cli, tsc, rssMethod) {
  mkdirSync(parent, { recursive: true });
  const cwd = mkdtempSync(join(parent, `sg-loop-${opts.n}-`));
  try {
    const synth = generate(opts.n, { seed: opts.seed, variant: "a", dir: cwd });
    const protocol = join(cwd, "protocol");
    const run = async (args, file = NODE) => {
      const result = await measure(file, args, { cwd, timeoutMs: 600_000, rssMethod, env: { ...process.env, NO_COLOR: "1" } });
      if (result.code !== 0) throw new Error(`${args.join(" ")} exited ${result.code}: ${result.stderr}`);
      return result;
    };
    const field = fieldEdit(protocol);
    const wide = widelyReferencedEdit(protocol);
    const times = { firstWrite: [], tsc: [], editWrite: [], check: [], watchField: [], watchFieldLatency: [], watchWide: [], watchWideLatency: [], coldAfterWide: [] };
    let coldPeakKb = 0;
    for (let i = 0; i < opts.runs; i++) {
      rmSync(join(cwd, "generated"), { recursive: true, force: true });
      spawnSync("sync");
      const first = await run([cli, "write", "--all"]);
      times.firstWrite.push(first.ms);
      coldPeakKb = Math.max(coldPeakKb, first.rssKb ?? 0);
      times.tsc.push((await run([tsc, "--noEmit", "-p", "tsconfig.json"])).ms);
      field.toggle();
      const edited = await run([cli, "write", "--all"]);
      times.editWrite.push(edited.ms);
      coldPeakKb = Math.max(coldPeakKb, edited.rssKb ?? 0);
      times.check.push((await run([cli, "check"])).ms);
      wide.toggle();
      times.coldAfterWide.push((await run([cli, "write", "--all"])).ms);
      console.log(`  [${label}] run ${i + 1}/${opts.runs}: first write ${(first.ms / 1000).toFixed(2)} s, edit+write ${(edited.ms / 1000).toFixed(2)} s, check ${(times.check.at(-1) / 1000).toFixed(2)} s, tsc ${(times.tsc.at(-1) / 1000).toFixed(2)} s`);
    }
    const watch = startWatch(cli, cwd);
    const rssHeldKb = [];
    const rssAfterCycleKb = [];
    try {
      cycleMs((await watch.nextLine()).line);
      // Cycles settle the JIT and the heap; the first few are not what an editing session sees.
      for (const edit of [field, wide, field, wide]) {
        edit.toggle();
        cycleMs((await watch.nextLine()).line);
      }
      for (let i = 0; i < opts.runs; i++) {
        // Held: after the editor has been idle a while (V8 gives back what the cycle used within seconds); and just after a cycle.
        await new Promise((done) => setTimeout(done, HELD_AFTER_MS));
        rssHeldKb.push(watch.rssKb());
        for (const [edit, key] of [[field, "watchField"], [wide, "watchWide"]]) {
          await new Promise((done) => setTimeout(done, 500));
          rssAfterCycleKb.push(watch.rssKb());
          // As before the first write: the cycle does not pay for write-back the cold runs left.
          spawnSync("sync");
          const saved = performance.now();
          edit.toggle();
          const { line, at } = await watch.nextLine();
          times[key].push(cycleMs(line));
          times[`${key}Latency`].push(at - saved);
        }
      }
      await new Promise((done) => setTimeout(done, HELD_AFTER_MS));
      rssHeldKb.push(watch.rssKb());
    } finally {
      const code = await watch.stop();
      if (code !== 0) console.error(`  [${label}] watch exited ${code}`);
    }
    const m = Object.fromEntries(Object.entries(times).map(([key, values]) => [key, median(values)]));
    return { label, fs: fileSystemOf(cwd), synth, medians: m, coldPeakKb, rssHeldKb: Math.max(...rssHeldKb), rssAfterCycleKb: Math.max(...rssAfterCycleKb), wide: { name: wide.name, importers: wide.importers } };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

function report(results, opts) {
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const x = (value, target) => `${value.toFixed(2)}×${target === undefined ? "" : value <= target ? " met" : " MISSED"}`;
  const pct = (value, target) => `${(value * 100).toFixed(0)} %${value <= target ? " met" : " MISSED"}`;
  const rows = [
    ["first write --all (empty folder)", (r) => s(r.medians.firstWrite)],
    ["tsc --noEmit", (r) => s(r.medians.tsc)],
    ["write --all after a one-field edit", (r) => s(r.medians.editWrite)],
    ["check", (r) => s(r.medians.check)],
    ["cold write --all after editing a widely used type", (r) => s(r.medians.coldAfterWide)],
    ["watch cycle, one-field edit (save → line)", (r) => `${r.medians.watchField} ms (${Math.round(r.medians.watchFieldLatency)} ms)`],
    ["watch cycle, widely used type (save → line)", (r) => `${r.medians.watchWide} ms (${Math.round(r.medians.watchWideLatency)} ms)`],
    ["peak RSS of a cold write --all", (r) => `${Math.round(r.coldPeakKb / 1024)} MB`],
    [`watch RSS held between cycles (idle ${HELD_AFTER_MS / 1000} s, max)`, (r) => `${Math.round(r.rssHeldKb / 1024)} MB`],
    ["watch RSS 0.5 s after a cycle (max)", (r) => `${Math.round(r.rssAfterCycleKb / 1024)} MB`],
    ["**write --all after a one-field edit ÷ check** (≤ 1.2×)", (r) => x(r.medians.editWrite / r.medians.check, 1.2)],
    ["**first write --all ÷ tsc** (≤ 2×)", (r) => x(r.medians.firstWrite / r.medians.tsc, 2)],
    ["**watch cycle, one-field edit ÷ cold write --all** (≤ 15 %)", (r) => pct(r.medians.watchField / r.medians.editWrite, 0.15)],
    ["**watch cycle, widely used type ÷ cold write --all** (≤ 50 %)", (r) => pct(r.medians.watchWide / r.medians.coldAfterWide, 0.5)],
    ["**watch RSS held between cycles ÷ cold peak** (≤ 2×)", (r) => x(r.rssHeldKb / r.coldPeakKb, 2)],
    ["watch RSS 0.5 s after a cycle ÷ cold peak", (r) => x(r.rssAfterCycleKb / r.coldPeakKb)],
  ];
  const lines = [
    `# Editing loop, N = ${opts.n} (variant a, seed ${opts.seed}), median of ${opts.runs}`,
    "",
    `Load average at start ${results.loadStart.join(" / ")}, at end ${loadavg().map((v) => v.toFixed(2)).join(" / ")}. ` +
      `Widely used type: ${results.runs[0].wide.name}, imported by ${results.runs[0].wide.importers} files.`,
    "",
    `| measure | ${results.runs.map((r) => `${r.label} (${r.fs})`).join(" | ")} |`,
    `| --- | ${results.runs.map(() => "---").join(" | ")} |`,
    ...rows.map(([name, cell]) => `| ${name} | ${results.runs.map(cell).join(" | ")} |`),
    "",
  ];
  return lines.join("\n");
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, "dist", "cli", "index.js"))) usage("run `npm run build` at the repo root first");
  const cli = snapshotCli();
  const tsc = tscPath();
  const rssMethod = detectRssMethod();
  const results = { loadStart: loadavg().map((v) => v.toFixed(2)), runs: [] };
  console.log(`editing-loop: N = ${opts.n}, ${opts.runs} runs; disk ${opts.disk} (${fileSystemOf(opts.disk)}), tmpfs ${opts.tmpfs} (${fileSystemOf(opts.tmpfs)})`);
  for (const [label, parent] of [["disk", opts.disk], ["tmpfs", opts.tmpfs]]) results.runs.push(await benchOn(label, parent, opts, cli, tsc, rssMethod));
  const text = report(results, opts);
  mkdirSync(join(BENCH, "results"), { recursive: true });
  writeFileSync(join(BENCH, "results", "editing-loop.md"), text);
  console.log(`\n${text}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(70);
});
