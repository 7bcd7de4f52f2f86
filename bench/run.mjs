#!/usr/bin/env node
/**
 * schemagate benchmark: every tool measured side by side, in one run, on the same
 * synthetic protocols, each command as a fresh process.
 *
 *   node bench/run.mjs [--sizes 100,500,2000,8000] [--runs 3] [--variant a|b|c|both|all]
 *                      [--timeout 300] [--seed 1] [--tools id,id,...] [--rss-method time|proc]
 *                      [--no-app-server] [--results DIR] [--work DIR]
 *   node bench/run.mjs --render-only [--results DIR] [--note TEXT]   (re-render md + charts from results.json)
 *   --note TEXT (repeatable) is printed under the header of results.md.
 *
 * Writes results/results.json (raw numbers), results/results.md (tables, ratios,
 * targets) and results/chart.svg (+ chart-b.svg); prints the ratios at the end.
 * Within one run of a size every tool runs once, in a fixed order, before the next
 * run starts, so slow drift of the machine hits all tools alike.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { detectRssMethod, measure } from "./measure.mjs";
import { generate, generatePreviousVersion } from "./synth.mjs";
import { renderChart } from "./chart.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, "..");
const BUILT_CLI = join(ROOT, "dist", "cli", "index.js");
/** The CLI actually run: a snapshot of dist/ taken at start (see snapshotCli). */
let CLI = BUILT_CLI;
const NODE = process.execPath;

/* ------------------------------------------------------------- options */

function parseArgs(argv) {
  const opts = {
    sizes: [100, 500, 2000, 8000],
    runs: 3,
    variants: ["a", "b", "c"],
    timeoutS: 300,
    seed: "1",
    tools: null,
    rssMethod: null,
    appServer: true,
    results: join(BENCH, "results"),
    work: join(BENCH, "work"),
    renderOnly: false,
    notes: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) usage(`missing value for ${a}`);
      return v;
    };
    switch (a) {
      case "--sizes": opts.sizes = val().split(",").map((s) => Number(s.trim())); break;
      case "--runs": opts.runs = Number(val()); break;
      case "--variant": { const v = val(); opts.variants = v === "all" ? ["a", "b", "c"] : v === "both" ? ["a", "b"] : [v]; break; }
      case "--timeout": opts.timeoutS = Number(val()); break;
      case "--seed": opts.seed = val(); break;
      case "--tools": opts.tools = val().split(",").map((s) => s.trim()); break;
      case "--rss-method": opts.rssMethod = val(); break;
      case "--no-app-server": opts.appServer = false; break;
      case "--results": opts.results = resolve(val()); break;
      case "--work": opts.work = resolve(val()); break;
      case "--render-only": opts.renderOnly = true; break;
      case "--note": opts.notes.push(val()); break;
      case "-h": case "--help": usage(); break;
      default: usage(`unknown option ${a}`);
    }
  }
  if (opts.sizes.some((n) => !Number.isInteger(n) || n < 1)) usage("--sizes takes positive integers");
  if (!Number.isInteger(opts.runs) || opts.runs < 1) usage("--runs takes a positive integer");
  if (opts.variants.some((v) => !(v in VARIANTS))) usage("--variant is a, b, c, both (a and b) or all");
  if (!(opts.timeoutS > 0)) usage("--timeout takes seconds > 0");
  if (opts.rssMethod && !["time", "proc"].includes(opts.rssMethod)) usage("--rss-method is time or proc");
  opts.sizes.sort((x, y) => x - y);
  return opts;
}

/** The file system type holding `dir` (longest mount point of /proc/mounts that contains it), or null. */
function fileSystemOf(dir) {
  try {
    const mounts = readFileSync("/proc/mounts", "utf8").split("\n").map((line) => line.split(" ")).filter((f) => f.length > 2);
    const hit = mounts
      .filter(([, point]) => dir === point || dir.startsWith(point.endsWith("/") ? point : `${point}/`))
      .sort((a, b) => b[1].length - a[1].length)[0];
    return hit ? hit[2] : null;
  } catch {
    return null;
  }
}

