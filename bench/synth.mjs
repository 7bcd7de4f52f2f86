#!/usr/bin/env node
/**
 * Deterministic synthetic protocol generator for the schemagate benchmark.
 *
 *   generate(n, { seed, variant, dir })  writes <dir>/protocol/**.ts, <dir>/markers.ts,
 *                                        <dir>/tsconfig.json, <dir>/package.json and
 *                                        <dir>/schemagate.config.json
 *
 * The same files serve every tool: schemagate (markers recognised by name), tsc,
 * ts-json-schema-generator and typescript-json-schema. `Request` / `Notification`
 * are imported from a sibling `protocol/markers.ts` (schemagate/markers does not
 * resolve in the work dir; schemagate requires every relative import to resolve
 * among the input files, and skips the marker interfaces by name).
 * `markersInProtocol: false` puts markers.ts next to `protocol/` instead (schemagate
 * then reports SG002 unresolved-import; kept for experiments).
 *
 * Variants:
 *   a  flat-ish structs, literal and discriminated unions, optional / nullable
 *      fields, arrays, Record<string, T>, four method registries (all directions).
 *   b  deeper inline nesting, more unions (of refs, nullable refs), enums,
 *      intersections, tuples, generic declarations (Page<T>, Result<T, E>,
 *      Envelope<T>) instantiated with concrete arguments, two registries with
 *      fewer methods.
 *   c  variant a's mix with a share of its declarations written with type
 *      operators over types of the same file: Pick / Omit / Partial / Readonly,
 *      `keyof typeof` of `as const` objects, mapped types, conditional types
 *      (a distributive generic and Exclude), template literals (finite and
 *      patterns) and indexed access.
 *
 * Reference graph: clustered, as in real protocols. A file is a domain: a type refers
 * to recent types of its own file (window of 20) or, across files, only to leaf
 * types (literal unions, enums, small structs of primitives). So a method's closure
 * is at most its file plus a few shared leaves, and per-method schema files stay
 * small. `--shape '{"crossFile":"any"}'` builds the dense graph instead (any earlier
 * type, closures spanning most of the protocol) for stress experiments.
 *
 * Experimental markers are only placed on fields, union/enum members and methods
 * (never on whole declarations), and experimental fields only use types that stay
 * reachable from stable paths, so schemagate reports no diagnostics.
 *
 * No Math.random: everything derives from the seed, so output bytes are a pure
 * function of (n, seed, variant).
 *
 * CLI: node synth.mjs --n 100 [--variant a|b] [--seed 1] [--out DIR] [--markers-outside]
 *                      [--shape '{"nestDepth":2}']   (override shape knobs, for experiments)
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";

export const TYPES_PER_FILE = 50;

/* ------------------------------------------------------------------ PRNG */

/** xmur3 string hash → 32-bit seed. */
function hashSeed(str) {
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^= h >>> 16) >>> 0;
}

/** mulberry32: small, fast, good enough for shape mixing. */
export function createRng(seed) {
  let a = hashSeed(String(seed));
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), // inclusive
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    /** Pick a key of a { key: weight } table. */
    weighted: (table) => {
      const entries = Object.entries(table);
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [k, w] of entries) {
        if ((r -= w) < 0) return k;
      }
      return entries[entries.length - 1][0];
    },
  };
  return rng;
}

/* ------------------------------------------------------------ vocabulary */

const FIELD_WORDS = [
  "id", "name", "status", "items", "createdAt", "updatedAt", "model", "cwd", "path", "title",
  "summary", "reason", "kind", "count", "total", "cursor", "limit", "enabled", "visible", "label",
  "value", "source", "target", "owner", "threadId", "turnId", "itemId", "command", "output",
  "exitCode", "durationMs", "tokens", "cost", "region", "scope", "policy", "decision", "message",
  "detail", "hint", "tags", "metadata", "config", "profile", "sandbox", "approval", "effort",
  "version", "origin", "priority",
];
const TYPE_WORDS = [
  "Thread", "Turn", "Item", "Approval", "Tool", "Model", "Config", "Session", "Account", "Review",
  "Command", "Patch", "File", "Search", "Plan", "Agent", "Realtime", "Feedback", "Usage", "Policy",
];
const LITERAL_WORDS = [
  "pending", "running", "completed", "failed", "cancelled", "accept", "decline", "abort", "low",
  "medium", "high", "auto", "manual", "read", "write", "none", "full", "partial", "user", "system",
];
const VERBS = ["start", "read", "list", "update", "delete", "resume", "cancel", "changed", "created", "steer"];
const DOCS = [
  "Identifier assigned by the server.",
  "Human-readable label; may be shown in the UI.",
  "When omitted the server default applies.",
  "Milliseconds since the Unix epoch.",
  "Opaque cursor for pagination.",
  "Null when the value was cleared.",
];

