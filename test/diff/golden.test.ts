import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/program.js";
import { DIFF_RULES, RULE_IDS } from "../../src/diff/rules.js";

/**
 * Every `fixtures-diff/<case>/` holds `base/` and `head/` definitions, a
 * `schemagate.config.json` naming `head` as the input (and any accepted
 * changes), and `expected.txt`: the exit code, then what `schemagate diff
 * --base base` prints, run in the case folder. `UPDATE=1` rewrites them.
 */

const FIXTURES = fileURLToPath(new URL("../../fixtures-diff/", import.meta.url));
const cases = (await readdir(FIXTURES, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

async function runCase(name: string): Promise<string> {
  let stdout = "";
  let stderr = "";
  const output = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text) };
  const code = await runCli(["diff", "--base", "base"], { cwd: path.join(FIXTURES, name), output });
  return `exit ${code}\n${stdout}${stderr ? `--- stderr\n${stderr}` : ""}`;
}

const reports = new Map<string, string>();

describe("diff golden cases (fixtures-diff/<case>; UPDATE=1 rewrites expected.txt)", () => {
  for (const name of cases) {
    it(name, async () => {
      const report = await runCase(name);
      reports.set(name, report);
      const file = path.join(FIXTURES, name, "expected.txt");
      if (process.env.UPDATE) await writeFile(file, report);
      expect(report).toBe(await readFile(file, "utf8"));
    });
  }

  it("has a case named after every rule, whose report shows that rule", async () => {
    for (const rule of RULE_IDS) {
      expect(cases, `fixtures-diff/${rule} is missing`).toContain(rule);
      const expected = await readFile(path.join(FIXTURES, rule, "expected.txt"), "utf8");
      expect(expected, `fixtures-diff/${rule}/expected.txt does not report ${rule}`).toMatch(new RegExp(`\\s${rule}\\s`));
    }
  });

  it("documents every rule in docs/diff-rules.md with its one-line meaning and a before/after example", async () => {
    const docs = await readFile(new URL("../../docs/diff-rules.md", import.meta.url), "utf8");
    const sections = docs.split(/^### (?=`)/m).slice(1);
    expect(sections.map((section) => section.slice(1, section.indexOf("`", 1))).sort()).toEqual([...RULE_IDS].sort());
    for (const section of sections) {
      const rule = section.slice(1, section.indexOf("`", 1)) as keyof typeof DIFF_RULES;
      const summary = DIFF_RULES[rule].summary;
      expect(section, rule).toContain(`${summary[0]!.toUpperCase()}${summary.slice(1)}.`);
      expect(section, rule).toMatch(/```ts\n\/\/ before\n[\s\S]+\n\/\/ after\n/);
    }
  });

  it("reports nothing breaking for the no-break cases", async () => {
    const noBreak = cases.filter((name) => name.startsWith("no-break-") || name.startsWith("safe-") || name === "field-optional-added");
    expect(noBreak.length).toBeGreaterThanOrEqual(5);
    for (const name of noBreak) {
      const expected = await readFile(path.join(FIXTURES, name, "expected.txt"), "utf8");
      expect(expected.startsWith("exit 0\n"), name).toBe(true);
      expect(expected, name).not.toMatch(/^breaking/m);
    }
  });
});
