/**
 * In-process tests of the example app-server's parts that do not need a
 * process: JSON-RPC parsing, --listen parsing, validation against the
 * generated schemas (including that the --check-output assertion can fail),
 * and which schema the router validates each connection's params against.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findGeneratedDir, readGenerated, type Audience } from "../../examples/app-server/generated.js";
import { RESULT_TYPES } from "../../examples/app-server/handlers/index.js";
import { parseMessage } from "../../examples/app-server/jsonrpc.js";
import { DEFAULT_LIMITS, readLimits } from "../../examples/app-server/limits.js";
import { AppServer } from "../../examples/app-server/server.js";
import { LineSplitter } from "../../examples/app-server/transport-stdio.js";
import { recordingLink } from "./support/recording-link.js";
import { isLoopback, parseWsListenUrl } from "../../examples/app-server/transport-ws.js";
import { createProtocolValidator, readEnvelopeMethods, type ProtocolValidator } from "../../examples/app-server/validation.js";
import { createGate, type GateType, type Presence } from "../../src/runtime/index.js";
import { REPO_ROOT } from "./support/paths.js";

describe("parseMessage", () => {
  it("requires \"jsonrpc\": \"2.0\" on every message for the jsonrpc2 envelope, and not for lite", () => {
    expect(parseMessage('{"jsonrpc":"2.0","id":1,"method":"m"}', 64, "jsonrpc2")).toMatchObject({ kind: "request", id: 1, jsonrpc: true });
    expect(parseMessage('{"id":1,"method":"m"}', 64, "jsonrpc2")).toMatchObject({ kind: "invalid", id: 1, error: { code: -32600 }, jsonrpc: true });
    expect(parseMessage('{"method":"initialized"}', 64, "jsonrpc2")).toMatchObject({ kind: "invalid", id: null, error: { code: -32600 } });
    expect(parseMessage('{"id":1,"method":"m"}', 64, "lite")).toMatchObject({ kind: "request", jsonrpc: false });
  });

  it("reads the envelope style of generated/ from its schemas: the flagship speaks lite", () => {
    expect(readGenerated(findGeneratedDir(REPO_ROOT)).envelope).toBe("lite");
  });

  it("classifies requests, notifications and responses, with or without jsonrpc", () => {
    expect(parseMessage('{"id":1,"method":"m","params":{}}', 64)).toEqual({ kind: "request", id: 1, method: "m", params: {}, jsonrpc: false });
    expect(parseMessage('{"jsonrpc":"2.0","id":"a","method":"m"}', 64)).toMatchObject({ kind: "request", id: "a", jsonrpc: true });
    expect(parseMessage('{"method":"initialized"}', 64)).toMatchObject({ kind: "notification", method: "initialized" });
    expect(parseMessage('{"id":3,"result":{}}', 64)).toEqual({ kind: "response", id: 3, jsonrpc: false });
  });

  it("turns malformed input into errors to answer", () => {
    expect(parseMessage("{", 64)).toMatchObject({ kind: "invalid", id: null, error: { code: -32700 } });
    expect(parseMessage("[]", 64)).toMatchObject({ kind: "invalid", error: { code: -32600, message: expect.stringContaining("batch") } });
    expect(parseMessage('{"id":{},"method":"m"}', 64)).toMatchObject({ kind: "invalid", id: null, error: { code: -32600 } });
    expect(parseMessage('{"jsonrpc":"1.0","id":4,"method":"m"}', 64)).toMatchObject({ kind: "invalid", id: 4, error: { code: -32600 } });
    expect(parseMessage('{"id":5}', 64)).toMatchObject({ kind: "invalid", id: 5, error: { code: -32600 } });
  });

  it("refuses nesting deeper than the limit before parsing, brackets in strings aside", () => {
    const nested = (depth: number) => `{"id":7,"method":"m","params":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`;
    expect(parseMessage(nested(64), 64)).toMatchObject({ kind: "request", id: 7 });
    expect(parseMessage(nested(65), 64)).toEqual({
      kind: "invalid",
      id: null,
      error: { code: -32600, message: "Invalid Request: nested deeper than 64 levels" },
      jsonrpc: false,
    });
    expect(parseMessage(`{"id":8,"params":${"[".repeat(200_000)}${"]".repeat(200_000)}}`, 64)).toMatchObject({ kind: "invalid", id: null });
    const bracketsInStrings = `{"id":9,"method":"m","params":{"text":"${"[{".repeat(100)}\\"${"[".repeat(100)}"}}`;
    expect(parseMessage(bracketsInStrings, 64)).toMatchObject({ kind: "request", id: 9 });
  });
});

describe("parseWsListenUrl", () => {
  it("accepts ws://IP:PORT, IPv6 in brackets, and port 0", () => {
    expect(parseWsListenUrl("ws://127.0.0.1:0")).toEqual({ host: "127.0.0.1", port: 0 });
    expect(parseWsListenUrl("ws://[::1]:4500/")).toEqual({ host: "::1", port: 4500 });
  });

  it.each(["wss://127.0.0.1:1", "ws://127.0.0.1", "ws://127.0.0.1:70000", "ws://127.0.0.1:1/path", "stdio"])("refuses %s", (url) => {
    expect(() => parseWsListenUrl(url)).toThrow(/expected stdio:\/\/ or ws:\/\/IP:PORT/);
  });
});

describe("validation against the generated schemas", () => {
  const artifacts = readGenerated(findGeneratedDir(path.join(REPO_ROOT, "examples", "app-server")));
  const validator = createProtocolValidator(artifacts, RESULT_TYPES);

  it("finds the repo's generated/ from a module's folder", () => {
    expect(artifacts.dir).toBe(path.join(REPO_ROOT, "generated"));
  });

  it("maps every request method of ClientRequest.json, including methods without params", () => {
    const methods = readEnvelopeMethods(artifacts.readJsonSchema("experimental", "ClientRequest.json"), "ClientRequest");
    expect(methods.get("thread/start")).toEqual({ pointer: expect.stringMatching(/^\/anyOf\/\d+\/properties\/params$/), required: true });
    expect(methods.get("configRequirements/read")).toEqual({ pointer: null, required: false });
    expect(methods.has("thread/realtime/start")).toBe(true);
    // Every method has a handler entry, and every handler a method: the table is the protocol.
    expect([...methods.keys()].sort()).toEqual(Object.keys(RESULT_TYPES).sort());
  });

  it("checks params against the audience's schema: the stable one is closed to experimental fields, even unused", () => {
    expect(validator.checkParams("experimental", "thread/start", { persistExtendedHistory: false })).toEqual([]);
    // Why the router strips unused experimental fields for a connection that did not opt in.
    expect(validator.checkParams("stable", "thread/start", { persistExtendedHistory: false })).toEqual([
      { path: "/persistExtendedHistory", message: "must NOT have additional properties" },
    ]);
    expect(validator.checkParams("experimental", "thread/start", { persistExtendedHistory: "yes" })).toEqual([
      { path: "/persistExtendedHistory", message: "must be boolean" },
    ]);
    for (const audience of ["stable", "experimental"] as const) {
      expect(validator.checkParams(audience, "thread/start", { bogus: 1 })).toEqual([{ path: "/bogus", message: "must NOT have additional properties" }]);
      expect(validator.checkParams(audience, "configRequirements/read", undefined)).toEqual([]);
      expect(validator.checkParams(audience, "configRequirements/read", { x: 1 })).toEqual([{ path: "", message: "this method takes no params" }]);
    }
  });

  it("knows which requests each audience has", () => {
    expect(validator.hasMethod("stable", "thread/start")).toBe(true);
    expect(validator.hasMethod("experimental", "thread/realtime/start")).toBe(true);
    expect(validator.hasMethod("stable", "thread/realtime/start")).toBe(false);
    expect(validator.hasMethod("experimental", "thread/teleport")).toBe(false);
  });

  it("catches an experimental field leaking into a result for a stable connection", () => {
    const network = { enabled: true, httpPort: null, socksPort: null, allowedDomains: null, deniedDomains: null, allowLocalBinding: null };
    const requirements = {
      allowedApprovalPolicies: null,
      allowedSandboxModes: null,
      allowedWebSearchModes: null,
      featureRequirements: null,
      enforceResidency: null,
      network,
    };
    expect(validator.checkResult("experimental", "configRequirements/read", { requirements })).toEqual([]);
    // The deepest problem comes first; the nullable's anyOf adds its own complaints at /requirements after it.
    expect(validator.checkResult("stable", "configRequirements/read", { requirements })[0]).toEqual({
      path: "/requirements/network",
      message: "must NOT have additional properties",
    });
  });

  it("knows which notifications each audience has", () => {
    const params = { threadId: "t", sessionId: null };
    expect(validator.checkNotification("experimental", "thread/realtime/started", params)).toEqual([]);
    expect(validator.checkNotification("stable", "thread/realtime/started", params)).toEqual([
      { path: "", message: "thread/realtime/started is not a server notification for the stable audience" },
    ]);
  });
});

describe("unused experimental fields from a client that did not opt in", () => {
  const artifacts = readGenerated(findGeneratedDir(path.join(REPO_ROOT, "examples", "app-server")));
  const validator = createProtocolValidator(artifacts, RESULT_TYPES);
  const { gate: gateTables } = artifacts.inventory;
  const gate = createGate(artifacts.inventory);

  /** Smallest valid params per client request that has experimental fields; a new one must be added here. */
  const MINIMAL_PARAMS: Record<string, Record<string, unknown>> = {
    "thread/start": {},
    "thread/resume": { threadId: "t" },
    "thread/fork": { threadId: "t" },
    "turn/start": { threadId: "t", input: [] },
  };
  const UNUSED: Record<Presence, unknown> = { boolean: false, nonEmptyArray: [], nonEmptyMap: {}, present: null };

  /** Every experimental field of a client request's params object, with its unused form. */
  const cases = Object.entries(gateTables.methods).flatMap(([method, spec]) => {
    if (spec.direction !== "clientRequest" || spec.params === undefined) return [];
    const type: GateType | undefined = spec.params.kind === "ref" ? gateTables.types[spec.params.target] : spec.params;
    if (type?.kind !== "object") return [];
    return type.fields.filter((field) => field.experimental !== undefined).map((field) => ({
      method,
      field: field.name,
      unused: UNUSED[field.presence ?? "present"],
    }));
  });

  it("covers the generated inventory's request fields", () => {
    expect(cases.map(({ method, field }) => `${method}.${field}`)).toEqual(
      expect.arrayContaining(["thread/start.persistExtendedHistory", "thread/start.dynamicTools", "thread/resume.path", "turn/start.collaborationMode"]),
    );
  });

  // None may pass the gate as unused and still be refused by the stable schema once stripped.
  it.each(cases)("$method: $field in its unused form passes the gate and, stripped, the stable schema", ({ method, field, unused }) => {
    const minimal = MINIMAL_PARAMS[method];
    if (minimal === undefined) throw new Error(`add minimal params for ${method} to MINIMAL_PARAMS`);
    const params = { ...minimal, [field]: unused };
    expect(gate.check(method, params, false)).toBeNull();
    expect(validator.checkParams("stable", method, params)).toEqual([{ path: `/${field}`, message: "must NOT have additional properties" }]);
    expect(validator.checkParams("stable", method, gate.stripUnused(method, params))).toEqual([]);
  });
});

