import { sortById } from "./build.js";
import type { Declaration, Method, MethodDirection, Model, Property, SourceLocation, TypeNode } from "./types.js";

/** The JSON-RPC message unions generated per direction, e.g. `ClientRequest`. */
export const ENVELOPE_NAME = {
  clientRequest: "ClientRequest",
  clientNotification: "ClientNotification",
  serverRequest: "ServerRequest",
  serverNotification: "ServerNotification",
} as const satisfies Record<MethodDirection, string>;

export const ENVELOPE_NAMES = Object.values(ENVELOPE_NAME);

/**
 * The wire the envelopes describe. `jsonrpc2`: standard JSON-RPC 2.0, every
 * message carries `"jsonrpc": "2.0"`. `lite`: codex's wire, without `jsonrpc`.
 * In both, `params` is required exactly when the method takes params.
 */
export const ENVELOPE_STYLES = ["jsonrpc2", "lite"] as const;
export type EnvelopeStyle = (typeof ENVELOPE_STYLES)[number];
export const REQUEST_ID = "RequestId";

const NO_TAGS = {};
const isRequest = (direction: MethodDirection) => direction === "clientRequest" || direction === "serverRequest";

/**
 * Adds the envelope unions (`{ jsonrpc; method; id; params }` per method, without
 * `jsonrpc` in the `lite` style) and, when a request exists and the definitions
 * declare none, `RequestId`. Runs on an already filtered model, so each audience
 * gets envelopes of its own methods.
 */
export function addEnvelopes(model: Model, style: EnvelopeStyle = "jsonrpc2"): Model {
  const { requestIdAt, envelopes } = envelopePlan(model);
  const added: Declaration[] = [];
  if (requestIdAt) {
    added.push({
      kind: "alias",
      id: REQUEST_ID,
      name: REQUEST_ID,
      namespace: [],
      docs: { description: "A JSON-RPC request id.", tags: NO_TAGS },
      location: requestIdAt,
      type: {
        kind: "union",
        members: [
          { type: { kind: "primitive", name: "string" }, docs: { description: "", tags: NO_TAGS }, location: requestIdAt },
          { type: { kind: "primitive", name: "number" }, docs: { description: "", tags: NO_TAGS }, location: requestIdAt },
        ],
      },
    });
  }
  for (const { name, direction, methods } of envelopes) added.push(keptEnvelope(name, direction, methods, style));
  return { ...model, declarations: withSortedIn(model.declarations, added) };
}

/**
 * `sortById` of both lists, by merging when `sorted` already is (as the model
 * builder leaves it): a copy instead of a sort of thousands of ids.
 */
function withSortedIn(sorted: readonly Declaration[], added: readonly Declaration[]): Declaration[] {
  const extra = sortById(added);
  const merged: Declaration[] = [];
  let next = 0;
  for (let index = 0; index < sorted.length; index++) {
    const declaration = sorted[index]!;
    if (index > 0 && !(sorted[index - 1]!.id < declaration.id)) return sortById([...sorted, ...added]);
    while (next < extra.length && extra[next]!.id < declaration.id) merged.push(extra[next++]!);
    if (next < extra.length && extra[next]!.id === declaration.id) return sortById([...sorted, ...added]);
    merged.push(declaration);
  }
  while (next < extra.length) merged.push(extra[next++]!);
  return merged;
}

/**
 * The last envelopes built per name and style (one per audience), each handed
 * back while its methods are the very same objects (as `watch` keeps unchanged
 * ones), so later stages find the envelope unchanged by identity too.
 */
const keptEnvelopes = new Map<string, { readonly methods: readonly Method[]; readonly declaration: Declaration }[]>();
const KEPT_PER_ENVELOPE = 4;

function keptEnvelope(name: string, direction: MethodDirection, methods: readonly Method[], style: EnvelopeStyle): Declaration {
  const key = `${name} ${direction} ${style}`;
  let kept = keptEnvelopes.get(key);
  if (!kept) keptEnvelopes.set(key, (kept = []));
  const same = kept.find((entry) => entry.methods.length === methods.length && entry.methods.every((method, index) => method === methods[index]));
  if (same) return same.declaration;
  const declaration = envelope(name, direction, methods, style);
  kept.unshift({ methods, declaration });
  kept.length = Math.min(kept.length, KEPT_PER_ENVELOPE);
  return declaration;
}

/** The ids of the declarations `addEnvelopes` adds to `model`, without building them. */
export function envelopeIds(model: Model): string[] {
  const { requestIdAt, envelopes } = envelopePlan(model);
  const ids = envelopes.map((planned) => planned.name);
  return requestIdAt ? [REQUEST_ID, ...ids] : ids;
}

/**
 * What `addEnvelopes` adds: `RequestId` (located at the first request) when a
 * request exists and the definitions declare none, and one envelope per direction
 * that has methods.
 */
function envelopePlan(model: Model): {
  readonly requestIdAt: SourceLocation | undefined;
  readonly envelopes: readonly { readonly name: string; readonly direction: MethodDirection; readonly methods: readonly Method[] }[];
} {
  const firstRequest = model.methods.find((method) => isRequest(method.direction));
  const declaresRequestId = model.declarations.some((declaration) => declaration.id === REQUEST_ID);
  const byDirection = new Map<MethodDirection, Method[]>();
  for (const method of model.methods) {
    const methods = byDirection.get(method.direction);
    if (methods) methods.push(method);
    else byDirection.set(method.direction, [method]);
  }
  const envelopes = (Object.entries(ENVELOPE_NAME) as [MethodDirection, string][]).flatMap(([direction, name]) => {
    const methods = byDirection.get(direction);
    return methods ? [{ name, direction, methods }] : [];
  });
  return { requestIdAt: declaresRequestId ? undefined : firstRequest?.location, envelopes };
}

function envelope(name: string, direction: MethodDirection, methods: readonly Method[], style: EnvelopeStyle): Declaration {
  const location = methods[0]!.location;
  const kind = isRequest(direction) ? "request" : "notification";
  const sender = direction.startsWith("client") ? "client" : "server";
  return {
    kind: "alias",
    id: name,
    name,
    namespace: [],
    docs: { description: `Every ${kind} the ${sender} can send, as it appears on the wire.`, tags: NO_TAGS },
    location,
    type: {
      kind: "union",
      members: methods.map((method) => ({
        type: envelopeMember(method, style),
        docs: method.docs,
        location: method.location,
        ...(method.experimental ? { experimental: method.experimental } : {}),
      })),
    },
  };
}

function envelopeMember(method: Method, style: EnvelopeStyle): TypeNode {
  const field = (fieldName: string, type: TypeNode): Property => ({
    name: fieldName,
    type,
    optional: false,
    docs: { description: "", tags: NO_TAGS },
    location: method.location,
  });
  const properties: Property[] = [];
  if (style === "jsonrpc2") properties.push(field("jsonrpc", { kind: "literal", value: "2.0" }));
  properties.push(field("method", { kind: "literal", value: method.name }));
  if (isRequest(method.direction)) properties.push(field("id", { kind: "ref", target: REQUEST_ID, location: method.location }));
  if (method.params) properties.push(field("params", method.params));
  return { kind: "object", properties };
}
