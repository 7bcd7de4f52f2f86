/**
 * Ajv validation against the generated JSON Schemas, per method and audience.
 *
 * A request's params are checked against the schema of the connection's own
 * audience: experimental for a connection that opted in, stable otherwise. The
 * stable schemas are closed (`additionalProperties: false`) and have no
 * experimental fields, while a stable client may still send one in its unused
 * form (`persistExtendedHistory: false`), which the gate lets through; so the
 * router validates `gate.stripUnused(method, params)` for such a connection, not
 * the raw params (see router.ts). Outgoing results and notifications
 * (`--check-output`) are checked against the connection's audience too, so an
 * experimental field leaking to a stable client is caught.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import type { Audience, GeneratedArtifacts } from "./generated.js";

/** One failing location: a JSON Pointer into the checked value, and what is wrong there. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

export interface ProtocolValidator {
  /** Whether `method` is a client request of the protocol as `audience` sees it. */
  hasMethod(audience: Audience, method: string): boolean;
  /** [] when `params` are valid for `method` as `audience` sees it; `hasMethod(audience, method)` must hold. */
  checkParams(audience: Audience, method: string, params: unknown): readonly Problem[];
  /** [] when `result` matches the result type of `method` as `audience` sees it. */
  checkResult(audience: Audience, method: string, result: unknown): readonly Problem[];
  /** [] when `params` match the notification `method` as `audience` sees it. */
  checkNotification(audience: Audience, method: string, params: unknown): readonly Problem[];
  /**
   * Compiles every params validator of both audiences ahead of use, one per
   * turn of the event loop, so that requests are served meanwhile and, once it
   * is done, no request pays for compiling a schema (a first request could
   * otherwise hold the event loop for a large schema's compile time). A request
   * that comes first still compiles what it needs itself.
   */
  precompile(): Promise<void>;
}

/** Where a method's params live inside an envelope union schema, and whether they may be absent. */
export interface MethodParams {
  /** JSON Pointer of the params schema inside the envelope document; null when the method takes no params. */
  readonly pointer: string | null;
  readonly required: boolean;
}

const MAX_PROBLEMS = 10;

/**
 * Compiles validators lazily (once per method and audience) from the envelope
 * unions `ClientRequest.json` / `ServerNotification.json` and the per-type
 * result files, all of whose `$ref`s point into the audience's bundle. `resultTypes` maps each method to its result's definition path
 * (`v2/ThreadStartResponse`): the generated JSON does not record results per method.
 */
export function createProtocolValidator(
  artifacts: GeneratedArtifacts,
  resultTypes: Readonly<Record<string, string>>,
): ProtocolValidator {
  const schemas = { stable: artifacts.readAllJsonSchemas("stable"), experimental: artifacts.readAllJsonSchemas("experimental") };
  const ajvs = { stable: createAjv(schemas.stable), experimental: createAjv(schemas.experimental) } satisfies Record<Audience, Ajv>;
  const load = (audience: Audience, envelope: string): Map<string, MethodParams> => {
    const document = schemas[audience].get(`${envelope}.json`);
    if (document === undefined) throw new Error(`${envelope}.json is missing from the ${audience} JSON Schemas`);
    return readEnvelopeMethods(document, envelope);
  };
  const requests = { stable: load("stable", "ClientRequest"), experimental: load("experimental", "ClientRequest") };
  const notifications = { stable: load("stable", "ServerNotification"), experimental: load("experimental", "ServerNotification") };

  const compiled = new Map<string, ValidateFunction>();
  const validate = (audience: Audience, key: string, compile: () => ValidateFunction, value: unknown): Problem[] => {
    let validator = compiled.get(`${audience} ${key}`);
    if (!validator) compiled.set(`${audience} ${key}`, (validator = compile()));
    return validator(value) ? [] : toProblems(validator.errors ?? []);
  };
  const checkEnvelopeParams = (audience: Audience, envelope: string, spec: MethodParams, params: unknown): Problem[] => {
    if (spec.pointer === null) {
      return params === undefined || params === null ? [] : [{ path: "", message: "this method takes no params" }];
    }
    if (params === undefined) return spec.required ? [{ path: "", message: "params are required" }] : [];
    const ref = `${envelope}.json#${spec.pointer}`;
    return validate(audience, ref, () => ajvs[audience].compile({ $ref: ref }), params);
  };

  const validator: ProtocolValidator = {
    hasMethod: (audience, method) => requests[audience].has(method),
    checkParams(audience, method, params) {
      const spec = requests[audience].get(method);
      if (!spec) throw new Error(`checkParams: ${method} is not a ${audience} request`);
      return checkEnvelopeParams(audience, "ClientRequest", spec, params);
    },
    checkResult(audience, method, result) {
      const type = resultTypes[method];
      if (type === undefined) return [{ path: "", message: `no result type is declared for ${method}` }];
      return validate(audience, `result ${type}`, () => {
        const validator = ajvs[audience].getSchema(`${type}.json`);
        if (validator === undefined) throw new Error(`${type}.json is missing from the ${audience} JSON Schemas`);
        return validator;
      }, result);
    },
    checkNotification(audience, method, params) {
      const spec = notifications[audience].get(method);
      if (!spec) return [{ path: "", message: `${method} is not a server notification for the ${audience} audience` }];
      return checkEnvelopeParams(audience, "ServerNotification", spec, params);
    },
    async precompile() {
      for (const audience of ["stable", "experimental"] as const) {
        for (const method of requests[audience].keys()) {
          await new Promise((resolve) => setImmediate(resolve));
          // Checking `{}` compiles the validator; what it answers does not matter here.
          validator.checkParams(audience, method, {});
        }
      }
    },
  };
  return validator;
}

