/** Hand-built models shared by the emitter tests. */
import type { Model } from "../../src/model/types.js";
import {
  alias,
  array,
  boolean,
  documented,
  enumeration,
  intersection,
  lit,
  map,
  modelOf,
  nul,
  nullable,
  number,
  object,
  prop,
  ref,
  request,
  string,
  tuple,
  union,
  unknown,
} from "./builders.js";

/** An app-server-like protocol touching every TypeNode kind, docs, namespaces and envelopes. */
export const protocolModel: Model = modelOf(
  [
    alias("RequestId", union(string, number), { description: "Identifies a request." }),
    alias("Thread", object([prop("id", string), prop("title", nullable(string), { optional: true })]), {
      description: "A root-level thread record.",
    }),
    enumeration("Mode", [
      ["Fast", "fast"],
      ["Slow", "slow"],
    ]),
    enumeration("Level", [
      ["Low", 1, { description: "Barely." }],
      ["High", 2, { deprecated: "Use Low." }],
    ]),
    alias("JsonValue", union(string, number, boolean, nul, array(ref("JsonValue")), map(ref("JsonValue")))),
    alias("Tree", object([prop("value", string), prop("children", array(ref("Tree")))])),
    alias("Pair", tuple(string, number)),
    alias("Nothing", tuple()),
    alias("Anything", unknown),
    alias("Labels", map(string)),
    alias("Empty", object([])),
    alias("Metadata", object([prop("version", number), prop("label", string, { optional: true })], boolean)),
    alias("Base", object([prop("id", string)])),
    alias("Extended", intersection(ref("Base"), object([prop("name", string, { optional: true })]))),
    alias(
      "Weird",
      object([
        prop("kebab-case", string),
        prop("with space", number, { optional: true }),
        prop("__proto__", boolean, { optional: true }),
      ]),
    ),
    alias(
      "Documented",
      object([
        prop("count", number, {
          docs: { description: "How many.\nA second line with */ inside.", tags: { default: "3", minimum: "0", maximum: "10" } },
        }),
        prop("url", string, { optional: true, docs: { tags: { format: "uri", pattern: "^https?:" } } }),
        prop("when", ref("v2.Timestamp"), { optional: true, docs: { description: "A documented reference." } }),
        prop("old", string, { optional: true, docs: { deprecated: "Use url." } }),
        prop("note", string, { optional: true, docs: { tags: { default: "not json" } } }),
      ]),
      { description: "Documented object." },
    ),
    alias(
      "ClientRequest",
      union(
        object([prop("method", lit("thread/start")), prop("id", ref("RequestId")), prop("params", ref("v2.ThreadStartParams"))]),
        object([prop("method", lit("config/read")), prop("id", ref("RequestId"))]),
      ),
    ),
    alias("ServerNotification", union(object([prop("method", lit("thread/started")), prop("params", ref("v2.Thread"))]))),
    alias(
      "v2.Thread",
      object([
        prop("id", string),
        prop("status", ref("v2.ThreadStatus")),
        prop("parent", nullable(ref("Thread")), { docs: { description: "The root thread it came from." } }),
        prop("createdAt", ref("v2.Timestamp")),
        prop("items", array(ref("v2.sub.Item"))),
      ]),
    ),
    alias("v2.Timestamp", string, { tags: { format: "date-time" } }),
    alias("v2.ThreadStatus", union(lit("active"), lit("closed"), documented(lit("archived"), { description: "Kept read-only." }))),
    alias(
      "v2.ThreadStartParams",
      object([
        prop("model", nullable(string), { optional: true }),
        prop("mode", ref("Mode")),
        prop("level", nullable(ref("Level")), { optional: true }),
        prop("effort", union(lit("low"), lit("high"), nul), { optional: true }),
        prop("mixed", union(lit("a"), lit(1)), { optional: true }),
        prop("tags", array(union(string, number))),
        prop(
          "sandbox",
          union(lit("read-only"), lit("workspace-write"), lit("danger-full-access"), lit("external-sandbox"), lit("custom")),
          { optional: true },
        ),
      ]),
    ),
    alias("v2.ThreadStartResponse", object([prop("thread", ref("v2.Thread"))])),
    alias(
      "v2.sub.Item",
      union(
        object([prop("type", lit("text")), prop("text", string)]),
        object([prop("type", lit("image")), prop("url", string)]),
      ),
    ),
    alias("v2.ConfigBase", object([prop("values", ref("Labels"))])),
    alias("v2.Config", intersection(ref("v2.ConfigBase"), object([prop("extra", boolean)]))),
  ],
  [request("thread/start", "v2.ThreadStartParams", "v2.ThreadStartResponse")],
);

/** Names that collide across namespaces, with the aliases' own candidates, globals and the mapped-type key. */
export const clashModel: Model = modelOf([
  alias("Thread", object([prop("id", string)])),
  alias("root_Thread", string),
  alias("v2", lit("v2")),
  alias("key", string),
  alias("Keyed", map(ref("key"))),
  alias("Array", string),
  alias("UsesArray", array(ref("Array"))),
  alias("v1.Thread", object([prop("x", number)])),
  alias("v2.Thread", object([prop("root", ref("Thread")), prop("taken", ref("root_Thread")), prop("self", nullable(ref("v2.Thread")))])),
  alias("v2.Pair", object([prop("a", ref("Thread")), prop("b", ref("v2.Thread")), prop("c", ref("v1.Thread"))])),
]);