describe("router: the schema each connection is validated against", () => {
  const artifacts = readGenerated(findGeneratedDir(path.join(REPO_ROOT, "examples", "app-server")));
  const validator = createProtocolValidator(artifacts, RESULT_TYPES);

  function startServer() {
    const checked: { audience: Audience; method: string; params: unknown }[] = [];
    const spy: ProtocolValidator = {
      ...validator,
      checkParams(audience, method, params) {
        checked.push({ audience, method, params });
        return validator.checkParams(audience, method, params);
      },
    };
    const log: string[] = [];
    const server = new AppServer({
      gate: createGate(artifacts.inventory),
      validator: spy,
      checkOutput: true,
      limits: DEFAULT_LIMITS,
      log: (line) => log.push(line),
      envelope: artifacts.envelope,
    });
    let nextId = 1;
    const connect = (experimentalApi: boolean) => {
      const received: { id?: number; result?: any; error?: any }[] = [];
      const handle = server.connect(recordingLink(received));
      // The router answers synchronously.
      const request = (method: string, params: unknown) => {
        const id = nextId++;
        handle.receive(JSON.stringify({ id, method, params }));
        return received.find((message) => message.id === id)!;
      };
      expect(request("initialize", { clientInfo: { name: "unit", version: "0" }, capabilities: { experimentalApi } }).result).toBeDefined();
      return request;
    };
    return { checked, log, connect };
  }

  it("validates an opted-out connection's stripped params against the stable schema, an opted-in one's as sent", () => {
    const { checked, log, connect } = startServer();
    const stable = connect(false);
    const optedIn = connect(true);
    const params = { cwd: "/w", persistExtendedHistory: false, dynamicTools: [] };

    checked.length = 0;
    expect(stable("thread/start", params).result.thread.cwd).toBe("/w");
    expect(checked).toEqual([{ audience: "stable", method: "thread/start", params: { cwd: "/w" } }]);

    checked.length = 0;
    expect(optedIn("thread/start", params).result.thread.cwd).toBe("/w");
    expect(checked).toEqual([{ audience: "experimental", method: "thread/start", params }]);
    expect(log.filter((line) => line.includes("output check failed"))).toEqual([]);
  });

  it("runs the gate before validation: a refused request never reaches the schema", () => {
    const { checked, connect } = startServer();
    const stable = connect(false);
    checked.length = 0;
    // Only the experimental `granular` member of AskForApproval is an object: the gate answers, not Ajv.
    expect(stable("thread/start", { approvalPolicy: { bogus: true } }).error).toMatchObject({ code: -32600 });
    expect(stable("thread/start", { persistExtendedHistory: "yes" }).error).toMatchObject({ code: -32600 });
    expect(checked).toEqual([]);
  });
});

