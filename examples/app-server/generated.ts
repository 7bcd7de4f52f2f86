/**
 * Finds and reads the artifacts `schemagate write` (stable) and
 * `schemagate write --experimental` produce: the inventory the gate compiles,
 * and the JSON Schemas params and results are checked against.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Inventory } from "../../src/runtime/index.js";
import type { EnvelopeStyle } from "./jsonrpc.js";

/** Stable: what a client without the opt-in may see. Experimental: everything. */
export type Audience = "stable" | "experimental";

export const CONFIG_FILE = "schemagate.config.json";
const INVENTORY_FILE = "experimental-inventory.json";
const REGENERATE_HINT = "run `npm run -s write-app-server-schema` at the repo root";

export interface GeneratedArtifacts {
  /** The managed folder, absolute. */
  readonly dir: string;
  readonly inventory: Inventory;
  /**
   * The `envelope` setting of the config that wrote the folder, read from the
   * stable `ClientRequest.json`: `jsonrpc2` when its messages require `"jsonrpc"`.
   */
  readonly envelope: EnvelopeStyle;
  /** Reads `<json folder of audience>/<relativePath>` as JSON; undefined when the file does not exist. */
  readJsonSchema(audience: Audience, relativePath: string): unknown;
  /**
   * Every JSON Schema of the audience by relative POSIX path. Per-type files
   * refer into the bundle by relative path, so a validator loads them together.
   */
  readAllJsonSchemas(audience: Audience): Map<string, unknown>;
}

/**
 * The managed folder of the project this module lives in: walks up from `start`
 * (this module's folder, so it works from `src` and from compiled output alike,
 * whatever the cwd) to `schemagate.config.json` and reads its `output` setting.
 */
export function findGeneratedDir(start: string): string {
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    const config = path.join(folder, CONFIG_FILE);
    if (existsSync(config)) {
      const settings = JSON.parse(readFileSync(config, "utf8")) as { output?: unknown };
      return path.resolve(folder, typeof settings.output === "string" ? settings.output : "generated");
    }
    if (path.dirname(folder) === folder) throw new Error(`no ${CONFIG_FILE} in ${start} or above; pass --generated <dir>`);
  }
}

export function readGenerated(dir: string): GeneratedArtifacts {
  const inventoryFile = path.join(dir, INVENTORY_FILE);
  if (!existsSync(inventoryFile)) throw new Error(`${inventoryFile} not found; ${REGENERATE_HINT}`);
  const jsonDirs: Record<Audience, string> = {
    stable: path.join(dir, "json"),
    experimental: path.join(dir, "experimental", "json"),
  };
  for (const jsonDir of Object.values(jsonDirs)) {
    if (!existsSync(jsonDir)) throw new Error(`${jsonDir} not found; ${REGENERATE_HINT}`);
  }
  return {
    dir,
    inventory: JSON.parse(readFileSync(inventoryFile, "utf8")) as Inventory,
    envelope: envelopeOf(path.join(jsonDirs.stable, "ClientRequest.json")),
    readJsonSchema(audience, relativePath) {
      const file = path.join(jsonDirs[audience], relativePath);
      return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as unknown) : undefined;
    },
    readAllJsonSchemas(audience) {
      const schemas = new Map<string, unknown>();
      for (const entry of readdirSync(jsonDirs[audience], { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith(".json")) continue;
        const file = path.join(entry.parentPath, entry.name);
        schemas.set(path.relative(jsonDirs[audience], file).split(path.sep).join("/"), JSON.parse(readFileSync(file, "utf8")));
      }
      return schemas;
    },
  };
}

/** `jsonrpc2` when the envelope's messages (one, or the members of its `anyOf`) require `"jsonrpc"`. */
function envelopeOf(file: string): EnvelopeStyle {
  if (!existsSync(file)) throw new Error(`${file} not found; ${REGENERATE_HINT}`);
  const schema = JSON.parse(readFileSync(file, "utf8")) as { required?: string[]; anyOf?: { required?: string[] }[] };
  const messages = schema.anyOf ?? [schema];
  return messages.every((message) => message.required?.includes("jsonrpc")) ? "jsonrpc2" : "lite";
}
