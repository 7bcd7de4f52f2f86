import { describe, expect, it } from "vitest";
import { emitTypeScript } from "../../src/emit/typescript/index.js";
import type { Model } from "../../src/model/types.js";
import { alias, modelOf, ref } from "./builders.js";
import { clashModel, protocolModel } from "./models.js";
import { MODULE_SETTINGS, typecheck } from "./typecheck.js";

const options = { regenerateCommand: "schemagate write" };
const HEADER = "// GENERATED CODE! DO NOT MODIFY BY HAND!\n// Regenerate with: schemagate write\n\n";

function emitted(model: Model): Map<string, string> {
  return emitTypeScript(model, options);
}

/** A file's text after the generated header. */
function body(files: Map<string, string>, path: string): string {
  const text = files.get(path);
  if (text === undefined) throw new Error(`no file ${path}; have ${[...files.keys()].join(", ")}`);
  expect(text.startsWith(HEADER)).toBe(true);
  return text.slice(HEADER.length);
}

/** Uses the protocol's types the way a client would; each `@ts-expect-error` must meet an error. */
const PROTOCOL_CONSUMER = `
import type { ClientRequest, Documented, Empty, Extended, JsonValue, Labels, Level, Metadata, Mode, Nothing, Pair, ServerNotification, Tree, Weird, v2 } from "./index.js";

const thread: v2.Thread = {
  id: "t",
  status: "archived",
  parent: { id: "root", title: null },
  createdAt: "2024-01-01T00:00:00Z",
  items: [{ type: "text", text: "hi" }, { type: "image", url: "u" }],
};
const start: ClientRequest = { method: "thread/start", id: "1", params: { mode: "fast", tags: ["a", 1], effort: null, sandbox: "custom" } };
const read: ClientRequest = { method: "config/read", id: 2 };
// @ts-expect-error unknown method
const unknownMethod: ClientRequest = { method: "thread/stop", id: 3 };
// @ts-expect-error closed object
const extraField: v2.ThreadStartResponse = { thread, extra: 1 };
// @ts-expect-error not a member of the union
const badStatus: v2.ThreadStatus = "deleted";
const meta: Metadata = { version: 1, label: "x", anything: true };
// @ts-expect-error the index signature admits only the declared value types
const badMeta: Metadata = { version: 1, other: [1] };
const labels: Labels = { a: "b" };
const tree: Tree = { value: "root", children: [{ value: "leaf", children: [] }] };
const json: JsonValue = { a: [1, "two", null, { b: true }] };
const pair: Pair = ["a", 1];
// @ts-expect-error tuple length
const longPair: Pair = ["a", 1, 2];
const nothing: Nothing = [];
const empty: Empty = {};
// @ts-expect-error a closed empty object
const notEmpty: Empty = { a: 1 };
const extended: Extended = { id: "x", name: "n" };
const weird: Weird = { "kebab-case": "k", "with space": 1 };
const level: Level = 2;
const mode: Mode = "slow";
const item: v2.sub.Item = { type: "text", text: "t" };
const config: v2.Config = { values: { a: "b" }, extra: true };
const notification: ServerNotification = { method: "thread/started", params: thread };
const documented: Documented = { count: 1 };
`;

const CLASH_CONSUMER = `
import type { Keyed, UsesArray, v1, v2, v2_ns } from "./index.js";

const inner: v2_ns.Thread = { root: { id: "r" }, taken: "t", self: null };
const pair: v2_ns.Pair = { a: { id: "root" }, b: inner, c: { x: 1 } };
// @ts-expect-error "a" is the root Thread, not v1's
const wrong: v2_ns.Pair = { a: { x: 1 }, b: inner, c: { x: 1 } };
const other: v1.Thread = { x: 2 };
const version: v2 = "v2";
const keyed: Keyed = { a: "b" };
const strings: UsesArray = ["a"];
`;