describe("LineSplitter (stdio)", () => {
  function split(maxBytes: number) {
    const events: string[] = [];
    const splitter = new LineSplitter(maxBytes, { line: (text) => events.push(text), tooLong: (bytes) => events.push(`tooLong ${bytes}`) });
    return { events, splitter };
  }

  it("ends lines at \\n only: CRLF loses its \\r, a bare \\r stays, chunks join, a last line without \\n counts", () => {
    const { events, splitter } = split(100);
    splitter.push(Buffer.from('{"a":1}\r\n{"b":\r2}\n{"c'));
    splitter.push(Buffer.from('":3}\n\n{"d":4}'));
    let done = false;
    splitter.finish(() => (done = true));
    expect(events).toEqual(['{"a":1}', '{"b":\r2}', '{"c":3}', "", '{"d":4}']);
    expect(done).toBe(true);
  });

  it("skips a line over the limit up to its \\n, holding none of it, and reads on", () => {
    const { events, splitter } = split(10);
    splitter.push(Buffer.from("0123456789012"));
    splitter.push(Buffer.from("3456789\nok\n"));
    expect(events).toEqual(["tooLong 13", "ok"]);
  });

  it("emits nothing while paused and everything after, before finishing", () => {
    const { events, splitter } = split(100);
    splitter.pause();
    splitter.push(Buffer.from("a\nb\n"));
    let done = false;
    splitter.finish(() => (done = true));
    expect(events).toEqual([]);
    expect(done).toBe(false);
    splitter.resume();
    expect(events).toEqual(["a", "b"]);
    expect(done).toBe(true);
  });
});

describe("listen address and limit flags", () => {
  it("takes only loopback addresses as loopback", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "::1", "localhost", "::ffff:127.0.0.1"]) expect(isLoopback(host), host).toBe(true);
    for (const host of ["0.0.0.0", "::", "10.0.0.1", "192.168.1.2", "example.com", "::ffff:10.0.0.1"]) expect(isLoopback(host), host).toBe(false);
  });

  it("reads limit flags as positive integers, defaults otherwise", () => {
    expect(readLimits({})).toEqual(DEFAULT_LIMITS);
    expect(readLimits({ "max-depth": "8", "max-message-bytes": "65536" })).toMatchObject({ maxDepth: 8, maxMessageBytes: 65536 });
    for (const bad of ["0", "-1", "1.5", "abc", ""]) {
      expect(() => readLimits({ "max-depth": bad })).toThrow(/^--max-depth: expected a positive integer/);
    }
  });
});
