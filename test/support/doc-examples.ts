import { hasErrors } from "../../src/diagnostics/diagnostic.js";
import { formatDiagnostic } from "../../src/diagnostics/format.js";
import { analyzeInput } from "../../src/pipeline.js";
import { scanProject } from "../../src/scan/index.js";
import { emitMemoryModel, inputSetOf, MEMORY_OPTIONS, MEMORY_ROOT, type MemoryFile } from "./in-memory.js";

/**
 * Examples in a Markdown page whose outputs are what schemagate produces:
 * each `###` section may hold input blocks (```` ```ts input ```` or
 * ```` ```ts input:thread.ts ````, the first one being the file given to
 * `--input`), and between `<!-- output -->` and `<!-- /output -->` the JSON
 * Schema and TypeScript they generate, or the diagnostics they get.
 */

export interface DocExample {
  readonly title: string;
  readonly files: readonly MemoryFile[];
  /** The text between the output markers, as the page has it; undefined without markers. */
  readonly output: string | undefined;
}

const OPEN = "<!-- output -->";
const CLOSE = "<!-- /output -->";

export function readDocExamples(page: string): DocExample[] {
  return splitSections(page)
    .map(({ title, text }) => ({ title, files: inputBlocks(text), output: outputOf(text) }))
    .filter((example) => example.files.length > 0);
}

/** The page with every example's output region replaced by what schemagate produces now. */
export function rewriteDocOutputs(page: string): string {
  return splitSections(page)
    .map(({ text }) => {
      const files = inputBlocks(text);
      if (files.length === 0 || outputOf(text) === undefined) return text;
      const start = text.indexOf(OPEN) + OPEN.length;
      return `${text.slice(0, start)}\n${renderOutput(files)}${text.slice(text.indexOf(CLOSE))}`;
    })
    .join("");
}

/** What the output region holds for these inputs: the JSON Schema definitions and the TypeScript, or the diagnostics. */
export function renderOutput(files: readonly MemoryFile[]): string {
  const input = { ...inputSetOf(files), ...(files.length > 1 ? { entry: `${MEMORY_ROOT}/${files[0]!.path}` } : {}) };
  const { model, diagnostics } = analyzeInput(input, scanProject);
  const format = { baseDir: ".", cwd: MEMORY_ROOT, color: false };
  const printed = diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, format)).join("\n");
  if (hasErrors(diagnostics)) return fence("text", printed);
  const emitted = emitMemoryModel(model);
  const bundle = JSON.parse(emitted.get(`stable/json/${MEMORY_OPTIONS.settings.bundleName}.schemas.json`)!) as { definitions: unknown };
  const typescript = [...emitted]
    .filter(([file]) => file.startsWith("stable/typescript/") && !file.endsWith("index.ts"))
    .map(([file, text]) => `// ${file.slice("stable/typescript/".length)}\n${declarationText(text)}`);
  return [
    ...(printed ? ["Warnings:\n", fence("text", printed)] : []),
    "JSON Schema (the bundle's `definitions`):\n",
    fence("json", JSON.stringify(bundle.definitions, null, 2)),
    "TypeScript:\n",
    fence("ts", typescript.join("\n").trimEnd()),
  ].join("\n");
}

function fence(language: string, text: string): string {
  return `\`\`\`${language}\n${text}\n\`\`\`\n`;
}

/** A generated file without its header comment and imports. */
function declarationText(text: string): string {
  const lines = text.split("\n");
  let start = 0;
  while (start < lines.length && (lines[start]!.startsWith("//") || lines[start]!.startsWith("import ") || lines[start] === "")) start++;
  return lines.slice(start).join("\n").trimEnd() + "\n";
}

function splitSections(page: string): { title: string; text: string }[] {
  const parts = page.split(/(?=^### )/m);
  return parts.map((text) => ({ title: /^### (.*)$/m.exec(text)?.[1] ?? "", text }));
}

function inputBlocks(text: string): MemoryFile[] {
  const files: MemoryFile[] = [];
  for (const match of text.matchAll(/^```ts input(?::(\S+))?\n([\s\S]*?)^```$/gm)) {
    files.push({ path: match[1] ?? "schema.ts", text: match[2]! });
  }
  return files;
}

function outputOf(text: string): string | undefined {
  const start = text.indexOf(OPEN);
  const end = text.indexOf(CLOSE);
  return start < 0 || end < start ? undefined : text.slice(start + OPEN.length + 1, end);
}
