/**
 * Hand-written SVG line chart: median wall time vs N on log-log axes, one
 * polyline per tool, legend on the right. No dependencies. 800 × 500.
 */

const W = 800;
const H = 500;
const M = { left: 70, right: 250, top: 50, bottom: 60 };
const COLORS = {
  "sg-gen-json": "#1f77b4",
  "sg-gen-ts": "#17becf",
  "sg-write-all": "#2ca02c",
  "sg-write": "#bcbd22",
  "sg-check": "#98df8a",
  tsc: "#000000",
  tsjg: "#d62728",
  "tsjg-fast": "#ff9896",
  tjs: "#ff7f0e",
  json2ts: "#9467bd",
};
const DASH = { tsc: "6 4", "tsjg-fast": "3 3" };
const SHORT = {
  "sg-gen-json": "sg generate-json-schema",
  "sg-gen-ts": "sg generate-ts",
  "sg-write-all": "sg write --all",
  "sg-write": "sg write, twice",
  "sg-check": "sg check",
  tsc: "tsc --noEmit",
  tsjg: "ts-json-schema-generator",
  "tsjg-fast": "tsjg --no-type-check",
  tjs: "typescript-json-schema",
  json2ts: "json2ts (sg bundle)",
};

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function niceTicks(lo, hi) {
  // Decades plus 2 and 5 in between when the range is narrow.
  const ticks = [];
  const start = Math.floor(Math.log10(lo));
  const end = Math.ceil(Math.log10(hi));
  const steps = end - start <= 3 ? [1, 2, 5] : end - start <= 5 ? [1, 3] : [1];
  for (let e = start; e <= end; e++) {
    for (const m of steps) {
      const v = m * 10 ** e;
      if (v >= lo * 0.999 && v <= hi * 1.001) ticks.push(v);
    }
  }
  return ticks;
}

const fmtSeconds = (s) => (s >= 1 ? `${+s.toPrecision(3)} s` : `${Math.round(s * 1000)} ms`);

/**
 * @param results the results object of run.mjs
 * @param variant "a" | "b"
 * @param tools   [{ id, label }] in legend order
 */
