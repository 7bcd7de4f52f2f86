#!/usr/bin/env node
/**
 * "Bare start" baseline for the app-server row: the least any ts-morph based tool
 * must do on the protocol-defs, i.e. start node, import ts-morph (the same copy
 * schemagate uses, resolved from the repo root) and parse the files.
 *
 *   node bench/bare-start.mjs DIR     prints the number of source files under DIR
 */
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..");
const dir = resolve(process.argv[2] ?? join(repoRoot, "protocol-defs"));

const require = createRequire(join(repoRoot, "package.json"));
const { Project } = await import(pathToFileURL(require.resolve("ts-morph")).href);

const project = new Project({ skipAddingFilesFromTsConfig: true });
project.addSourceFilesAtPaths(`${dir.split("\\").join("/")}/**/*.ts`);
console.log(project.getSourceFiles().length);