const pad = (i) => String(i).padStart(4, "0");

/* --------------------------------------------------------------- shapes */

const SHAPES = {
  a: {
    kinds: { struct: 34, leaf: 10, objectAlias: 8, literalUnion: 15, discUnion: 12, refUnion: 4, method: 17 },
    fields: [3, 9],
    nestDepth: 1,
    nestChance: 0.06,
    optional: 0.3,
    nullable: 0.2,
    expField: 0.04,
    expMember: 0.25,
    expMethod: 0.1,
    directions: { clientRequest: 60, serverNotification: 20, serverRequest: 10, clientNotification: 10 },
    crossFile: "leaf",
    localWindow: 20,
    generics: false,
    enums: false,
    intersections: false,
    tuples: false,
  },
  b: {
    kinds: {
      struct: 22, leaf: 8, objectAlias: 10, literalUnion: 10, discUnion: 16, refUnion: 12,
      enum: 6, intersection: 6, method: 6,
    },
    fields: [3, 7],
    nestDepth: 3,
    nestChance: 0.15,
    optional: 0.35,
    nullable: 0.3,
    expField: 0.03,
    expMember: 0.3,
    expMethod: 0.15,
    directions: { clientRequest: 75, serverNotification: 25 },
    crossFile: "leaf",
    localWindow: 20,
    generics: true,
    genericWeight: 1,
    enums: true,
    intersections: true,
    tuples: true,
  },
  c: {
    kinds: {
      struct: 28, leaf: 8, objectAlias: 6, literalUnion: 12, discUnion: 8, refUnion: 3, method: 15,
      pick: 3, omit: 3, partial: 3, constKeys: 3, mapped: 3, conditional: 3, template: 3, indexed: 3,
    },
    fields: [3, 9],
    nestDepth: 1,
    nestChance: 0.06,
    optional: 0.3,
    nullable: 0.2,
    expField: 0.04,
    expMember: 0.25,
    expMethod: 0.1,
    directions: { clientRequest: 60, serverNotification: 20, serverRequest: 10, clientNotification: 10 },
    crossFile: "leaf",
    localWindow: 20,
    generics: false,
    enums: false,
    intersections: false,
    tuples: false,
    operators: true,
  },
};

/** Operator kinds (variant c): each needs a struct or literal union of its own file to work on. */
const OPERATOR_KINDS = new Set(["pick", "omit", "partial", "constKeys", "mapped", "conditional", "template", "indexed"]);

/* ------------------------------------------------------------ generator */

/**
 * Build the in-memory file set. Returns { files: Map<relPath, text>, stats }.
 * relPath is relative to the work dir (e.g. "protocol/v2/file_002.ts").
 */
