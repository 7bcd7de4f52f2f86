import type { Method, MethodDirection, Model } from "../../model/types.js";
import { serializeJson } from "../../output/serialize.js";
import { declarationLookup, type DeclarationLookup } from "../lookup.js";
import { DIALECTS } from "../json-schema/dialect.js";
import { convertDeclarations } from "../json-schema/index.js";
import type { JsonSchema } from "../json-schema/schema.js";
import { typeSchema, type SchemaContext } from "../json-schema/type-schema.js";

export interface OpenRpcOptions {
  /** `info.title`. */
  readonly title: string;
}

/** The OpenRPC version written; tools accept 1.3.x documents. */
export const OPENRPC_VERSION = "1.3.2";
export const OPENRPC_FILE = "openrpc.json";

/**
 * Where the methods of each direction go. OpenRPC describes what a server
 * offers, so client requests (with `result`) and client notifications (without)
 * are its `methods`; what the server sends its clients is kept, in the same
 * method shape, under documented extensions.
 */
const PLACE = {
  clientRequest: "methods",
  clientNotification: "methods",
  serverRequest: "x-server-requests",
  serverNotification: "x-server-notifications",
} as const satisfies Record<MethodDirection, string>;

/** A method object of the document (OpenRPC's Method Object, plus `x-` extensions). */
type MethodObject = Record<string, unknown>;

/**
 * One OpenRPC 1.3 document (`openrpc.json`) for an (already filtered) model:
 * every declaration under `components.schemas` by id (draft-07 schemas, as the
 * OpenRPC meta-schema expects), referred to with `$ref`; each method with
 * `paramStructure: "by-name"`, one content descriptor per property of its params
 * type, and its `result`. An experimental method (only the experimental audience
 * has any) carries `x-experimental` with the reason.
 */
export function emitOpenRpc(model: Model, options: OpenRpcOptions): Map<string, string> {
  const lookup = declarationLookup(model);
  const refFor = (id: string) => `#/components/schemas/${encodeURIComponent(id.replaceAll("~", "~0"))}`;
  const dialect = DIALECTS["07"];
  const converted = convertDeclarations(model.declarations, { lookup, dialect, refFor });
  const schemas: Record<string, JsonSchema> = {};
  for (const [id, { schema }] of converted) schemas[id] = schema;
  const context: SchemaContext = { lookup, dialect, ref: refFor };
  const resolve = referenceFollower(converted, refFor);

  const placed: Record<(typeof PLACE)[MethodDirection], MethodObject[]> = { methods: [], "x-server-requests": [], "x-server-notifications": [] };
  for (const method of model.methods) placed[PLACE[method.direction]].push(methodObject(method, context, resolve, lookup));
  const document: Record<string, unknown> = {
    openrpc: OPENRPC_VERSION,
    info: { title: options.title, version: "0.0.0" },
    methods: placed.methods,
  };
  if (placed["x-server-requests"].length > 0) document["x-server-requests"] = placed["x-server-requests"];
  if (placed["x-server-notifications"].length > 0) document["x-server-notifications"] = placed["x-server-notifications"];
  document.components = { schemas };
  return new Map([[OPENRPC_FILE, serializeJson(document)]]);
}

function methodObject(method: Method, context: SchemaContext, resolve: (schema: JsonSchema) => JsonSchema, lookup: DeclarationLookup): MethodObject {
  const object: MethodObject = { name: method.name };
  if (method.docs.description !== "") object.description = method.docs.description;
  if (method.docs.deprecated !== undefined) object.deprecated = true;
  if (method.experimental) object["x-experimental"] = method.experimental.reason;
  object.paramStructure = "by-name";
  object.params = [];
  if (method.params) {
    const schema = typeSchema(method.params, context);
    const fields = resolve(schema);
    if (fields.type === "object" && fields.additionalProperties === false && fields.patternProperties === undefined) {
      object.params = Object.entries(fields.properties ?? {}).map(([name, property]) => contentDescriptor(name, property, fields.required?.includes(name) ?? false));
    } else {
      // Not a closed object of named fields (a union, a map, keys a pattern admits): no list of named params describes it, so the whole schema is kept.
      object["x-params-schema"] = schema;
    }
  }
  if (method.result) {
    const name = method.result.kind === "ref" ? lookup.get(method.result.target).name : "result";
    object.result = { name, schema: typeSchema(method.result, context) };
  }
  return object;
}

function contentDescriptor(name: string, schema: JsonSchema, required: boolean): Record<string, unknown> {
  const descriptor: Record<string, unknown> = { name };
  if (schema.description !== undefined) descriptor.description = schema.description;
  if (required) descriptor.required = true;
  if (schema.deprecated) descriptor.deprecated = true;
  if (schema["x-experimental"] !== undefined) descriptor["x-experimental"] = schema["x-experimental"];
  descriptor.schema = schema;
  return descriptor;
}

/** Follows a schema's `$ref`s (and an `allOf` of one, as documented references are wrapped) to what they name. */
function referenceFollower(converted: ReadonlyMap<string, { readonly schema: JsonSchema }>, refFor: (id: string) => string): (schema: JsonSchema) => JsonSchema {
  const idOfRef = new Map([...converted.keys()].map((id) => [refFor(id), id]));
  return (schema) => {
    let current = schema;
    // An alias cycle has no object at its end; the bound stops there.
    for (let hops = 0; hops <= converted.size; hops++) {
      const only = current.allOf?.length === 1 ? current.allOf[0]! : current;
      if (only.$ref === undefined) return only;
      current = converted.get(idOfRef.get(only.$ref)!)!.schema;
    }
    return current;
  };
}
