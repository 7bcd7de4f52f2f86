import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { findConfig } from "../../src/config.js";
import type { Inventory } from "../../src/model/inventory-types.js";
import { AUDIENCES, type Audience } from "../../src/model/types.js";
import { readTree } from "../../src/output/tree.js";
import type { JsonSchemaDraft } from "../../src/emit/json-schema/dialect.js";
import { loadModel } from "../../src/pipeline.js";
import { createTimings } from "../../src/timings.js";
import { caseConfig, discoverCases, FIXTURES } from "./golden.js";
import { emitMemoryModel } from "./in-memory.js";

/**
 * Emitted artifacts as they sit on disk, read back for meaning checks: the
 * golden cases' `expected/` folders and the app-server `generated/` folder.
 */

export type AudienceName = Audience;
export { AUDIENCES };

export interface AudienceArtifacts {
  /** Files under the audience's `typescript/`, by relative POSIX path. */
  readonly typescript: ReadonlyMap<string, string>;
  /** Files under the audience's `json/`, by relative POSIX path. */
  readonly json: ReadonlyMap<string, string>;
}

export interface Sample {
  /** Declaration id: "Thread", "v2.Thread". */
  readonly type: string;
  readonly audience: AudienceName | "both";
  readonly value: unknown;
  readonly why?: string;
}

export interface Samples {
  readonly valid: readonly Sample[];
  readonly invalid: readonly Sample[];
}

export interface Artifacts {
  /** "fixtures/<case>" or "generated": names tests and failures ("… (2020-12)" for the in-memory 2020-12 emission). */
  readonly name: string;
  /** The JSON Schema draft of the `json` trees. */
  readonly draft: JsonSchemaDraft;
  readonly bundleName: string;
  readonly audiences: Readonly<Record<AudienceName, AudienceArtifacts>>;
  readonly inventory: Inventory | undefined;
  readonly samples: Samples | undefined;
}

export const REPO = path.resolve(import.meta.dirname, "../..");
export const GENERATED = path.join(REPO, "generated");

/** Whether `generated/` exists: the app-server checks skip (and say so) only while it does not. */
export const GENERATED_EXISTS = existsSync(GENERATED);

/** Golden cases with emitted output (`expected/stable`); failing cases (diagnostics.txt only) have none. */
export async function loadGoldenArtifacts(): Promise<Artifacts[]> {
  const found: Artifacts[] = [];
  for (const name of await discoverCases()) {
    const expected = path.join(FIXTURES, name, "expected");
    if (!(await isDirectory(path.join(expected, "stable")))) continue;
    found.push({
      name: `fixtures/${name}`,
      draft: caseConfig(name).jsonSchemaDraft,
      bundleName: caseConfig(name).bundleName,
      audiences: {
        stable: await readAudience(path.join(expected, "stable")),
        experimental: await readAudience(path.join(expected, "experimental")),
      },
      inventory: await readJson<Inventory>(path.join(expected, "inventory.json")),
      samples: await readJson<Samples>(path.join(FIXTURES, name, "samples.json")),
    });
  }
  return found;
}

/** `generated/` laid out as `write` does: stable at the root, experimental under `experimental/`. */
export async function loadGeneratedArtifacts(): Promise<Artifacts | undefined> {
  if (!GENERATED_EXISTS) return undefined;
  const config = await findConfig(REPO);
  if (!config) throw new Error(`no schemagate.config.json in ${REPO}`);
  return {
    name: "generated",
    draft: config.jsonSchemaDraft,
    bundleName: config.bundleName,
    audiences: {
      stable: await readAudience(GENERATED),
      experimental: await readAudience(path.join(GENERATED, "experimental")),
    },
    inventory: await readJson<Inventory>(path.join(GENERATED, "experimental-inventory.json")),
    samples: undefined,
  };
}

/**
 * The golden cases and the flagship emitted in memory in the other draft
 * (2020-12 where the committed trees are draft-07), so every check that reads
 * committed schemas also runs on that draft with the same samples.
 */
export async function loadOtherDraftArtifacts(committed: readonly Artifacts[]): Promise<Artifacts[]> {
  const found: Artifacts[] = [];
  for (const subject of committed) {
    const config = subject.name === "generated" ? await findConfig(REPO) : caseConfig(subject.name.slice("fixtures/".length));
    const draft: JsonSchemaDraft = subject.draft === "07" ? "2020-12" : "07";
    const { model } = await loadModel(config!, createTimings());
    if (!model) throw new Error(`${subject.name}: the definitions have errors`);
    const files = emitMemoryModel(model, { jsonSchemaDraft: draft, envelope: config!.envelope, bundleName: subject.bundleName });
    const pick = (prefix: string) => new Map([...files].filter(([file]) => file.startsWith(prefix)).map(([file, text]) => [file.slice(prefix.length), text]));
    const audience = (name: AudienceName): AudienceArtifacts => ({ typescript: pick(`${name}/typescript/`), json: pick(`${name}/json/`) });
    found.push({ ...subject, name: `${subject.name} (${draft})`, draft, audiences: { stable: audience("stable"), experimental: audience("experimental") } });
  }
  return found;
}

/** Golden cases first, then `generated/` when it exists. */
export async function loadAllArtifacts(): Promise<Artifacts[]> {
  const generated = await loadGeneratedArtifacts();
  return [...(await loadGoldenArtifacts()), ...(generated ? [generated] : [])];
}

async function readAudience(folder: string): Promise<AudienceArtifacts> {
  return { typescript: await readTree(path.join(folder, "typescript")), json: await readTree(path.join(folder, "json")) };
}

async function readJson<T>(file: string): Promise<T | undefined> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

async function isDirectory(folder: string): Promise<boolean> {
  return (await stat(folder).catch(() => undefined))?.isDirectory() ?? false;
}

/** The parsed `<bundle>.schemas.json` of one audience; throws naming the file when it is missing. */
export function bundleOf(artifacts: Artifacts, audience: AudienceName): Record<string, unknown> {
  const file = `${artifacts.bundleName}.schemas.json`;
  const text = artifacts.audiences[audience].json.get(file);
  if (text === undefined) throw new Error(`${artifacts.name}: ${audience}/json/${file} is missing`);
  return JSON.parse(text) as Record<string, unknown>;
}