function usage(err) {
  const text = `usage: node bench/run.mjs [--sizes 100,500,2000,8000] [--runs 3] [--variant a|b|c|both|all]
                         [--timeout 300] [--seed 1] [--tools ${TOOLS.map((t) => t.id).join(",")}]
                         [--rss-method time|proc] [--no-app-server] [--results DIR] [--work DIR]
       --work DIR: where the synthetic protocols are generated and every tool runs (default bench/work);
                   a tmpfs such as /dev/shm takes the disk's own variance out of the ratios.
       node bench/run.mjs --render-only [--results DIR] [--note TEXT]   re-render results.md and charts from results.json`;
  if (err) {
    console.error(`bench: ${err}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

/** What each synthetic variant holds (bench/synth.mjs). */
const VARIANTS = {
  a: "Variant a: structs, literal and discriminated unions, optional / nullable fields, arrays, Record maps, four method registries.",
  b: "Variant b: deeper inline nesting, more unions, enums, intersections, tuples, generics (Page<T>, Result<T, E>, Envelope<T>) instantiated with concrete arguments, two registries with fewer methods.",
  c: "Variant c: variant a's mix with about a fifth of the declarations written with type operators over types of their file: " +
    "Pick / Omit / Partial / Readonly / Required, `keyof typeof` of `as const` objects, mapped types, conditional types (a distributive generic, Exclude), " +
    "template literals (finite and patterns) and indexed access.",
};

/* --------------------------------------------------------------- tools */

const peer = (rel) => join(BENCH, "node_modules", ...rel.split("/"));
const TSC = peer("typescript/bin/tsc");
const TSJG = peer("ts-json-schema-generator/bin/ts-json-schema-generator.js");
const TJS = peer("typescript-json-schema/bin/typescript-json-schema");
const JSON2TS = peer("json-schema-to-typescript/dist/src/cli.js");

/** Where schemagate's generate-json-schema puts the bundle (first *.schemas.json found). */
function findBundle(cwd) {
  const dir = join(cwd, "out-json");
  const preferred = join(dir, "synthetic.schemas.json");
  if (existsSync(preferred)) return "out-json/synthetic.schemas.json";
  if (!existsSync(dir)) return null;
  const hit = readdirSync(dir).find((f) => f.endsWith(".schemas.json"));
  return hit ? `out-json/${hit}` : null;
}

/**
 * Each tool: id, label, display command(s) (as recorded in results), and
 * steps(cwd) → list of [file, ...args] run in sequence as one measured cell
 * (time = sum, RSS = max). `clean` paths are removed before every run; `needs`
 * names a tool whose output this one consumes in the same run.
 */
const TOOLS = [
  {
    id: "sg-gen-json", label: "schemagate generate-json-schema", schemagate: true,
    display: ["schemagate generate-json-schema --input protocol --out out-json"],
    clean: ["out-json"],
    steps: () => [[NODE, CLI, "generate-json-schema", "--input", "protocol", "--out", "out-json"]],
  },
  {
    id: "sg-gen-ts", label: "schemagate generate-ts", schemagate: true,
    display: ["schemagate generate-ts --input protocol --out out-ts"],
    clean: ["out-ts"],
    steps: () => [[NODE, CLI, "generate-ts", "--input", "protocol", "--out", "out-ts"]],
  },
  {
    id: "sg-write-all", label: "schemagate write --all (both audiences, one run)", schemagate: true,
    display: ["schemagate write --all"],
    clean: ["generated"],
    steps: () => [[NODE, CLI, "write", "--all"]],
  },
  {
    id: "sg-write", label: "schemagate write + write --experimental (two runs)", schemagate: true,
    display: ["schemagate write", "schemagate write --experimental"],
    clean: ["generated"],
    steps: () => [[NODE, CLI, "write"], [NODE, CLI, "write", "--experimental"]],
  },
  {
    id: "sg-check", label: "schemagate check", schemagate: true, needs: "sg-write",
    display: ["schemagate check"],
    clean: [],
    steps: () => [[NODE, CLI, "check"]],
  },
  {
    // Two versions of the same protocol (protocol-previous/ is written next to protocol/); exit 1 means "breaking changes found".
    id: "sg-diff", label: "schemagate diff (two versions)", schemagate: true,
    display: ["schemagate diff --base protocol-previous --input protocol --format json"],
    clean: [],
    okCodes: [0, 1],
    steps: () => [[NODE, CLI, "diff", "--base", "protocol-previous", "--input", "protocol", "--format", "json"]],
  },
  {
    id: "tsc", label: "tsc --noEmit (TS 6.0)",
    display: ["tsc --noEmit -p tsconfig.json"],
    clean: [],
    steps: () => [[NODE, TSC, "--noEmit", "-p", "tsconfig.json"]],
  },
  {
    // Run as the issue names it (`--type '*'`): its default type-checks the input first.
    id: "tsjg", label: "ts-json-schema-generator",
    display: ["ts-json-schema-generator --path 'protocol/**/*.ts' --type '*' -o peer-out/tsjg.json"],
    clean: ["peer-out/tsjg.json"],
    steps: () => [[NODE, TSJG, "--path", "protocol/**/*.ts", "--type", "*", "-o", "peer-out/tsjg.json"]],
  },
  {
    // Its fastest mode, shown beside the default so the speedup is not read as a type-check artefact.
    id: "tsjg-fast", label: "ts-json-schema-generator --no-type-check",
    display: ["ts-json-schema-generator --path 'protocol/**/*.ts' --type '*' --no-type-check -o peer-out/tsjg-fast.json"],
    clean: ["peer-out/tsjg-fast.json"],
    steps: () => [[NODE, TSJG, "--path", "protocol/**/*.ts", "--type", "*", "--no-type-check", "-o", "peer-out/tsjg-fast.json"]],
  },
  {
    id: "tjs", label: "typescript-json-schema",
    display: ["typescript-json-schema tsconfig.json '*' --required --strictNullChecks -o peer-out/tjs.json"],
    clean: ["peer-out/tjs.json"],
    steps: () => [[NODE, TJS, "tsconfig.json", "*", "--required", "--strictNullChecks", "-o", "peer-out/tjs.json"]],
  },
  {
    id: "json2ts", label: "json2ts (on schemagate bundle)", needs: "sg-gen-json",
    display: ["json2ts -i out-json/synthetic.schemas.json -o peer-out/json2ts.ts --unreachableDefinitions"],
    clean: ["peer-out/json2ts.ts"],
    steps: (cwd) => {
      const bundle = findBundle(cwd);
      if (!bundle) return null;
      return [[NODE, JSON2TS, "-i", bundle, "-o", "peer-out/json2ts.ts", "--unreachableDefinitions"]];
    },
  },
];
const TOOL = Object.fromEntries(TOOLS.map((t) => [t.id, t]));
const SG_IDS = TOOLS.filter((t) => t.schemagate).map((t) => t.id);

/* ------------------------------------------------------------- helpers */

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
const childEnv = () => {
  const env = { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" };
  delete env.NODE_OPTIONS;
  return env;
};

function version(pkgDir) {
  try {
    return JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).version;
  } catch {
    return null;
  }
}

function requireCli() {
  const fix = `run \`npm run build\` at the repo root (${ROOT}) first`;
  if (!existsSync(BUILT_CLI)) {
    console.error(`bench: schemagate CLI not found at ${BUILT_CLI}: ${fix}.`);
    process.exit(2);
  }
  const r = spawnSync(NODE, [BUILT_CLI, "--help"], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) {
    console.error(`bench: \`node dist/cli/index.js --help\` failed (exit ${r.status}): ${fix}.\n${r.stderr ?? ""}`);
    process.exit(2);
  }
}

/**
 * Copy dist/ (+ package.json, node_modules symlinked) to a temp dir and run the CLI
 * from there, so a rebuild of dist/ during the bench neither breaks runs half-way
 * ("X is not a function" from a half-written module) nor mixes two versions.
 */
function snapshotCli() {
  const dir = mkdtempSync(join(tmpdir(), "sg-bench-cli-"));
  cpSync(join(ROOT, "dist"), join(dir, "dist"), { recursive: true });
  cpSync(join(ROOT, "package.json"), join(dir, "package.json"));
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  CLI = join(dir, "dist", "cli", "index.js");
  const r = spawnSync(NODE, [CLI, "--help"], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) {
    console.error(`bench: the snapshot of dist/ does not start (exit ${r.status}); was dist/ being rebuilt? Try again.\n${r.stderr ?? ""}`);
    rmSync(dir, { recursive: true, force: true });
    process.exit(2);
  }
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function gitDescribe() {
  const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  if (head.status !== 0) return null;
  const dirty = spawnSync("git", ["status", "--porcelain", "--", "src"], { cwd: ROOT, encoding: "utf8" });
  return `${head.stdout.trim()}${dirty.stdout.trim() ? " (src/ modified)" : ""}`;
}

function requirePeers(ids) {
  const need = { tsc: TSC, tsjg: TSJG, "tsjg-fast": TSJG, tjs: TJS, json2ts: JSON2TS };
  const missing = ids.filter((id) => need[id] && !existsSync(need[id]));
  if (missing.length > 0) {
    console.error(`bench: peer tools missing (${missing.join(", ")}): run \`npm ci\` in ${BENCH}.`);
    process.exit(2);
  }
}

/** Run one tool once in cwd: { ms, rssKb, status: ok|error|timeout|skipped, detail? } */
async function runCell(tool, cwd, ctx) {
  for (const p of tool.clean) rmSync(join(cwd, p), { recursive: true, force: true });
  mkdirSync(join(cwd, "peer-out"), { recursive: true });
  // Deleting thousands of files leaves journal and discard work that would otherwise land in the timed run.
  if (tool.clean.length > 0) spawnSync("sync");
  const steps = tool.steps(cwd);
  if (!steps) return { status: "skipped", detail: `input from ${tool.needs} missing` };
  let ms = 0;
  let rssKb = 0;
  for (const [file, ...args] of steps) {
    const r = await measure(file, args, { cwd, timeoutMs: ctx.timeoutS * 1000, rssMethod: ctx.rssMethod, env: childEnv() });
    ms += r.ms;
    rssKb = Math.max(rssKb, r.rssKb ?? 0);
    if (r.timedOut) return { status: "timeout", ms, rssKb: rssKb || null };
    if (!(tool.okCodes ?? [0]).includes(r.code)) {
      return { status: "error", ms, rssKb: rssKb || null, detail: `exit ${r.code ?? r.signal}: ${errorSummary(r)}` };
    }
  }
  return { status: "ok", ms, rssKb: rssKb || null };
}

/** The error line of a failed run (not a stack frame), then the last lines of output. */
function errorSummary(r) {
  const lines = `${r.stderr}\n${r.stdout}`.split("\n").filter((l) => l.trim() !== "" && !/^\s+at /.test(l));
  const first = lines.find((l) => /\b(\w*Error|error|FATAL|fatal)\b/.test(l));
  const tail = lines.slice(-8);
  return [...(first && !tail.includes(first) ? [first] : []), ...tail].join("\n");
}

function summarize(cells) {
  const ok = cells.filter((c) => c.status === "ok");
  const bad = cells.find((c) => c.status !== "ok");
  const failed = cells.filter((c) => c.status === "error" || c.status === "timeout").length;
  return {
    status: bad ? bad.status : "ok",
    detail: bad?.detail ? `${failed}/${cells.length} runs failed; ${bad.detail}` : bad?.detail,
    runs: cells.map((c) => ({ status: c.status, ms: round(c.ms, 1), rssKb: c.rssKb ?? null })),
    medianMs: !bad && ok.length ? round(median(ok.map((c) => c.ms)), 1) : null,
    maxRssKb: ok.length ? Math.max(...cells.map((c) => c.rssKb ?? 0)) || null : null,
  };
}

/* ---------------------------------------------------------- benchmarks */

async function benchVariant(variant, opts, ctx, results) {
  const out = (results.variants[variant] = { sizes: {} });
  const givenUp = new Map(); // tool id → reason (timeout at a smaller N)
  for (const n of opts.sizes) {
    const cwd = join(opts.work, `${variant}-${n}`);
    rmSync(cwd, { recursive: true, force: true });
    mkdirSync(cwd, { recursive: true });
    const synth = generate(n, { seed: opts.seed, variant, dir: cwd });
    if (ctx.tools.includes("sg-diff")) synth.previousVersion = generatePreviousVersion(n, { seed: opts.seed, variant, dir: cwd });
    const row = (out.sizes[n] = { synth, tools: {} });
    console.log(`\n[${variant}] N=${n}: ${synth.files} files, ${synth.types} types, ${synth.methods} methods`);
    const cells = Object.fromEntries(ctx.tools.map((id) => [id, []]));
    for (let run = 0; run < opts.runs; run++) {
      const ranOk = new Set();
      for (const id of ctx.tools) {
        const tool = TOOL[id];
        if (givenUp.has(id)) continue;
        const prev = cells[id];
        // A timeout repeats: do not spend more runs on it at this size. Errors are
        // retried in the remaining runs, to tell a flaky failure from a steady one.
        if (prev.some((c) => c.status === "timeout")) continue;
        if (tool.needs && ctx.tools.includes(tool.needs) && !ranOk.has(tool.needs)) {
          prev.push({ status: "skipped", detail: `${tool.needs} did not succeed in this run` });
          continue;
        }
        const cell = await runCell(tool, cwd, ctx);
        prev.push(cell);
        if (cell.status === "ok") ranOk.add(id);
        const shown = cell.status === "ok" ? `${(cell.ms / 1000).toFixed(2)} s, ${fmtMb(cell.rssKb)}` : `${cell.status}${cell.detail ? `: ${cell.detail.split("\n")[0]}` : ""}`;
        console.log(`  run ${run + 1}/${opts.runs} ${id.padEnd(12)} ${shown}`);
      }
    }
    for (const id of ctx.tools) {
      if (givenUp.has(id)) {
        row.tools[id] = { status: "skipped", detail: givenUp.get(id), runs: [], medianMs: null, maxRssKb: null };
        continue;
      }
      row.tools[id] = summarize(cells[id]);
      if (row.tools[id].status === "timeout") givenUp.set(id, `timed out at N=${n}`);
    }
    writeResults(results, opts);
  }
}

async function benchAppServer(opts, ctx, results) {
  const defs = join(ROOT, "protocol-defs");
  if (!existsSync(defs)) {
    results.appServer = { status: "skipped", detail: "no protocol-defs/ in the repo yet" };
    return;
  }
  const cwd = join(opts.work, "app-server");
  rmSync(cwd, { recursive: true, force: true });
  mkdirSync(cwd, { recursive: true });
  cpSync(defs, join(cwd, "protocol-defs"), { recursive: true });
  const rootConfig = join(ROOT, "schemagate.config.json");
  let config = { input: "protocol-defs", output: "generated" };
  if (existsSync(rootConfig)) config = JSON.parse(readFileSync(rootConfig, "utf8"));
  // The copy lives elsewhere: keep only input/output relative to the copy.
  writeFileSync(join(cwd, "schemagate.config.json"), `${JSON.stringify(config, null, 2)}\n`);
  const files = countTs(join(cwd, "protocol-defs"));
  console.log(`\n[app-server] protocol-defs: ${files} .ts files`);
  const write = { id: "write", clean: ["generated"], steps: () => [[NODE, CLI, "write"]] };
  const bare = { id: "bare", clean: [], steps: () => [[NODE, join(BENCH, "bare-start.mjs"), join(cwd, "protocol-defs")]] };
  const cells = { write: [], bare: [] };
  for (let run = 0; run < opts.runs; run++) {
    for (const t of [write, bare]) {
      if (cells[t.id].some((c) => c.status === "timeout")) continue;
      const c = await runCell(t, cwd, ctx);
      cells[t.id].push(c);
      console.log(`  run ${run + 1}/${opts.runs} ${t.id.padEnd(12)} ${c.status === "ok" ? `${(c.ms / 1000).toFixed(2)} s, ${fmtMb(c.rssKb)}` : `${c.status}: ${(c.detail ?? "").split("\n")[0]}`}`);
    }
  }
  results.appServer = {
    status: "ok",
    files,
    config,
    commands: { write: "schemagate write (in a copy of protocol-defs + schemagate.config.json)", bare: "node bench/bare-start.mjs protocol-defs" },
    write: summarize(cells.write),
    bare: summarize(cells.bare),
  };
}

function countTs(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countTs(join(dir, e.name));
    else if (e.name.endsWith(".ts")) n++;
  }
  return n;
}

/* -------------------------------------------------------------- ratios */

const TARGETS = {
  genJsonVsTsjg: { label: "gen-json speedup vs ts-json-schema-generator (tsjg ÷ gen-json)", target: "≥ 6×", ok: (x) => x >= 6 },
  genJsonVsTsjgFast: { label: "gen-json speedup vs ts-json-schema-generator --no-type-check", target: "—", ok: null },
  genJsonVsTjs: { label: "gen-json speedup vs typescript-json-schema (tjs ÷ gen-json)", target: "—", ok: null },
  genJsonVsTsc: { label: "gen-json ÷ tsc", target: "≤ 1.5×", ok: (x) => x <= 1.5 },
  genTsVsTsc: { label: "generate-ts ÷ tsc", target: "—", ok: null },
  writeVsTsc: { label: "write --all (both audiences and formats, one run) ÷ tsc", target: "≤ 2×", ok: (x) => x <= 2 },
  writeTwoRunsVsTsc: { label: "write + write --experimental (two runs) ÷ tsc", target: "—", ok: null },
  // The issue's "write (both audiences)": `write` then `write --experimental`, as it ran before `--all` existed.
  checkVsWrite: { label: "check ÷ write + write --experimental (both audiences)", target: "≤ 1×", ok: (x) => x <= 1 },
  // The same generation as check, one run: equal within noise by construction.
  checkVsWriteAll: { label: "check ÷ write --all", target: "—", ok: null },
  rssVsTsc: { label: "peak RSS, max of schemagate commands ÷ tsc", target: "≤ 2×", ok: (x) => x <= 2 },
  // Reads, scans and validates two versions, then compares their models.
  diffVsGenJson: { label: "diff of two versions ÷ generate-json-schema", target: "≤ 2.5×", ok: (x) => x <= 2.5 },
};

function computeRatios(results) {
  const ratios = {};
  for (const [variant, v] of Object.entries(results.variants)) {
    const byN = {};
    const sizes = Object.keys(v.sizes).map(Number).sort((a, b) => a - b);
    for (const n of sizes) {
      const t = v.sizes[n].tools;
      const ms = (id) => (t[id]?.status === "ok" ? t[id].medianMs : null);
      const rss = (id) => (t[id]?.status === "ok" ? t[id].maxRssKb : null);
      const div = (a, b) => (a != null && b != null && b > 0 ? a / b : null);
      const sgRss = SG_IDS.map(rss).filter((x) => x != null);
      const r = {
        genJsonVsTsjg: div(ms("tsjg"), ms("sg-gen-json")),
        genJsonVsTsjgFast: div(ms("tsjg-fast"), ms("sg-gen-json")),
        genJsonVsTjs: div(ms("tjs"), ms("sg-gen-json")),
        genJsonVsTsc: div(ms("sg-gen-json"), ms("tsc")),
        genTsVsTsc: div(ms("sg-gen-ts"), ms("tsc")),
        writeVsTsc: div(ms("sg-write-all"), ms("tsc")),
        writeTwoRunsVsTsc: div(ms("sg-write"), ms("tsc")),
        checkVsWrite: div(ms("sg-check"), ms("sg-write")),
        checkVsWriteAll: div(ms("sg-check"), ms("sg-write-all")),
        diffVsGenJson: div(ms("sg-diff"), ms("sg-gen-json")),
        rssVsTsc: sgRss.length === SG_IDS.filter((id) => t[id]).length && sgRss.length > 0 ? div(Math.max(...sgRss), rss("tsc")) : null,
        rssByTool: Object.fromEntries(SG_IDS.filter((id) => t[id]).map((id) => [id, div(rss(id), rss("tsc"))])),
        // Peer timeouts make the speedup at least timeout ÷ gen-json.
        notes: {},
      };
      for (const [key, id] of [["genJsonVsTsjg", "tsjg"], ["genJsonVsTsjgFast", "tsjg-fast"], ["genJsonVsTjs", "tjs"]]) {
        if (t[id]?.status === "timeout" && ms("sg-gen-json")) r.notes[key] = `> ${(results.meta.timeoutS * 1000 / ms("sg-gen-json")).toFixed(1)}× (${id} timed out)`;
        else if (t[id] && t[id].status !== "ok") r.notes[key] = `${id} ${t[id].status}`;
      }
      byN[n] = r;
    }
    // Growth between the two largest sizes (2000 → 8000 in the full bench).
    let growth = null;
    if (sizes.length >= 2) {
      const [lo, hi] = sizes.slice(-2);
      const factor = hi / lo;
      growth = { from: lo, to: hi, factor, tools: {} };
      for (const id of Object.keys(v.sizes[hi].tools)) {
        const a = v.sizes[lo].tools[id];
        const b = v.sizes[hi].tools[id];
        const raw = a?.status === "ok" && b?.status === "ok" ? b.medianMs / a.medianMs : null;
        growth.tools[id] = { raw, perType: raw == null ? null : raw / factor, status: b?.status ?? "n/a" };
      }
    }
    ratios[variant] = { byN, growth };
  }
  if (results.appServer?.status === "ok") {
    const w = results.appServer.write.medianMs;
    const b = results.appServer.bare.medianMs;
    ratios.appServer = { writeVsBare: w != null && b ? w / b : null };
  }
  return ratios;
}

/* ------------------------------------------------------------- reports */

const fmtMb = (kb) => (kb == null ? "—" : `${Math.round(kb / 1024)} MB`);
const fmtS = (ms) => (ms == null ? "—" : ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`);
const fmtX = (x) => (x == null ? "—" : `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`);
const verdict = (okFn, x) => (okFn == null || x == null ? "" : okFn(x) ? " met" : " **missed**");
const plainVerdict = (s) => s.replace(/\*\*/g, "");

function cellText(tool, field) {
  if (!tool) return "n/a";
  if (tool.status !== "ok") return tool.status === "skipped" ? `skipped` : tool.status;
  return field === "ms" ? fmtS(tool.medianMs) : fmtMb(tool.maxRssKb);
}

function ratiosTable(results, ratios, variant) {
  const v = results.variants[variant];
  const sizes = Object.keys(v.sizes).map(Number).sort((a, b) => a - b);
  const r = ratios[variant];
  const lines = [];
  lines.push(`| ratio | target | ${sizes.map((n) => `N=${n}`).join(" | ")} |`);
  lines.push(`| --- | --- | ${sizes.map(() => "---").join(" | ")} |`);
  for (const [key, def] of Object.entries(TARGETS)) {
    const cells = sizes.map((n) => {
      const x = r.byN[n][key];
      const note = r.byN[n].notes[key];
      if (x == null) return note ?? "—";
      return `${fmtX(x)}${verdict(def.ok, x)}`;
    });
    lines.push(`| ${def.label} | ${def.target} | ${cells.join(" | ")} |`);
  }
  for (const id of SG_IDS) {
    if (!sizes.some((n) => r.byN[n].rssByTool[id] != null)) continue;
    lines.push(`| &nbsp;&nbsp;peak RSS ${id} ÷ tsc | | ${sizes.map((n) => fmtX(r.byN[n].rssByTool[id])).join(" | ")} |`);
  }
  if (r.growth) {
    const g = r.growth;
    lines.push("");
    lines.push(`Growth ${g.from} → ${g.to} (${g.factor}× more types). Raw = time(${g.to}) ÷ time(${g.from}); per type = raw ÷ ${g.factor}. Target (per type) ≤ 1.8×.`);
    lines.push("");
    lines.push(`| tool | raw time ratio | per-type ratio | target ≤ 1.8× (per type) |`);
    lines.push(`| --- | --- | --- | --- |`);
    for (const [id, x] of Object.entries(g.tools)) {
      const status = x.perType == null ? (x.status !== "ok" ? x.status : "—") : x.perType <= 1.8 ? "met" : "**missed**";
      lines.push(`| ${TOOL[id].label} | ${fmtX(x.raw)} | ${fmtX(x.perType)} | ${status} |`);
    }
  }
  return lines.join("\n");
}

function appServerTable(results, ratios) {
  const a = results.appServer;
  if (!a) return "_not run_";
  if (a.status !== "ok") return `_${a.status}: ${a.detail}_`;
  const x = ratios.appServer?.writeVsBare;
  return [
    `| app-server protocol-defs (${a.files} files) | median time | peak RSS |`,
    "| --- | --- | --- |",
    `| schemagate write (stable) | ${cellText(a.write, "ms")} | ${cellText(a.write, "rss")} |`,
    `| bare start: node + ts-morph Project over protocol-defs | ${cellText(a.bare, "ms")} | ${cellText(a.bare, "rss")} |`,
    `| **write ÷ bare start** (target ≤ 2×) | ${fmtX(x)}${verdict((v) => v <= 2, x)} | |`,
    a.write.status !== "ok" ? `\nwrite failed: \`${(a.write.detail ?? "").split("\n")[0]}\`` : "",
  ].join("\n");
}

function renderMarkdown(results, ratios) {
  const m = results.meta;
  const out = [];
  out.push("# schemagate benchmark results", "");
  out.push(`Generated by \`${["node bench/run.mjs", ...m.argv].join(" ")}\`${m.argv.length ? "" : " (defaults)"} on ${m.date}.`);
  out.push(`Machine: ${m.cpus} × ${m.cpuModel}, ${m.memGiB} GiB RAM; Node ${m.node}. ` +
    `Each cell: median wall time of ${m.runs} fresh process run(s); peak RSS = max over runs (${m.rssMethod === "time" ? "GNU time %M" : "/proc VmHWM polling"}). ` +
    `Timeout ${m.timeoutS} s per command (a tool that times out is not run at larger N). ` +
    `Load average (1/5/15 min) at start ${m.loadavgStart?.join(" / ")}, at end ${m.loadavgEnd?.join(" / ")}.` +
    (m.work ? ` Work dir: \`${m.work.dir}\` (${m.work.fs ?? "file system unknown"}).` : ""), "");
  out.push("Versions: " + Object.entries(m.versions).map(([k, v]) => `${k} ${v ?? "?"}`).join(", ") + ".", "");
  if (m.notes?.length) out.push("Notes:", "", ...m.notes.map((n) => `- ${n}`), "");
  out.push("## Commands (run in the work dir of each synthetic protocol)", "");
  for (const t of TOOLS) out.push(`- **${t.id}** (${t.label}): ${t.display.map((d) => `\`${d}\``).join(" then ")}`);
  out.push(`- **app-server**: \`schemagate write\` in a copy of \`protocol-defs/\` + \`schemagate.config.json\` vs \`node bench/bare-start.mjs protocol-defs\``);
  out.push("", "`schemagate` = `node dist/cli/index.js`; peers are the exact-pinned versions in `bench/package.json`, run as `node <bin>` (no npx). " +
    "schemagate's generate-* emit the stable audience; write emits stable then experimental. Peers emit every exported type.", "");
  for (const [variant, v] of Object.entries(results.variants)) {
    const sizes = Object.keys(v.sizes).map(Number).sort((a, b) => a - b);
    const tools = Object.keys(v.sizes[sizes[0]].tools);
    out.push(`## Variant ${variant}`, "");
    out.push(VARIANTS[variant]);
    out.push("");
    out.push(`| N | files | types | methods | experimental fields / members / methods |`);
    out.push(`| --- | --- | --- | --- | --- |`);
    for (const n of sizes) {
      const s = v.sizes[n].synth;
      out.push(`| ${n} | ${s.files} | ${s.types} | ${s.methods} | ${s.expFields} / ${s.expMembers} / ${s.expMethods} |`);
    }
    out.push("", "### Median wall time", "");
    out.push(`| tool | ${sizes.map((n) => `N=${n}`).join(" | ")} |`);
    out.push(`| --- | ${sizes.map(() => "---").join(" | ")} |`);
    for (const id of tools) out.push(`| ${TOOL[id].label} | ${sizes.map((n) => cellText(v.sizes[n].tools[id], "ms")).join(" | ")} |`);
    out.push("", "### Peak RSS", "");
    out.push(`| tool | ${sizes.map((n) => `N=${n}`).join(" | ")} |`);
    out.push(`| --- | ${sizes.map(() => "---").join(" | ")} |`);
    for (const id of tools) out.push(`| ${TOOL[id].label} | ${sizes.map((n) => cellText(v.sizes[n].tools[id], "rss")).join(" | ")} |`);
    const failures = [];
    for (const n of sizes) for (const id of tools) {
      const t = v.sizes[n].tools[id];
      if (t && t.status !== "ok" && t.detail) failures.push(`- N=${n} ${id}: ${t.status}: \`${t.detail.split("\n").slice(0, 3).join(" ⏎ ").slice(0, 400)}\``);
    }
    if (failures.length) out.push("", "Failures:", "", ...failures);
    out.push("", `### Ratios (variant ${variant})`, "", ratiosTable(results, ratios, variant), "");
  }
  out.push("## App-server row", "", appServerTable(results, ratios), "");
  out.push("## How to read the targets", "");
  out.push("- Speedups are peer time ÷ schemagate time (higher is better); the other ratios are schemagate ÷ reference (lower is better).");
  out.push("- `write` is the pair `write` + `write --experimental` (both audiences, two processes), as a maintainer runs it.");
  out.push("- Growth 2000 → 8000: N grows 4×, so linear scaling gives a raw time ratio of 4×. The target \"≤ 1.8×\" is read as the " +
    "per-type ratio (raw ÷ 4): time per type may grow at most 1.8× from N=2000 to N=8000. Both the raw and the per-type ratio are shown; " +
    "the verdict uses the per-type ratio. A fixed start-up cost makes small-N times flat, so the per-type ratio is usually < 1 for healthy tools.");
  out.push("- Peak RSS target compares the largest peak of any schemagate command with tsc's peak on the same protocol.");
  out.push("- Charts: `chart.svg` (variant a) and `chart-b.svg` (variant b), log-log time vs N.");
  return `${out.join("\n")}\n`;
}

