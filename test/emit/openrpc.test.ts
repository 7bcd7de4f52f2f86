import { describe, expect, it } from "vitest";
import { emitOpenRpc } from "../../src/emit/openrpc/index.js";
import type { Method, Model } from "../../src/model/types.js";
import { alias, at, map, noDocs, number, object, prop, ref, string, union } from "./builders.js";

/** How the model maps to an OpenRPC document, on hand-built models. */

const method = (name: string, direction: Method["direction"], params?: Method["params"], result?: Method["result"], extra: Partial<Method> = {}): Method => ({
  name,
  direction,
  ...(params ? { params } : {}),
  ...(result ? { result } : {}),
  docs: noDocs,
  location: at,
  ...extra,
});

const model: Model = {
  declarations: [
    alias("Moved", object([prop("x", number)])),
    alias("v2.Choice", union(ref("v2.MoveParams"), ref("v2.Tags"))),
    alias("v2.MoveParams", object([prop("x", number, { docs: { description: "Where to." } }), prop("label", string, { optional: true, docs: { deprecated: "" } })])),
    alias("v2.Tags", map(string)),
  ],
  methods: [
    method("point/move", "clientRequest", ref("v2.MoveParams"), ref("Moved"), { docs: { description: "Moves.", tags: {}, deprecated: "use jump" } }),
    method("point/choose", "clientRequest", ref("v2.Choice"), ref("Moved"), { experimental: { reason: "point/choose" } }),
    method("point/ping", "clientRequest", undefined, ref("Moved")),
    method("point/said", "clientNotification", ref("Moved")),
    method("point/ask", "serverRequest", ref("Moved"), ref("Moved")),
    method("point/moved", "serverNotification", ref("Moved")),
  ],
};

const document = JSON.parse(emitOpenRpc(model, { title: "points" }).get("openrpc.json")!);

describe("emitOpenRpc", () => {
  it("names params by the params type's properties, with required, description and deprecated", () => {
    const move = document.methods[0];
    expect(move).toMatchObject({ name: "point/move", description: "Moves.", deprecated: true, paramStructure: "by-name" });
    expect(move.params).toEqual([
      { name: "x", description: "Where to.", required: true, schema: { description: "Where to.", type: "number" } },
      { name: "label", deprecated: true, schema: { deprecated: true, type: "string" } },
    ]);
    expect(move.result).toEqual({ name: "Moved", schema: { $ref: "#/components/schemas/Moved" } });
  });

  it("keeps a params type that is not one object whole, under x-params-schema", () => {
    const choose = document.methods[1];
    expect(choose.params).toEqual([]);
    expect(choose["x-params-schema"]).toEqual({ $ref: "#/components/schemas/v2.Choice" });
    expect(choose["x-experimental"]).toBe("point/choose");
  });

  it("lists methods without params with none, client notifications without result, the server's methods under extensions", () => {
    expect(document.methods.map((entry: { name: string }) => entry.name)).toEqual(["point/move", "point/choose", "point/ping", "point/said"]);
    expect(document.methods[2].params).toEqual([]);
    expect(document.methods[3].result).toBeUndefined();
    expect(document["x-server-requests"].map((entry: { name: string }) => entry.name)).toEqual(["point/ask"]);
    expect(document["x-server-notifications"][0]).toMatchObject({ name: "point/moved", params: [{ name: "x", required: true }] });
    expect(document["x-server-notifications"][0].result).toBeUndefined();
  });

  it("puts every declaration under components.schemas by id", () => {
    expect(Object.keys(document.components.schemas)).toEqual(["Moved", "v2.Choice", "v2.MoveParams", "v2.Tags"]);
    expect(document.components.schemas["v2.Choice"]).toEqual({ anyOf: [{ $ref: "#/components/schemas/v2.MoveParams" }, { $ref: "#/components/schemas/v2.Tags" }] });
    expect(document.openrpc).toBe("1.3.2");
  });
});