describe("emitTypeScript layout", () => {
  it("writes one file per declaration and an index per namespace folder, sorted by path", () => {
    const files = emitted(protocolModel);
    expect([...files.keys()]).toEqual([
      "Anything.ts", "Base.ts", "ClientRequest.ts", "Documented.ts", "Empty.ts", "Extended.ts", "JsonValue.ts",
      "Labels.ts", "Level.ts", "Metadata.ts", "Mode.ts", "Nothing.ts", "Pair.ts", "RequestId.ts",
      "ServerNotification.ts", "Thread.ts", "Tree.ts", "Weird.ts", "index.ts",
      "v2/Config.ts", "v2/ConfigBase.ts", "v2/Thread.ts", "v2/ThreadStartParams.ts", "v2/ThreadStartResponse.ts",
      "v2/ThreadStatus.ts", "v2/Timestamp.ts", "v2/index.ts", "v2/sub/Item.ts", "v2/sub/index.ts",
    ]);
    for (const text of files.values()) {
      expect(text.startsWith(HEADER)).toBe(true);
      expect(text.endsWith(";\n")).toBe(true);
    }
  });

  it("imports across namespaces with sorted relative .js specifiers", () => {
    const files = emitted(protocolModel);
    expect(body(files, "ClientRequest.ts")).toBe(
      [
        'import type { RequestId } from "./RequestId.js";',
        'import type { ThreadStartParams } from "./v2/ThreadStartParams.js";',
        "",
        "export type ClientRequest =",
        "  | {",
        '      method: "thread/start";',
        "      id: RequestId;",
        "      params: ThreadStartParams;",
        "    }",
        "  | {",
        '      method: "config/read";',
        "      id: RequestId;",
        "    };",
        "",
      ].join("\n"),
    );
    expect(body(files, "v2/Thread.ts")).toContain(
      [
        'import type { Thread as root_Thread } from "../Thread.js";',
        'import type { ThreadStatus } from "./ThreadStatus.js";',
        'import type { Timestamp } from "./Timestamp.js";',
        'import type { Item } from "./sub/Item.js";',
      ].join("\n"),
    );
    expect(body(files, "v2/Thread.ts")).toContain("  parent: root_Thread | null;");
  });

  it("writes index files with type-only re-exports and namespace exports", () => {
    const files = emitted(protocolModel);
    const root = body(files, "index.ts");
    expect(root).toContain('export type { Anything } from "./Anything.js";\nexport type { Base } from "./Base.js";\n');
    expect(root.endsWith('export type { Weird } from "./Weird.js";\nexport type * as v2 from "./v2/index.js";\n')).toBe(true);
    expect(body(files, "v2/sub/index.ts")).toBe('export type { Item } from "./Item.js";\n');
    expect(body(files, "v2/index.ts")).toContain('export type * as sub from "./sub/index.js";\n');
  });

  it("writes a root index for a model whose declarations all live in namespaces, and for an empty model", () => {
    const files = emitted(modelOf([alias("v2.Only", ref("v2.Only"))]));
    expect(body(files, "index.ts")).toBe('export type * as v2 from "./v2/index.js";\n');
    expect(body(emitted(modelOf([])), "index.ts")).toBe("export type {};\n");
  });
});

