import { execFileSync, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT, projectFolder, runBinary } from "./support/cli-process.js";

/** What a user gets from npm: the files shipped, the license, the README's code, the Node versions named. */

const packageJson = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as {
  license: string;
  engines: { node: string };
  exports: Record<string, string>;
};

describe("the published package", () => {
  it("ships docs/ (which the README links to) and an MIT LICENSE matching package.json", async () => {
    const packed = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--ignore-scripts", "--json"], { cwd: ROOT, encoding: "utf8" })) as [
      { files: { path: string }[] },
    ];
    const files = new Set(packed[0].files.map((file) => file.path));
    expect(files).toContain("LICENSE");
    const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
    const docLinks = [...readme.matchAll(/\]\((docs\/[^)#]+)/g)].map((match) => match[1]!);
    expect(docLinks.length).toBeGreaterThan(0);
    for (const link of docLinks) expect(files).toContain(link);
    expect(packageJson.license).toBe("MIT");
    expect((await readFile(path.join(ROOT, "LICENSE"), "utf8")).split("\n")[0]).toBe("MIT License");
  });

  it("names Node 20.19 as the least it runs on, and CommonJS can require every entry point there", async () => {
    // Node runs ES modules from `require` without a flag from 20.19 on (and 22.12 on the next line).
    expect(packageJson.engines.node).toBe(">=20.19");
    const dir = await mkdtemp(path.join(tmpdir(), "schemagate-require-"));
    await mkdir(path.join(dir, "node_modules"));
    await symlink(ROOT, path.join(dir, "node_modules", "schemagate"));
    const entries = Object.keys(packageJson.exports).map((entry) => entry.replace(/^\./, "schemagate"));
    await writeFile(
      path.join(dir, "main.cjs"),
      `for (const entry of ${JSON.stringify(entries)}) console.log(entry, Object.keys(require(entry)).length > 0);\n`,
    );
    const run = spawnSync(process.execPath, ["main.cjs"], { cwd: dir, encoding: "utf8" });
    expect(run.stderr.replace(/.*ExperimentalWarning.*\n|.*--trace-warnings.*\n/g, "")).toBe("");
    expect(run.stdout).toBe(entries.map((entry) => `${entry} true\n`).join(""));
  });
});

describe("the README's Ajv snippet", () => {
  it("compiles under strict NodeNext and validates @format as written", async () => {
    const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
    const block = [...readme.matchAll(/^( *)```ts\n([\s\S]*?)^\1```$/gm)].find((match) => match[2]!.includes("filesUnder"));
    expect(block).toBeDefined();
    const snippet = block![2]!.replace(new RegExp(`^${block![1]}`, "gm"), "");

    const project = await projectFolder({
      "schemagate.config.json": JSON.stringify({ input: "defs", output: "generated" }),
      "defs/v2/thread.ts": `
/** @methods clientRequest */
export interface ClientRequests { "thread/start": Request<ThreadStartParams, ThreadStartResponse> }
export interface ThreadStartParams {
  /** @format date-time */
  startedAt: string;
}
export interface ThreadStartResponse { id: string }
`,
    });
    expect(runBinary(["write"], project).code).toBe(0);

    // Inside the checkout, so that "ajv" and "ajv-formats" resolve as they would for a user who installed them.
    const scratch = path.join(ROOT, ".tmp", `readme-snippet-${process.pid}`);
    await mkdir(scratch, { recursive: true });
    try {
      const source = `${snippet}\nconsole.log(JSON.stringify([validate({ startedAt: "2026-01-02T03:04:05Z" }), validate({ startedAt: "yesterday" })]));\n`;
      const file = path.join(scratch, "snippet.mts");
      await writeFile(file, source);
      const options: ts.CompilerOptions = {
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ["node"],
        typeRoots: [path.join(ROOT, "node_modules/@types")],
      };
      const program = ts.createProgram([file], options);
      const errors = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      expect(errors).toEqual([]);
      const javascript = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
      await writeFile(path.join(scratch, "snippet.mjs"), javascript);
      const run = spawnSync(process.execPath, [path.join(scratch, "snippet.mjs")], { cwd: project, encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(run.stdout).toBe("[true,false]\n");
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});


describe("the repository", () => {
  it("keeps generated files LF in every checkout, as check compares them byte for byte", () => {
    const files = ["generated/experimental-inventory.json", "generated/typescript/index.ts", "fixtures/enums/expected/stable/json/schema.schemas.json"];
    const attributes = execFileSync("git", ["check-attr", "text", "eol", "--", ...files], { cwd: ROOT, encoding: "utf8" });
    expect(attributes).toBe(files.map((file) => `${file}: text: set\n${file}: eol: lf\n`).join(""));
  });
});