export function buildProtocol(n, { seed = 1, variant = "a", markersInProtocol = true, shapeOverrides = {} } = {}) {
  if (!SHAPES[variant]) throw new Error(`unknown variant ${variant} (expected a, b or c)`);
  const shape = { ...SHAPES[variant], ...shapeOverrides };
  if (!Number.isInteger(n) || n < 1) throw new Error(`n must be a positive integer, got ${n}`);
  const rng = createRng(`${seed}:${variant}:${n}`);

  const fileCount = Math.ceil(n / TYPES_PER_FILE);
  /** File index → directory relative to protocol/ ("" or "v2"). */
  const fileDir = (f) => (f % 4 === 2 ? "v2" : "");
  const fileRel = (f) => posix.join("protocol", fileDir(f), `file_${String(f).padStart(3, "0")}.ts`);
  const markersRel = markersInProtocol ? "protocol/markers.ts" : "markers.ts";
  const genericsRel = "protocol/common.ts";
  const operatorsRel = "protocol/operators.ts";

  const importSpec = (fromRel, toRel) => {
    let rel = posix.relative(posix.dirname(fromRel), toRel).replace(/\.ts$/, ".js");
    if (!rel.startsWith(".")) rel = `./${rel}`;
    return rel;
  };

  /** All declared types: { name, file, kind, generic? } in declaration order. */
  const types = [];
  /** Registry entries: { direction, name, params, result, experimental, doc } */
  const methods = [];
  const stats = { files: 0, types: 0, methods: 0, expFields: 0, expMembers: 0, expMethods: 0, variant, n, seed };

  const genericDecls = [];
  if (shape.generics) {
    genericDecls.push(
      `/** One page of results. */\nexport interface Page<T> {\n  items: T[];\n  /** Opaque cursor for the next page; null at the end. */\n  nextCursor: string | null;\n  total?: number;\n}`,
      `/** Either a value or an error. */\nexport type Result<T, E> =\n  | { ok: true; value: T }\n  | { ok: false; error: E };`,
      `export interface Envelope<T> {\n  id: string;\n  payload: T;\n  meta?: Record<string, string>;\n}`,
    );
  }

  let typeIndex = 0;
  const files = new Map();
  /** Indices into `types` of leaf types (no references), and per file the leaf count before it. */
  const leaves = [];
  const leafStart = [];

  for (let f = 0; f < fileCount; f++) {
    leafStart[f] = leaves.length;
    const rel = fileRel(f);
    const countHere = Math.min(TYPES_PER_FILE, n - f * TYPES_PER_FILE);
    /** Imported names per source file rel path. */
    const imports = new Map();
    const usesGeneric = new Set();
    let usesFlagged = false;
    /** Variant c: this file's structs with their stable field names, and literal unions with their values. */
    const localStructs = [];
    const localUnions = [];
    const body = [];
    const firstTypeOfFile = types.length;

    const addImport = (t) => {
      if (t.file === rel) return;
      if (!imports.has(t.file)) imports.set(t.file, new Set());
      imports.get(t.file).add(t.name);
    };

    /** Pick an earlier declared, non-generic type to reference. */
    const pickRef = () => {
      if (types.length === 0) return null;
      let t;
      const local = types.length - firstTypeOfFile;
      if (shape.crossFile === "any") {
        // Dense graph (experiments only): any earlier type, so closures span the protocol.
        if (local > 0 && rng.chance(0.7)) t = types[firstTypeOfFile + rng.int(0, local - 1)];
        else t = types[rng.int(0, types.length - 1)];
      } else {
        // Clustered graph: a file is a domain. Refs go to recent types of the same file,
        // or across files only to leaf types (no refs of their own), so a method's
        // closure stays within one file plus a few shared leaves, as in real protocols.
        const window = Math.min(local, shape.localWindow);
        const leavesBefore = leafStart[f];
        if (window > 0 && (leavesBefore === 0 || rng.chance(0.75))) {
          t = types[types.length - 1 - rng.int(0, window - 1)];
        } else if (leavesBefore > 0) {
          const recentLo = leafStart[Math.max(0, f - 4)];
          const i = recentLo < leavesBefore && rng.chance(0.6) ? rng.int(recentLo, leavesBefore - 1) : rng.int(0, leavesBefore - 1);
          t = types[leaves[i]];
        } else {
          return null;
        }
      }
      addImport(t);
      return t.name;
    };

    const literalUnion = (k) => {
      const start = rng.int(0, LITERAL_WORDS.length - 1);
      const vals = [];
      for (let i = 0; i < k; i++) vals.push(LITERAL_WORDS[(start + i * 3) % LITERAL_WORDS.length]);
      return [...new Set(vals)].map((v) => JSON.stringify(v));
    };

    /** A field's type text; `stableRefs` collects refs used by stable fields. */
    const fieldType = (depth, indent, opts = {}) => {
      const prim = () => rng.pick(["string", "number", "boolean", "string", "string"]);
      const choices = opts.primitiveOnly
        ? { prim: 6, lits: 2, primArray: 1, primRecord: 1 }
        : {
            prim: 5, lits: 2, ref: 6, refArray: 3, primArray: 1, record: 2, primRecord: 1,
            nested: depth < shape.nestDepth ? Math.round(shape.nestChance * 40) : 0,
            generic: shape.generics ? shape.genericWeight ?? 1 : 0,
            refUnion: shape.generics ? 2 : 0,
            tuple: shape.tuples ? 1 : 0,
          };
      const kind = rng.weighted(choices);
      switch (kind) {
        case "prim": return prim();
        case "lits": return literalUnion(rng.int(2, 4)).join(" | ");
        case "primArray": return `${prim()}[]`;
        case "primRecord": return `Record<string, ${prim()}>`;
        case "tuple": return `[number, number]`;
        case "ref": { const r = pickRef(); if (r) opts.stableRefs?.push(r); return r ?? prim(); }
        case "refArray": { const r = pickRef(); return r ? `${r}[]` : `${prim()}[]`; }
        case "record": { const r = pickRef(); return `Record<string, ${r ?? prim()}>`; }
        case "refUnion": {
          const a = pickRef(); const b = pickRef();
          return a && b && a !== b ? `${a} | ${b}` : (a ?? prim());
        }
        case "generic": {
          const r = pickRef();
          if (!r) return prim();
          const g = rng.pick(["Page", "Page", "Result", "Envelope"]);
          usesGeneric.add(g);
          if (g === "Result") { const e = pickRef() ?? "string"; return `Result<${r}, ${e}>`; }
          return `${g}<${r}>`;
        }
        case "nested": return objectLiteral(depth + 1, indent, {});
        default: throw new Error(kind);
      }
    };

    const fieldNames = (k, { exclude = [], prefix = "" } = {}) => {
      const names = new Set();
      while (names.size < k) {
        let w = rng.pick(FIELD_WORDS);
        if (prefix) w = `${prefix}${w[0].toUpperCase()}${w.slice(1)}`;
        if (rng.chance(0.05)) w = w.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`); // snake_case wire name
        if (names.has(w) || exclude.includes(w)) w = `${w}${names.size}`;
        names.add(w);
      }
      return [...names];
    };

    /** Lines of fields for an interface / object literal body at `indent`. */
    const fieldLines = (depth, indent, { allowExp = true, exclude = [], prefix = "", primitiveOnly = false, stableNames } = {}) => {
      const pad1 = "  ".repeat(indent);
      const k = rng.int(shape.fields[0], Math.max(shape.fields[0], shape.fields[1] - depth * 2));
      const names = fieldNames(k, { exclude, prefix });
      const stableRefs = [];
      const lines = [];
      names.forEach((name, i) => {
        // Keep the first field stable so no struct is empty in the stable audience.
        const exp = allowExp && i > 0 && rng.chance(shape.expField);
        let type;
        if (exp) {
          // Experimental fields use primitives or a ref already used by a stable field.
          type = stableRefs.length > 0 && rng.chance(0.4) ? rng.pick(stableRefs) : fieldType(depth, indent, { primitiveOnly: true });
          stats.expFields++;
        } else {
          type = fieldType(depth, indent, { stableRefs, primitiveOnly });
        }
        const optional = exp || rng.chance(shape.optional);
        const nullable = !type.includes("|") && !type.startsWith("{") && rng.chance(shape.nullable);
        if (exp) lines.push(`${pad1}/** @experimental */`);
        else if (rng.chance(0.15)) lines.push(`${pad1}/** ${rng.pick(DOCS)} */`);
        const wire = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
        if (!exp) stableNames?.push(name);
        lines.push(`${pad1}${wire}${optional ? "?" : ""}: ${type}${nullable ? " | null" : ""};`);
      });
      return lines;
    };

    function objectLiteral(depth, indent, opts = {}) {
      const lines = fieldLines(depth, indent + 1, opts);
      return `{\n${lines.join("\n")}\n${"  ".repeat(indent)}}`;
    }

    /** Variant c: one declaration written with a type operator over a struct or literal union of this file. */
    const operatorDeclaration = (kind, { word, idx, group }) => {
      const base = rng.pick(localStructs.slice(-10));
      const fields = base.fields.map((field) => JSON.stringify(field));
      const union = localUnions.length > 0 ? rng.pick(localUnions.slice(-10)) : null;
      switch (kind) {
        case "pick": {
          const picked = [...new Set([fields[0], rng.pick(fields)])].join(" | ");
          const name = `${word}Pick${idx}`;
          return { name, text: `export type ${name} = Pick<${base.name}, ${picked}>;` };
        }
        case "omit": {
          const name = `${word}Omit${idx}`;
          const omitted = fields.length > 1 ? fields[fields.length - 1] : `"absent"`;
          return { name, text: `export type ${name} = Omit<${base.name}, ${omitted}>;` };
        }
        case "partial": {
          const name = `${word}Patch${idx}`;
          const wrap = rng.pick(["Partial", "Readonly", "Required"]);
          return { name, text: `export type ${name} = ${wrap}<${base.name}>;` };
        }
        case "constKeys": {
          const name = `${word}Kind${idx}`;
          const constant = `${word.toUpperCase()}_KINDS_${idx}`;
          const keys = literalUnion(rng.int(2, 4)).map((v) => JSON.parse(v));
          const entries = keys.map((key) => `${key}: "${group}/${key}"`).join(", ");
          const text = `export const ${constant} = { ${entries} } as const;\nexport type ${name} = keyof typeof ${constant} | (typeof ${constant})[keyof typeof ${constant}];`;
          return { name, text };
        }
        case "mapped": {
          const name = `${word}Map${idx}`;
          const text = union && rng.chance(0.5)
            ? `export type ${name} = { readonly [K in ${union.name}]?: number };`
            : `export type ${name} = { [K in keyof ${base.name}]?: ${base.name}[K] | null };`;
          return { name, text };
        }
        case "conditional": {
          const name = `${word}Flags${idx}`;
          if (union.values.length > 2 && rng.chance(0.5)) {
            return { name, text: `export type ${name} = Exclude<${union.name}, ${union.values[union.values.length - 1]}>;` };
          }
          return { name, text: `export type ${name} = Flagged<${union.name}>;`, flagged: true };
        }
        case "template": {
          const name = `${word}Channel${idx}`;
          const text = rng.chance(0.5) ? `export type ${name} = \`${group}/\${${union.name}}\`;` : `export type ${name} = \`${group}/\${string}\`;`;
          return { name, text };
        }
        case "indexed": {
          const name = `${word}Field${idx}`;
          return { name, text: `export type ${name} = ${base.name}[${fields[0]}];` };
        }
        default:
          throw new Error(`unknown operator kind ${kind}`);
      }
    };

    const declare = (name, kind) => {
      if (kind === "leaf" || kind === "literalUnion" || kind === "enum") leaves.push(types.length);
      types.push({ name, file: rel, kind });
      typeIndex++;
    };

    let produced = 0;
    while (produced < countHere) {
      const remaining = countHere - produced;
      let kind = rng.weighted(shape.kinds);
      if (types.length === 0 && (kind === "refUnion" || kind === "intersection")) kind = "struct";
      if (kind === "method" && remaining < 2) kind = "struct";
      if (kind === "enum" && !shape.enums) kind = "literalUnion";
      if (OPERATOR_KINDS.has(kind) && localStructs.length === 0) kind = "struct";
      if ((kind === "template" || kind === "conditional") && localUnions.length === 0) kind = "literalUnion";
      const idx = pad(typeIndex);
      const word = rng.pick(TYPE_WORDS);
      const doc = rng.chance(0.3) ? `/** ${word} ${rng.pick(["state", "details", "summary", "settings", "event"])}. */\n` : "";

      switch (kind) {
        case "leaf": {
          // A small struct of primitives: shared across files (ids, refs, summaries).
          const name = `${word}Summary${idx}`;
          body.push(`${doc}export interface ${name} {\n${fieldLines(0, 1, { primitiveOnly: true }).join("\n")}\n}`);
          declare(name, kind);
          produced++;
          break;
        }
        case "struct": {
          const name = `${word}${idx}`;
          const stableNames = [];
          body.push(`${doc}export interface ${name} {\n${fieldLines(0, 1, { stableNames }).join("\n")}\n}`);
          if (shape.operators) localStructs.push({ name, fields: stableNames });
          declare(name, kind);
          produced++;
          break;
        }
        case "objectAlias": {
          const name = `${word}Info${idx}`;
          body.push(`${doc}export type ${name} = ${objectLiteral(0, 0, {})};`);
          declare(name, kind);
          produced++;
          break;
        }
        case "literalUnion": {
          const name = `${word}Status${idx}`;
          const vals = literalUnion(rng.int(2, 6));
          const members = vals.map((v, i) => {
            if (i > 0 && vals.length > 2 && rng.chance(shape.expMember / 2)) {
              stats.expMembers++;
              return `  | /** @experimental */ ${v}`;
            }
            return `  | ${v}`;
          });
          body.push(`${doc}export type ${name} =\n${members.join("\n")};`);
          if (shape.operators) localUnions.push({ name, values: vals });
          declare(name, kind);
          produced++;
          break;
        }
        case "enum": {
          const name = `${word}Mode${idx}`;
          const vals = [...new Set(literalUnion(rng.int(2, 5)).map((v) => JSON.parse(v)))];
          const members = vals.map((v, i) => {
            const member = `${v[0].toUpperCase()}${v.slice(1)} = ${JSON.stringify(v)},`;
            if (i > 0 && vals.length > 2 && rng.chance(shape.expMember / 2)) {
              stats.expMembers++;
              return `  /** @experimental */\n  ${member}`;
            }
            return `  ${member}`;
          });
          body.push(`${doc}export enum ${name} {\n${members.join("\n")}\n}`);
          declare(name, kind);
          produced++;
          break;
        }
        case "discUnion": {
          const name = `${word}Event${idx}`;
          const disc = rng.pick(["type", "type", "kind"]);
          const tags = literalUnion(rng.int(2, 5)).map((v) => JSON.parse(v));
          const members = tags.map((tag, i) => {
            const exp = i > 0 && tags.length > 2 && rng.chance(shape.expMember);
            if (exp) {
              // Experimental members hold only primitives, so nothing becomes unreachable.
              stats.expMembers++;
              const primLines = fieldNames(rng.int(1, 3), { exclude: [disc] })
                .map((f) => `    ${f}: ${rng.pick(["string", "number", "boolean"])};`);
              return `  | /** @experimental */ {\n    ${disc}: ${JSON.stringify(tag)};\n${primLines.join("\n")}\n  }`;
            }
            const lines = fieldLines(1, 2, { exclude: [disc] });
            return `  | {\n    ${disc}: ${JSON.stringify(tag)};\n${lines.join("\n")}\n  }`;
          });
          body.push(`${doc}export type ${name} =\n${members.join("\n")};`);
          declare(name, kind);
          produced++;
          break;
        }
        case "refUnion": {
          const name = `${word}Ref${idx}`;
          const k = rng.int(2, variant === "b" ? 4 : 3);
          const refs = [...new Set(Array.from({ length: k }, () => pickRef()))];
          const nullable = rng.chance(0.5);
          body.push(`${doc}export type ${name} = ${refs.join(" | ")}${nullable || refs.length < 2 ? " | null" : ""};`);
          declare(name, kind);
          produced++;
          break;
        }
        case "intersection": {
          const name = `${word}Extended${idx}`;
          // Intersect with an object-like type of this file, or a shared leaf struct.
          const candidates = types.filter((t) => (t.file === rel && (t.kind === "struct" || t.kind === "objectAlias")) || t.kind === "leaf");
          if (candidates.length === 0) continue;
          const local = candidates.filter((t) => t.file === rel);
          const base = local.length > 0 && rng.chance(0.7) ? rng.pick(local) : rng.pick(candidates.slice(-100));
          addImport(base);
          body.push(`${doc}export type ${name} = ${base.name} & ${objectLiteral(1, 0, { prefix: "ext" })};`);
          // Not a base for later intersections: two `ext…` objects may share a field name with
          // types that have no common value (`string[] & [number, number]`).
          declare(name, "intersection");
          produced++;
          break;
        }
        case "pick":
        case "omit":
        case "partial":
        case "constKeys":
        case "mapped":
        case "conditional":
        case "template":
        case "indexed": {
          const { name, text, flagged } = operatorDeclaration(kind, { word, idx, group: `${word.toLowerCase()}${f}` });
          usesFlagged ||= flagged;
          body.push(`${doc}${text}`);
          declare(name, "objectAlias");
          produced++;
          break;
        }
        case "method": {
          const direction = rng.weighted(shape.directions);
          const verb = rng.pick(VERBS);
          const group = `${word.toLowerCase()}${f}`;
          const methodName = `${group}/${verb}${idx}`;
          const isNotification = direction.endsWith("Notification");
          const noParams = !isNotification && rng.chance(0.08);
          const experimental = rng.chance(shape.expMethod);
          let paramsName, resultName;
          if (!noParams) {
            paramsName = `${word}${verb[0].toUpperCase()}${verb.slice(1)}${isNotification ? "Notification" : "Params"}${idx}`;
            body.push(`export interface ${paramsName} {\n${fieldLines(0, 1).join("\n")}\n}`);
            declare(paramsName, "struct");
            produced++;
          }
          if (!isNotification && produced < countHere) {
            resultName = `${word}${verb[0].toUpperCase()}${verb.slice(1)}Response${pad(typeIndex)}`;
            let resultBody = fieldLines(0, 1);
            if (shape.generics && rng.chance(0.4)) {
              const r = pickRef();
              if (r) { usesGeneric.add("Page"); resultBody = [`  page: Page<${r}>;`, ...resultBody]; }
            }
            body.push(`export interface ${resultName} {\n${resultBody.join("\n")}\n}`);
            declare(resultName, "struct");
            produced++;
          }
          if (isNotification || resultName) {
            if (experimental) stats.expMethods++;
            methods.push({
              direction, name: methodName, experimental,
              params: paramsName ? { name: paramsName, file: rel } : null,
              result: resultName ? { name: resultName, file: rel } : null,
              doc: rng.chance(0.3) ? `${verb[0].toUpperCase()}${verb.slice(1)} a ${word.toLowerCase()}.` : null,
            });
          }
          break;
        }
        default:
          throw new Error(`unknown kind ${kind}`);
      }
    }

    const header = [`// Synthetic protocol (schemagate bench): variant ${variant}, seed ${seed}, file ${f}.`];
    if (usesGeneric.size > 0) {
      header.push(`import type { ${[...usesGeneric].sort().join(", ")} } from "${importSpec(rel, genericsRel)}";`);
    }
    if (usesFlagged) header.push(`import type { Flagged } from "${importSpec(rel, operatorsRel)}";`);
    for (const [from, names] of [...imports.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      header.push(`import type { ${[...names].sort().join(", ")} } from "${importSpec(rel, from)}";`);
    }
    files.set(rel, `${header.join("\n")}\n\n${body.join("\n\n")}\n`);
  }

  if (shape.operators) {
    files.set(
      operatorsRel,
      "// Synthetic protocol (schemagate bench): a distributive conditional type.\n\n" +
        "/** One flag per member of a union of names. */\nexport type Flagged<T> = T extends string ? { name: T; enabled: boolean } : never;\n",
    );
  }

  if (genericDecls.length > 0) {
    files.set(genericsRel, `// Synthetic protocol (schemagate bench): shared generic shapes.\n\n${genericDecls.join("\n\n")}\n`);
  }

  // Method registries: one per direction, in protocol/methods.ts.
  const dirs = Object.keys(shape.directions);
  const typeName = { clientRequest: "ClientRequests", serverRequest: "ServerRequests", clientNotification: "ClientNotifications", serverNotification: "ServerNotifications" };
  const regImports = new Map();
  const regBodies = [];
  const methodsRel = "protocol/methods.ts";
  let usesRequest = false, usesNotification = false;
  for (const direction of dirs) {
    const entries = methods.filter((m) => m.direction === direction);
    if (entries.length === 0) continue;
    const lines = [];
    for (const m of entries) {
      for (const t of [m.params, m.result]) {
        if (!t) continue;
        if (!regImports.has(t.file)) regImports.set(t.file, new Set());
        regImports.get(t.file).add(t.name);
      }
      const docs = [];
      if (m.doc) docs.push(m.doc);
      if (m.experimental) docs.push("@experimental");
      if (docs.length === 1) lines.push(`  /** ${docs[0]} */`);
      else if (docs.length > 1) lines.push(`  /**\n   * ${docs[0]}\n   * ${docs[1]}\n   */`);
      const p = m.params ? m.params.name : "undefined";
      if (direction.endsWith("Notification")) {
        usesNotification = true;
        lines.push(`  ${JSON.stringify(m.name)}: Notification<${p}>;`);
      } else {
        usesRequest = true;
        lines.push(`  ${JSON.stringify(m.name)}: Request<${p}, ${m.result.name}>;`);
      }
    }
    regBodies.push(`/** @methods ${direction} */\nexport interface ${typeName[direction]} {\n${lines.join("\n")}\n}`);
    stats.methods += entries.length;
  }
  if (regBodies.length > 0) {
    const markerNames = [usesNotification && "type Notification", usesRequest && "type Request"].filter(Boolean);
    const head = [`// Synthetic protocol (schemagate bench): method registries.`];
    head.push(`import { ${markerNames.join(", ")} } from "${importSpec(methodsRel, markersRel)}";`);
    for (const [from, names] of [...regImports.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      head.push(`import type { ${[...names].sort().join(", ")} } from "${importSpec(methodsRel, from)}";`);
    }
    files.set(methodsRel, `${head.join("\n")}\n\n${regBodies.join("\n\n")}\n`);
  }

  files.set(
    markersRel,
    [
      "// Local stand-in for \"schemagate/markers\" (which does not resolve in the bench work dir).",
      "// schemagate recognises the markers by name, so the same files serve every tool.",
      "",
      "/** A request in a `@methods` registry: params `P` (or `undefined` for none), result `R`. */",
      "export interface Request<P, R> {",
      "  readonly params: P;",
      "  readonly result: R;",
      "}",
      "",
      "/** A notification in a `@methods` registry, with payload `P`. */",
      "export interface Notification<P> {",
      "  readonly params: P;",
      "}",
      "",
    ].join("\n"),
  );

  files.set(
    "tsconfig.json",
    `${JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        include: ["protocol/**/*.ts", markersRel],
      },
      null,
      2,
    )}\n`,
  );
  files.set("package.json", `${JSON.stringify({ private: true, type: "module" }, null, 2)}\n`);
  files.set(
    "schemagate.config.json",
    `${JSON.stringify({ input: "protocol", output: "generated", bundleName: "synthetic" }, null, 2)}\n`,
  );

  stats.files = [...files.keys()].filter((p) => p.startsWith("protocol/")).length;
  stats.types = types.length + (shape.generics ? 3 : 0);
  stats.registries = regBodies.length;
  return { files, stats };
}

/** Write the protocol under `dir` (its protocol/ folder is replaced). Returns stats. */
export function generate(n, { seed = 1, variant = "a", dir, markersInProtocol = true, shapeOverrides = {} } = {}) {
  if (!dir) throw new Error("generate: dir is required");
  const { files, stats } = buildProtocol(n, { seed, variant, markersInProtocol, shapeOverrides });
  rmSync(join(dir, "protocol"), { recursive: true, force: true });
  for (const [rel, text] of files) {
    const abs = join(dir, ...rel.split("/"));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return stats;
}

/**
 * The release before `protocol/`, for timing `schemagate diff`: the same files
 * with a few edits a release makes, written to `protocol-previous/`. In every
 * fifth file the first optional field was still required and the last field of
 * the first interface did not exist yet, so the diff has changes to find
 * while it walks the whole protocol. Returns how many files differ.
 */
export function generatePreviousVersion(n, { seed = 1, variant = "a", dir, markersInProtocol = true, shapeOverrides = {} } = {}) {
  if (!dir) throw new Error("generatePreviousVersion: dir is required");
  const { files } = buildProtocol(n, { seed, variant, markersInProtocol, shapeOverrides });
  rmSync(join(dir, "protocol-previous"), { recursive: true, force: true });
  let edited = 0;
  [...files].filter(([rel]) => rel.startsWith("protocol/")).forEach(([rel, text], index) => {
    let previous = text;
    if (index % 5 === 0 && /^file_/.test(posix.basename(rel))) {
      previous = previous.replace(/^(\s+[\w$]+)\?: /m, "$1: ");
      previous = previous.replace(/(export interface \w+ \{\n(?:.*\n)*?)(\s+[\w$]+\??: [^\n]*\n)(\})/, "$1$3");
      if (previous !== text) edited++;
    }
    const abs = join(dir, "protocol-previous", ...rel.split("/").slice(1));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, previous);
  });
  return { edited };
}

/* ------------------------------------------------------------------ CLI */

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const get = (flag, def) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : def;
  };
  const n = Number(get("--n", "100"));
  const variant = get("--variant", "a");
  const seed = get("--seed", "1");
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = get("--out", join(here, "work", `${variant}-${n}`));
  const shapeOverrides = JSON.parse(get("--shape", "{}"));
  const stats = generate(n, { seed, variant, dir, markersInProtocol: !args.includes("--markers-outside"), shapeOverrides });
  console.log(JSON.stringify({ dir, ...stats }));
}
