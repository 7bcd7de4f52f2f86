import { describe, expect, it } from "vitest";
import {
  createGate,
  EXPERIMENTAL_API_ERROR_CODE,
  experimentalApiOptIn,
  InvalidInventoryError,
  type Inventory,
} from "../../src/runtime/index.js";
import { inventory, ref } from "./inventory.js";

const app = inventory(
  {
    "thread/start": {
      direction: "clientRequest",
      params: ref("v2.ThreadStartParams"),
    },
    "thread/realtime/start": { direction: "clientRequest", experimental: "thread/realtime/start" },
    "config/read": { direction: "clientRequest" },
    "initialize": { direction: "clientRequest" },
    "thread/closed": { direction: "serverNotification" },
    "thread/realtime/delta": { direction: "serverNotification", experimental: "thread/realtime/delta" },
    "item/tool/call": { direction: "serverRequest", experimental: "item/tool/call" },
    "item/approval/request": { direction: "serverRequest" },
  },
  {
    "v2.ThreadStartParams": {
      kind: "object",
      fields: [
        {
          name: "persistExtendedHistory",
          experimental: "thread/start.persistExtendedHistory",
          presence: "boolean",
        },
      ],
    },
  },
);
const gate = createGate(app);

describe("reason", () => {
  it("names an experimental method whatever its params", () => {
    expect(gate.reason("thread/realtime/start", undefined)).toBe("thread/realtime/start");
    expect(gate.reason("thread/realtime/start", {})).toBe("thread/realtime/start");
  });

  it("inspects params of a stable method", () => {
    expect(gate.reason("thread/start", { model: "m" })).toBeNull();
    expect(gate.reason("thread/start", { persistExtendedHistory: false })).toBeNull();
    expect(gate.reason("thread/start", { persistExtendedHistory: true })).toBe("thread/start.persistExtendedHistory");
  });

  it("finds nothing for stable methods without inspectable params, or unknown methods", () => {
    expect(gate.reason("config/read", { persistExtendedHistory: true })).toBeNull();
    expect(gate.reason("no/such/method", { persistExtendedHistory: true })).toBeNull();
    expect(gate.reason("toString", {})).toBeNull();
    expect(gate.reason("__proto__", {})).toBeNull();
  });
});

describe("check", () => {
  it("returns the JSON-RPC error for experimental use without opt-in", () => {
    expect(gate.check("thread/realtime/start", {}, false)).toStrictEqual({
      code: -32600,
      message: "thread/realtime/start requires experimentalApi capability",
    });
    expect(gate.check("thread/start", { persistExtendedHistory: true }, false)).toStrictEqual({
      code: EXPERIMENTAL_API_ERROR_CODE,
      message: "thread/start.persistExtendedHistory requires experimentalApi capability",
    });
    expect(EXPERIMENTAL_API_ERROR_CODE).toBe(-32600);
  });

  it("allows everything once opted in", () => {
    expect(gate.check("thread/realtime/start", {}, true)).toBeNull();
    expect(gate.check("thread/start", { persistExtendedHistory: true }, true)).toBeNull();
  });

  it("allows stable use without opt-in", () => {
    expect(gate.check("thread/start", { persistExtendedHistory: false }, false)).toBeNull();
    expect(gate.check("config/read", undefined, false)).toBeNull();
    expect(gate.check("unknown/method", {}, false)).toBeNull();
  });

  it("returns a fresh error object each time", () => {
    const first = gate.check("thread/realtime/start", {}, false);
    const second = gate.check("thread/realtime/start", {}, false);
    expect(first).not.toBe(second);
  });
});

describe("allowsNotification", () => {
  it("lets stable notifications and server requests through to everyone", () => {
    for (const optedIn of [false, true]) {
      expect(gate.allowsNotification("thread/closed", optedIn)).toBe(true);
      expect(gate.allowsNotification("item/approval/request", optedIn)).toBe(true);
    }
  });

  it("sends experimental notifications and server requests only to opted-in connections", () => {
    expect(gate.allowsNotification("thread/realtime/delta", false)).toBe(false);
    expect(gate.allowsNotification("thread/realtime/delta", true)).toBe(true);
    expect(gate.allowsNotification("item/tool/call", false)).toBe(false);
    expect(gate.allowsNotification("item/tool/call", true)).toBe(true);
  });

  it("treats unknown methods as stable", () => {
    expect(gate.allowsNotification("some/other", false)).toBe(true);
    expect(gate.allowsNotification("constructor", false)).toBe(true);
  });
});

describe("experimentalApiOptIn", () => {
  it("is true only for capabilities.experimentalApi === true", () => {
    expect(experimentalApiOptIn({ clientInfo: { name: "c" }, capabilities: { experimentalApi: true } })).toBe(true);
    expect(experimentalApiOptIn(JSON.parse('{"capabilities":{"experimentalApi":true}}'))).toBe(true);
  });

  it("is false for every other shape", () => {
    const shapes: unknown[] = [
      undefined,
      null,
      true,
      "experimentalApi",
      [],
      [{ capabilities: { experimentalApi: true } }],
      {},
      { capabilities: null },
      { capabilities: true },
      { capabilities: [] },
      { capabilities: {} },
      { capabilities: { experimentalApi: false } },
      { capabilities: { experimentalApi: "true" } },
      { capabilities: { experimentalApi: 1 } },
      { capabilities: { experimental_api: true } },
      { experimentalApi: true },
      Object.create({ capabilities: { experimentalApi: true } }),
      { capabilities: Object.create({ experimentalApi: true }) },
    ];
    for (const params of shapes) expect(experimentalApiOptIn(params), JSON.stringify(params)).toBe(false);
  });
});

describe("createGate on a malformed inventory", () => {
  const cases: [string, unknown, string][] = [
    ["no gate", { entries: [] }, "gate"],
    ["dangling ref", inventory({ m: { direction: "clientRequest", params: ref("Missing") } }), 'gate.methods["m"].params.target'],
    ["unknown kind", inventory({}, { T: { kind: "intersection" } as never }), 'gate.types["T"].kind'],
    [
      "unknown presence",
      inventory({}, { T: { kind: "object", fields: [{ name: "f", experimental: "r", presence: "truthy" as never }] } }),
      'gate.types["T"].fields[0].presence',
    ],
    [
      "bad literal",
      inventory({}, { T: { kind: "union", members: [{ match: { kind: "literal", value: {} as never } }] } }),
      'gate.types["T"].members[0].match.value',
    ],
    ["reason not a string", inventory({ m: { direction: "clientRequest", experimental: true as never } }), 'gate.methods["m"].experimental'],
  ];

  it.each(cases)("throws InvalidInventoryError: %s", (_name, bad, path) => {
    let thrown: unknown;
    try {
      createGate(bad as Inventory);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInventoryError);
    expect((thrown as InvalidInventoryError).path).toBe(path);
  });

  it("accepts an inventory without types", () => {
    const gate = createGate({ entries: [], gate: { methods: { m: { direction: "clientRequest", experimental: "m" } } } } as never);
    expect(gate.reason("m", undefined)).toBe("m");
  });
});