function writeResults(results, opts) {
  mkdirSync(opts.results, { recursive: true });
  results.ratios = computeRatios(results);
  writeFileSync(join(opts.results, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
}

/* ---------------------------------------------------------------- main */

function renderReports(results, opts) {
  results.ratios = computeRatios(results);
  writeFileSync(join(opts.results, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(opts.results, "results.md"), renderMarkdown(results, results.ratios));
  const files = ["results.json", "results.md"];
  for (const variant of Object.keys(results.variants)) {
    const name = variant === "a" ? "chart.svg" : `chart-${variant}.svg`;
    writeFileSync(join(opts.results, name), renderChart(results, variant, TOOLS));
    files.push(name);
  }
  console.log(`\nWrote ${files.map((f) => join(opts.results, f)).join(", ")}`);
  for (const variant of Object.keys(results.variants)) {
    console.log(`\n=== Ratios, variant ${variant} ===\n`);
    console.log(plainVerdict(ratiosTable(results, results.ratios, variant)));
  }
  console.log("\n=== App-server row ===\n");
  console.log(plainVerdict(appServerTable(results, results.ratios)));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.renderOnly) {
    const file = join(opts.results, "results.json");
    if (!existsSync(file)) usage(`no ${file} to render`);
    const results = JSON.parse(readFileSync(file, "utf8"));
    results.meta.notes = [...(results.meta.notes ?? []), ...opts.notes];
    renderReports(results, opts);
    return;
  }
  const tools = opts.tools ?? TOOLS.map((t) => t.id);
  const unknown = tools.filter((id) => !TOOL[id]);
  if (unknown.length) usage(`unknown tool(s): ${unknown.join(", ")}`);
  const usesSg = tools.some((id) => SG_IDS.includes(id)) || opts.appServer;
  if (usesSg) {
    requireCli();
    snapshotCli();
  }
  requirePeers(tools);
  const rssMethod = opts.rssMethod ?? detectRssMethod();
  const ctx = { tools: TOOLS.map((t) => t.id).filter((id) => tools.includes(id)), timeoutS: opts.timeoutS, rssMethod };
  const cpu = cpus();
  const results = {
    meta: {
      date: new Date().toISOString(),
      argv: process.argv.slice(2).filter((a, i, all) => a !== "--note" && all[i - 1] !== "--note"),
      node: process.versions.node,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpu.length,
      cpuModel: cpu[0]?.model?.trim() ?? "?",
      memGiB: Math.round(totalmem() / 2 ** 30),
      runs: opts.runs,
      sizes: opts.sizes,
      variants: opts.variants,
      seed: opts.seed,
      timeoutS: opts.timeoutS,
      rssMethod,
      work: { dir: opts.work, fs: fileSystemOf(opts.work) },
      versions: {
        schemagate: `${version(ROOT)}${usesSg ? ` @ ${gitDescribe() ?? "?"}` : ""}`,
        typescript: version(peer("typescript")),
        "ts-json-schema-generator": version(peer("ts-json-schema-generator")),
        "typescript-json-schema": version(peer("typescript-json-schema")),
        "json-schema-to-typescript": version(peer("json-schema-to-typescript")),
        "ts-morph": version(join(ROOT, "node_modules", "ts-morph")),
      },
      commands: Object.fromEntries(TOOLS.map((t) => [t.id, t.display])),
      notes: opts.notes,
    },
    variants: {},
    appServer: null,
  };
  results.meta.loadavgStart = loadavg().map((x) => round(x, 2));
  console.log(`bench: sizes ${opts.sizes.join(",")}, runs ${opts.runs}, variants ${opts.variants.join(",")}, timeout ${opts.timeoutS} s, RSS via ${rssMethod}`);
  if (loadavg()[0] > 0.5 * cpu.length) {
    console.warn(`bench: warning: load average ${loadavg()[0].toFixed(2)} on ${cpu.length} cores; other work on this machine skews the numbers.`);
  }
  for (const variant of opts.variants) await benchVariant(variant, opts, ctx, results);
  if (opts.appServer) {
    await benchAppServer(opts, ctx, results);
  } else {
    results.appServer = { status: "skipped", detail: "--no-app-server" };
  }
  results.meta.loadavgEnd = loadavg().map((x) => round(x, 2));
  renderReports(results, opts);
}

main().catch((err) => {
  console.error(err);
  process.exit(70);
});
