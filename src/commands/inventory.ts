import path from "node:path";
import { resolveInputConfig } from "../config.js";
import { buildInventory } from "../model/inventory.js";
import type { InventoryEntry } from "../model/inventory-types.js";
import { serializeInventory } from "../output/inventory-json.js";
import { loadModel } from "../pipeline.js";
import { reportDiagnostics, withTimings, type CommonOptions } from "./io.js";

export interface InventoryOptions extends CommonOptions {
  readonly input?: string;
  /** A config file to read instead of the one found from `cwd`. */
  readonly config?: string;
  readonly json?: boolean;
}

/** Lists every experimental element: a table for reviewers, or the inventory JSON the gate reads. */
export async function inventory(options: InventoryOptions): Promise<number> {
  return withTimings(options, async (timings) => {
    const config = await resolveInputConfig(options.cwd, options.input, options.config);
    const { model, diagnostics } = await loadModel(config, timings);
    reportDiagnostics(diagnostics, config, options);
    if (!model) return 1;
    const result = buildInventory(model);
    if (options.json) {
      options.output.stdout(serializeInventory(result));
      return 0;
    }
    const relocate = (location: string) => {
      const [file, line] = [location.slice(0, location.lastIndexOf(":")), location.slice(location.lastIndexOf(":") + 1)];
      return `${path.relative(options.cwd, path.resolve(config.baseDir, file)).split(path.sep).join("/")}:${line}`;
    };
    const rows = result.entries.map((entry) => [entry.reason, entry.kind, describeWhere(entry), relocate(entry.location)]);
    options.output.stdout(renderTable(["reason", "kind", "where", "location"], rows));
    options.output.stdout(`\n${result.entries.length} experimental element${result.entries.length === 1 ? "" : "s"}\n`);
    return 0;
  });
}

function describeWhere(entry: InventoryEntry): string {
  switch (entry.kind) {
    case "method":
      return entry.method ?? "";
    case "type":
      return entry.type ?? "";
    case "field":
      return `${entry.type}.${entry.field}`;
    case "member":
      return `${entry.type} | ${entry.member}`;
  }
}

function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n") + "\n";
}