export function renderChart(results, variant, tools) {
  const v = results.variants[variant];
  const sizes = Object.keys(v.sizes).map(Number).sort((a, b) => a - b);
  const series = [];
  for (const t of tools) {
    const pts = [];
    const failed = [];
    for (const n of sizes) {
      const cell = v.sizes[n].tools[t.id];
      if (!cell) continue;
      if (cell.status === "ok" && cell.medianMs > 0) pts.push([n, cell.medianMs / 1000]);
      else if (cell.status === "timeout" || cell.status === "error") failed.push([n, cell.status]);
    }
    if (pts.length || failed.length) series.push({ ...t, pts, failed });
  }
  const allY = series.flatMap((s) => s.pts.map((p) => p[1]));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${M.left}" y="28" font-size="16" font-weight="bold">schemagate bench, variant ${esc(variant)}: median wall time vs N (log-log)</text>`);
  if (sizes.length === 0 || allY.length === 0) {
    out.push(`<text x="${W / 2}" y="${H / 2}" text-anchor="middle">no data</text></svg>`);
    return `${out.join("\n")}\n`;
  }
  const xLo = sizes[0] / 1.25;
  const xHi = sizes[sizes.length - 1] * 1.25;
  const yLo = Math.min(...allY) / 1.5;
  const yHi = Math.max(...allY) * 1.5;
  const lx = (x) => M.left + ((Math.log10(x) - Math.log10(xLo)) / (Math.log10(xHi) - Math.log10(xLo))) * plotW;
  const ly = (y) => M.top + plotH - ((Math.log10(y) - Math.log10(yLo)) / (Math.log10(yHi) - Math.log10(yLo))) * plotH;
  const f = (x) => x.toFixed(1);

  // Grid and axes.
  out.push(`<g stroke="#e0e0e0" stroke-width="1">`);
  for (const n of sizes) out.push(`<line x1="${f(lx(n))}" y1="${M.top}" x2="${f(lx(n))}" y2="${M.top + plotH}"/>`);
  const yTicks = niceTicks(yLo, yHi);
  for (const y of yTicks) out.push(`<line x1="${M.left}" y1="${f(ly(y))}" x2="${M.left + plotW}" y2="${f(ly(y))}"/>`);
  out.push(`</g>`);
  out.push(`<rect x="${M.left}" y="${M.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  for (const n of sizes) out.push(`<text x="${f(lx(n))}" y="${M.top + plotH + 18}" text-anchor="middle">${n}</text>`);
  for (const y of yTicks) out.push(`<text x="${M.left - 6}" y="${f(ly(y) + 4)}" text-anchor="end">${esc(fmtSeconds(y))}</text>`);
  out.push(`<text x="${M.left + plotW / 2}" y="${H - 18}" text-anchor="middle" font-size="13">N (exported types in the synthetic protocol, log scale)</text>`);
  out.push(`<text transform="translate(18 ${M.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="13">median wall time (log scale)</text>`);

  // Series.
  for (const s of series) {
    const color = COLORS[s.id] ?? "#555";
    const dash = DASH[s.id] ? ` stroke-dasharray="${DASH[s.id]}"` : "";
    if (s.pts.length > 1) {
      out.push(`<polyline fill="none" stroke="${color}" stroke-width="2.2"${dash} points="${s.pts.map(([x, y]) => `${f(lx(x))},${f(ly(y))}`).join(" ")}"/>`);
    }
    for (const [x, y] of s.pts) out.push(`<circle cx="${f(lx(x))}" cy="${f(ly(y))}" r="3.5" fill="${color}"><title>${esc(s.label)} N=${x}: ${esc(fmtSeconds(y))}</title></circle>`);
    for (const [x, why] of s.failed) {
      // Failed or timed-out cells: a cross on the top edge of the plot.
      const cx = lx(x);
      const cy = M.top + 8;
      out.push(`<path d="M${f(cx - 5)},${f(cy - 5)} L${f(cx + 5)},${f(cy + 5)} M${f(cx - 5)},${f(cy + 5)} L${f(cx + 5)},${f(cy - 5)}" stroke="${color}" stroke-width="2.2"><title>${esc(s.label)} N=${x}: ${why}</title></path>`);
    }
  }

  // Legend.
  const lgX = M.left + plotW + 20;
  let lgY = M.top + 10;
  out.push(`<text x="${lgX}" y="${lgY}" font-weight="bold">tool</text>`);
  lgY += 20;
  for (const s of series) {
    const color = COLORS[s.id] ?? "#555";
    const dash = DASH[s.id] ? ` stroke-dasharray="${DASH[s.id]}"` : "";
    out.push(`<line x1="${lgX}" y1="${lgY - 4}" x2="${lgX + 26}" y2="${lgY - 4}" stroke="${color}" stroke-width="2.2"${dash}/>`);
    out.push(`<circle cx="${lgX + 13}" cy="${lgY - 4}" r="3.5" fill="${color}"/>`);
    out.push(`<text x="${lgX + 34}" y="${lgY}">${esc(SHORT[s.id] ?? s.label)}</text>`);
    lgY += 22;
  }
  if (series.some((s) => s.failed.length)) {
    out.push(`<text x="${lgX}" y="${lgY + 6}" fill="#555">× on top edge = failed or</text>`);
    out.push(`<text x="${lgX}" y="${lgY + 22}" fill="#555">timed out (${results.meta.timeoutS} s)</text>`);
    lgY += 16;
    lgY += 22;
  }
  out.push(`<text x="${lgX}" y="${lgY + 10}" fill="#555">median of ${results.meta.runs} run(s)</text>`);
  out.push(`<text x="${lgX}" y="${lgY + 28}" fill="#555">sg = schemagate</text>`);
  out.push(`</svg>`);
  return `${out.join("\n")}\n`;
}