describe("emitTypeScript types", () => {
  const files = emitted(protocolModel);

  it("renders JSDoc: description, sorted tags, @deprecated, escaped comment ends", () => {
    expect(body(files, "Documented.ts")).toContain(
      [
        "/** Documented object. */",
        "export type Documented = {",
        "  /**",
        "   * How many.",
        "   * A second line with *\\/ inside.",
        "   *",
        "   * @default 3",
        "   * @maximum 10",
        "   * @minimum 0",
        "   */",
        "  count: number;",
        "  /**",
        "   * @format uri",
        "   * @pattern ^https?:",
        "   */",
        "  url?: string;",
        "  /** A documented reference. */",
        "  when?: Timestamp;",
        "  /** @deprecated Use url. */",
        "  old?: string;",
      ].join("\n"),
    );
  });

  it("renders enums as unions of values with member docs", () => {
    expect(body(files, "Mode.ts")).toBe('export type Mode = "fast" | "slow";\n');
    expect(body(files, "Level.ts")).toBe(
      "export type Level =\n  /** Barely. */\n  | 1\n  /** @deprecated Use Low. */\n  | 2;\n",
    );
    expect(body(files, "v2/ThreadStatus.ts")).toBe(
      'export type ThreadStatus =\n  | "active"\n  | "closed"\n  /** Kept read-only. */\n  | "archived";\n',
    );
  });

  it("renders every type kind", () => {
    expect(body(files, "JsonValue.ts")).toBe(
      "export type JsonValue = string | number | boolean | null | JsonValue[] | { [key in string]?: JsonValue };\n",
    );
    expect(body(files, "Pair.ts")).toBe("export type Pair = [string, number];\n");
    expect(body(files, "Nothing.ts")).toBe("export type Nothing = [];\n");
    expect(body(files, "Anything.ts")).toBe("export type Anything = unknown;\n");
    expect(body(files, "Empty.ts")).toBe("export type Empty = { [key: string]: never };\n");
    expect(body(files, "Extended.ts")).toBe(
      'import type { Base } from "./Base.js";\n\nexport type Extended = Base & {\n  name?: string;\n};\n',
    );
    expect(body(files, "Metadata.ts")).toBe(
      "export type Metadata = {\n  version: number;\n  label?: string;\n  [key: string]: boolean | number | string | undefined;\n};\n",
    );
    expect(body(files, "Weird.ts")).toBe(
      'export type Weird = {\n  "kebab-case": string;\n  "with space"?: number;\n  __proto__?: boolean;\n};\n',
    );
    const params = body(files, "v2/ThreadStartParams.ts");
    expect(params).toContain('  effort?: "low" | "high" | null;\n  mixed?: "a" | 1;\n  tags: (string | number)[];\n');
    expect(params).toContain('  sandbox?:\n    | "read-only"\n    | "workspace-write"\n');
  });
});

describe("emitTypeScript name clashes", () => {
  const files = emitted(clashModel);

  it("keeps the file's own namespace's name and aliases the others", () => {
    expect(body(files, "v2/Pair.ts")).toContain(
      [
        'import type { Thread as root_Thread } from "../Thread.js";',
        'import type { Thread as v1_Thread } from "../v1/Thread.js";',
        'import type { Thread } from "./Thread.js";',
        "",
        "export type Pair = {",
        "  a: root_Thread;",
        "  b: Thread;",
        "  c: v1_Thread;",
      ].join("\n"),
    );
  });

  it("aliases an import named like the file, numbering an alias that is taken", () => {
    expect(body(files, "v2/Thread.ts")).toBe(
      [
        'import type { Thread as root_Thread2 } from "../Thread.js";',
        'import type { root_Thread } from "../root_Thread.js";',
        "",
        "export type Thread = {",
        "  root: root_Thread2;",
        "  taken: root_Thread;",
        "  self: Thread | null;",
        "};",
        "",
      ].join("\n"),
    );
  });

  it("exports a namespace named like a declaration as <name>_ns", () => {
    const root = body(files, "index.ts");
    expect(root).toContain('export type { v2 } from "./v2.js";\n');
    expect(root).toContain('export type * as v2_ns from "./v2/index.js";\n');
  });

  it("picks a mapped-type key that shadows no imported name", () => {
    expect(body(files, "Keyed.ts")).toContain("export type Keyed = { [key2 in string]?: key };");
  });

  it("rejects a declaration whose file would be the namespace index", () => {
    expect(() => emitted(modelOf([alias("index", ref("index"))]))).toThrow(/index/);
  });
});

describe("emitTypeScript output compiles under tsc --strict", () => {
  const cases = [
    ["protocol", protocolModel, PROTOCOL_CONSUMER],
    ["clash", clashModel, CLASH_CONSUMER],
  ] as const;
  for (const setting of MODULE_SETTINGS) {
    for (const [name, model, consumer] of cases) {
      it(`${name} model with ${setting} resolution`, () => {
        const files = new Map(emitted(model)).set("consumer.ts", consumer);
        expect(typecheck(files, setting)).toEqual([]);
      });
    }
  }

  it("reports errors, so a clean result means something", () => {
    const files = new Map(emitted(protocolModel)).set("consumer.ts", 'import type { Mode } from "./index.js";\nconst m: Mode = "medium";\n');
    expect(typecheck(files, "bundler").join("\n")).toContain("consumer.ts(2,7)");
  });
});
