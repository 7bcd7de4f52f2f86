import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { acceptChanges, unacceptedBreaks, unusedAcceptedChanges } from "../../src/diff/accept.js";
import type { Change } from "../../src/diff/types.js";
import { renderDiffReport, type LocatedChange } from "../../src/output/diff-report.js";

const location = { file: "defs/schema.ts", line: 4, column: 3 };

function change(overrides: Partial<Change>): Change {
  return {
    rule: "field-required-added",
    scope: "client-sent",
    severity: "breaking",
    category: "wire",
    path: "thread/start params.cwd",
    target: "ThreadStartParams.cwd",
    message: 'required field "cwd" added',
    side: "head",
    location,
    ...overrides,
  };
}

const located = (item: Change): LocatedChange => ({ change: item, file: item.location.file, where: `${item.location.file}:${item.location.line}` });

describe("accepted changes in schemagate.config.json", () => {
  const config = (diff: unknown) => JSON.stringify({ input: "defs", diff });

  it("reads rule ids and rule id + path pairs, each with its reason", () => {
    const parsed = parseConfig(
      config({
        accept: [
          { rule: "enum-member-added", reason: "clients ignore unknown values" },
          { rule: "field-required-added", path: "thread/start params.cwd", reason: "no client sends thread/start yet" },
        ],
      }),
      "/x/schemagate.config.json",
    );
    expect(parsed.acceptedChanges).toEqual([
      { rule: "enum-member-added", reason: "clients ignore unknown values" },
      { rule: "field-required-added", path: "thread/start params.cwd", reason: "no client sends thread/start yet" },
    ]);
  });

  it.each([
    [{ accept: [{ rule: "field-gone", reason: "x" }] }, /"diff\.accept\[0\]": unknown rule "field-gone"; the rules are: method-removed, /],
    [{ accept: [{ rule: "field-removed" }] }, /"diff\.accept\[0\]": "reason" is required/],
    [{ accept: [{ rule: "field-removed", reason: " " }] }, /"reason" is required/],
    [{ accept: [{ rule: "field-removed", reason: "x", paths: [] }] }, /unknown key "paths"/],
    [{ accept: [{ rule: "field-removed", reason: "x", path: 3 }] }, /"path" must be a non-empty string/],
    [{ accept: {} }, /"diff\.accept" must be an array/],
    [{ ignore: [] }, /unknown setting "diff\.ignore"/],
    ["accept", /"diff" must be an object/],
  ])("refuses %j (a configuration error, exit 2)", (diff, message) => {
    expect(() => parseConfig(config(diff), "/x/schemagate.config.json")).toThrow(message);
    try {
      parseConfig(config(diff), "/x/schemagate.config.json");
    } catch (error) {
      expect((error as { exitCode: number }).exitCode).toBe(2);
    }
  });

  it("accepts a rule everywhere, or only at the path (or declaration path) named", () => {
    const changes = [change({}), change({ path: "thread/resume params.cwd", target: "ThreadResumeParams.cwd" }), change({ rule: "field-added", scope: "server-sent" })];
    const everywhere = acceptChanges(changes, [{ rule: "field-required-added", reason: "r" }]);
    expect(everywhere.map((item) => item.accepted?.reason)).toEqual(["r", "r", undefined]);
    const byPath = acceptChanges(changes, [{ rule: "field-required-added", path: "thread/start params.cwd", reason: "r" }]);
    expect(byPath.map((item) => item.accepted?.reason)).toEqual(["r", undefined, undefined]);
    const byTarget = acceptChanges(changes, [{ rule: "field-required-added", path: "ThreadResumeParams.cwd", reason: "r" }]);
    expect(byTarget.map((item) => item.accepted?.reason)).toEqual([undefined, "r", undefined]);
    expect(unacceptedBreaks(byTarget)).toHaveLength(2);
    expect(unusedAcceptedChanges(byPath, [{ rule: "field-required-added", path: "thread/start params.cwd", reason: "r" }, { rule: "field-removed", reason: "gone" }])).toEqual([
      { rule: "field-removed", reason: "gone" },
    ]);
    // Only breaking changes are ever marked.
    const safe = acceptChanges([change({ rule: "field-optional-added", severity: "safe" })], [{ rule: "field-optional-added", reason: "r" }]);
    expect(safe[0]!.accepted).toBeUndefined();
  });
});

describe("diff report formats", () => {
  const report = {
    base: "main",
    changes: [
      located(change({ message: 'value "a|b" added,\nsecond line 100%' })),
      located(change({ rule: "field-optional-added", severity: "safe", accepted: undefined })),
      located(change({ rule: "enum-member-added", scope: "server-sent", accepted: { reason: "clients ignore unknown values" } })),
    ],
  };

  it("json has the documented shape", () => {
    const parsed = JSON.parse(renderDiffReport(report, "json"));
    expect(parsed).toMatchObject({ version: 1, base: "main", breaking: true, summary: { breaking: 1, accepted: 1, safe: 1, additions: 0 } });
    expect(parsed.changes[2]).toEqual({
      rule: "enum-member-added",
      severity: "breaking",
      category: "wire",
      scope: "server-sent",
      path: "thread/start params.cwd",
      target: "ThreadStartParams.cwd",
      message: 'required field "cwd" added',
      location: { side: "head", file: "defs/schema.ts", line: 4, column: 3 },
      accepted: { reason: "clients ignore unknown values" },
    });
  });

  it("markdown is a table whose cells cannot break out of their column", () => {
    const text = renderDiffReport(report, "markdown");
    expect(text).toContain("| severity | rule | path | location | change |");
    expect(text).toContain('| **breaking** | `field-required-added` | `thread/start params.cwd` | `defs/schema.ts:4` | value "a\\|b" added, second line 100% |');
    expect(text).toContain("| accepted | `enum-member-added` |");
  });

  it("github annotations escape what workflow commands give meaning to", () => {
    const lines = renderDiffReport(report, "github").split("\n");
    expect(lines[0]).toBe(
      '::error file=defs/schema.ts,line=4,col=3,title=schemagate diff field-required-added::thread/start params.cwd: value "a|b" added,%0Asecond line 100%25',
    );
    expect(lines[1]).toMatch(/^::notice file=.*title=schemagate diff field-optional-added::/);
    expect(lines[2]).toMatch(/^::notice .*\(accepted: clients ignore unknown values\)$/);
    const colon = renderDiffReport({ base: "x", changes: [{ ...located(change({})), file: "a:b,c.ts" }] }, "github");
    expect(colon).toContain("file=a%3Ab%2Cc.ts,");
  });

  it("text says when nothing changed", () => {
    expect(renderDiffReport({ base: "v1", changes: [] }, "text")).toBe("no changes to the stable surface since v1\n");
  });
});
