/**
 * In-process tests of the example app-server's parts that do not need a
 * process: JSON-RPC parsing, --listen parsing, and validation against the
 * generated schemas (including that the --check-output assertion can fail).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findGeneratedDir, readGenerated } from "../../examples/app-server/generated.js";
import { RESULT_TYPES } from "../../examples/app-server/handlers/index.js";
import { parseMessage } from "../../examples/app-server/jsonrpc.js";
import { parseWsListenUrl } from "../../examples/app-server/transport-ws.js";
import { createProtocolValidator, readEnvelopeMethods } from "../../examples/app-server/validation.js";
import { REPO_ROOT } from "./support/paths.js";

describe("parseMessage", () => {
  it("classifies requests, notifications and responses, with or without jsonrpc", () => {
    expect(parseMessage('{"id":1,"method":"m","params":{}}')).toEqual({ kind: "request", id: 1, method: "m", params: {}, jsonrpc: false });
    expect(parseMessage('{"jsonrpc":"2.0","id":"a","method":"m"}')).toMatchObject({ kind: "request", id: "a", jsonrpc: true });
    expect(parseMessage('{"method":"initialized"}')).toMatchObject({ kind: "notification", method: "initialized" });
    expect(parseMessage('{"id":3,"result":{}}')).toEqual({ kind: "response", id: 3, jsonrpc: false });
  });

  it("turns malformed input into errors to answer", () => {
    expect(parseMessage("{")).toMatchObject({ kind: "invalid", id: null, error: { code: -32700 } });
    expect(parseMessage("[]")).toMatchObject({ kind: "invalid", error: { code: -32600, message: expect.stringContaining("batch") } });
    expect(parseMessage('{"id":{},"method":"m"}')).toMatchObject({ kind: "invalid", id: null, error: { code: -32600 } });
    expect(parseMessage('{"jsonrpc":"1.0","id":4,"method":"m"}')).toMatchObject({ kind: "invalid", id: 4, error: { code: -32600 } });
    expect(parseMessage('{"id":5}')).toMatchObject({ kind: "invalid", id: 5, error: { code: -32600 } });
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

  it("accepts an experimental field in its unused form and reports paths for the rest", () => {
    expect(validator.checkParams("thread/start", { persistExtendedHistory: false })).toEqual([]);
    expect(validator.checkParams("thread/start", { persistExtendedHistory: "yes" })).toEqual([
      { path: "/persistExtendedHistory", message: "must be boolean" },
    ]);
    expect(validator.checkParams("configRequirements/read", undefined)).toEqual([]);
    expect(validator.checkParams("configRequirements/read", { x: 1 })).toEqual([{ path: "", message: "this method takes no params" }]);
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