/**
 * Reads an envelope union: `anyOf`/`oneOf` of objects whose `properties.method`
 * is a `const` (or a one-value `enum`) and whose `properties.params`, when
 * present, is the params schema (a `$ref` into `definitions`, or inline).
 */
export function readEnvelopeMethods(document: unknown, name: string): Map<string, MethodParams> {
  const union = asRecord(document);
  const key = Array.isArray(union?.anyOf) ? "anyOf" : Array.isArray(union?.oneOf) ? "oneOf" : undefined;
  if (!union || !key) throw new Error(`${name}.json: expected an anyOf/oneOf of request objects`);
  const methods = new Map<string, MethodParams>();
  (union[key] as unknown[]).forEach((branch, index) => {
    const properties = asRecord(asRecord(branch)?.properties);
    const methodSchema = asRecord(properties?.method);
    const enumValues = methodSchema?.enum;
    const method = methodSchema?.const ?? (Array.isArray(enumValues) && enumValues.length === 1 ? enumValues[0] : undefined);
    if (typeof method !== "string") throw new Error(`${name}.json: ${key}[${index}] has no single method name`);
    const required = asRecord(branch)?.required;
    methods.set(method, {
      pointer: properties && Object.hasOwn(properties, "params") ? `/${key}/${index}/properties/params` : null,
      required: Array.isArray(required) && required.includes("params"),
    });
  });
  return methods;
}

/**
 * An Ajv holding every schema of one audience under its relative path, compiled
 * on first use. Validation stops at the first error (no `allErrors`): a client
 * cannot make the server collect one error per item of a huge array.
 */
function createAjv(schemas: ReadonlyMap<string, unknown>): Ajv {
  // `x-experimental` (the reason, on experimental elements of the experimental schemas) is an annotation.
  const ajv = new Ajv({ allErrors: false, keywords: ["x-experimental"] });
  addFormats.default(ajv);
  for (const [file, schema] of schemas) ajv.addSchema(schema as object, file);
  return ajv;
}

/**
 * Ajv errors as `{ path, message }`, most specific first. For a missing or an
 * unexpected property the path names the property itself, which is what a
 * client needs to fix. anyOf failures repeat per branch; duplicates are dropped.
 */
export function toProblems(errors: readonly ErrorObject[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors) {
    const property =
      error.keyword === "additionalProperties" ? (error.params as { additionalProperty: string }).additionalProperty
      : error.keyword === "required" ? (error.params as { missingProperty: string }).missingProperty
      : undefined;
    const path = property === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(property)}`;
    const message = error.message ?? error.keyword;
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, message });
  }
  // Deeper paths are usually the actual mistake; "must match a schema in anyOf" at the root least so.
  problems.sort((a, b) => depth(b.path) - depth(a.path));
  return problems.slice(0, MAX_PROBLEMS);
}

function depth(pointer: string): number {
  return pointer === "" ? 0 : pointer.split("/").length;
}

function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
