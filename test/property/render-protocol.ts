import path from "node:path";
import type { MemoryFile } from "../support/in-memory.js";
import type {
  DeclarationBlueprint,
  DeclarationKind,
  DocBlueprint,
  FieldBlueprint,
  MethodBlueprint,
  ProtocolBlueprint,
  TypeBlueprint,
} from "./protocol-blueprint.js";

/**
 * Turns a blueprint into TypeScript protocol definitions that schemagate must
 * accept without error diagnostics. Repairs, so every draw is well formed:
 * - a stable field, union member or method that would reach an experimental
 *   type is marked experimental itself (the design's only legal way there);
 * - a union or enum keeps at least one stable member (SG014);
 * - an intersection's base is a stable object type when the intersection is
 *   stable, and type aliases never refer to themselves outside an object.
 */

const DECLARATION_NAMES = [
  "Thread", "Turn", "Item", "Status", "Config", "Model", "Entry", "Page", "Mode", "Kind", "Event", "Session",
  "Approval", "Decision", "Tool", "Plan", "Usage", "Source", "Policy", "Profile",
];
const FIELD_NAMES = [
  "id", "name", "value", "status", "items", "mode", "data", "next", "label", "count", "enabled", "meta", "kind",
  "default", "x-y", "threadId", "createdAt", "tags", "extra", "a", "type",
];
const LITERALS: readonly (string | number | boolean)[] = [
  "idle", "busy", "a", "b", "on-request", "never", "x y", "UPPER", 0, 1, 42, true, false,
];
const WORDS = [
  "the", "thread", "turn", "item", "is", "sent", "when", "a", "client", "server", "asks", "for", "approval", "of",
  "`code`", "value", "in", "milliseconds", "may", "be", "null", "see", "docs", "and", "it", "with", "every", "run",
  "Ok.", "first", "last",
];
const STRING_TAGS = ["@format date-time", "@format email", "@pattern ^[a-z0-9-]+$", '@default "x"'];
const NUMBER_TAGS = ["@minimum 0", "@maximum 100", "@default 3"];
const FILE_NAMES = ["types.ts", "more.ts"];
const REGISTRY_NAMES = {
  clientRequest: "ClientRequests",
  serverRequest: "ServerRequests",
  clientNotification: "ClientNotifications",
  serverNotification: "ServerNotifications",
} as const;
const METHOD_GROUPS = ["thread", "turn", "item", "config", "model"];
const METHOD_VERBS = ["start", "read", "list", "changed", "update"];

interface Declaration {
  readonly index: number;
  readonly blueprint: DeclarationBlueprint;
  readonly kind: DeclarationKind;
  readonly name: string;
  /** POSIX path under the input root. */
  readonly file: string;
  readonly experimental: boolean;
}

const OBJECT_KINDS: readonly DeclarationKind[] = ["interface", "class", "object-alias"];

export function renderProtocol(blueprint: ProtocolBlueprint): MemoryFile[] {
  const folders = ["", ...blueprint.folders];
  const fileOf = (folder: number, file: number) => path.posix.join(folders[folder % folders.length]!, FILE_NAMES[file % FILE_NAMES.length]!);
  const taken = new Map<string, Set<string>>();
  const declarations: Declaration[] = blueprint.declarations.map((declaration, index) => {
    const file = fileOf(declaration.folder, declaration.file);
    const namespace = path.posix.dirname(file);
    const names = taken.get(namespace) ?? new Set<string>();
    taken.set(namespace, names);
    const base = DECLARATION_NAMES[declaration.name % DECLARATION_NAMES.length]!;
    let name = base;
    for (let suffix = 2; names.has(name); suffix++) name = `${base}${suffix}`;
    names.add(name);
    return { index, blueprint: declaration, kind: declaration.kind, name, file, experimental: declaration.experimental };
  });
  const files = new Map<string, FileWriter>();
  const writer = (file: string) => {
    let found = files.get(file);
    if (!found) files.set(file, (found = new FileWriter(file, declarations, blueprint.importMarkers)));
    return found;
  };
  for (const declaration of declarations) writer(declaration.file).declaration(declaration);
  if (blueprint.methods.length > 0) {
    writer(fileOf(blueprint.registryPlace[0], blueprint.registryPlace[1])).registries(blueprint.methods);
  }
  return [...files.values()].map((file) => ({ path: file.path, text: file.render() }));
}

/** One output file: its declarations, and the imports they need, with aliases where names clash. */
class FileWriter {
  private readonly body: string[] = [];
  private readonly localNames = new Map<number, string>();
  private readonly imports = new Map<string, { name: string; alias: string }[]>();
  private readonly bound = new Set<string>();

  constructor(
    readonly path: string,
    private readonly all: readonly Declaration[],
    private readonly importMarkers: boolean,
  ) {
    for (const declaration of all) {
      if (declaration.file === path) {
        this.localNames.set(declaration.index, declaration.name);
        this.bound.add(declaration.name);
      }
    }
  }

  render(): string {
    const lines: string[] = [];
    if (this.importMarkers) lines.push('import { experimental, methods, type Request, type Notification } from "schemagate/markers";');
    for (const [file, names] of [...this.imports].sort(([a], [b]) => (a < b ? -1 : 1))) {
      let specifier = path.posix.relative(path.posix.dirname(this.path), file).replace(/\.ts$/, ".js");
      if (!specifier.startsWith(".")) specifier = `./${specifier}`;
      const list = names.map(({ name, alias }) => (alias === name ? name : `${name} as ${alias}`)).join(", ");
      lines.push(`import type { ${list} } from "${specifier}";`);
    }
    return [...lines, "", ...this.body].join("\n") + "\n";
  }

  /** The identifier for declaration `index` in this file, importing it on first use. */
  private nameOf(index: number): string {
    const local = this.localNames.get(index);
    if (local) return local;
    const target = this.all[index]!;
    let alias = target.name;
    if (this.bound.has(alias)) alias = `${target.name}From${index}`;
    this.bound.add(alias);
    this.localNames.set(index, alias);
    const list = this.imports.get(target.file) ?? [];
    list.push({ name: target.name, alias });
    this.imports.set(target.file, list);
    return alias;
  }

  /** Field names an object-like declaration has, through intersection bases. */
  private fieldNames(declaration: Declaration, depth = 0): Set<string> {
    const names = new Set(declaration.blueprint.fields.map((field) => FIELD_NAMES[field.name % FIELD_NAMES.length]!));
    if (declaration.kind === "intersection" && depth < 8) {
      names.add("extra");
      for (const name of this.fieldNames(this.target(declaration.blueprint.base), depth + 1)) names.add(name);
    }
    return names;
  }

  private target(index: number): Declaration {
    return this.all[index % this.all.length]!;
  }

  declaration(declaration: Declaration): void {
    const { blueprint } = declaration;
    const stable = !declaration.experimental;
    const head = jsDoc(blueprint.doc, "", declaration.experimental ? [experimentalTag(false, "")] : []);
    switch (declaration.kind) {
      case "interface":
      case "object-alias": {
        const fields = this.fields(blueprint.fields, stable, "  ", false);
        const body = fields.length > 0 ? `{\n${fields.join("\n")}\n}` : "{}";
        this.body.push(...head, declaration.kind === "interface" ? `export interface ${declaration.name} ${body}` : `export type ${declaration.name} = ${body};`);
        return;
      }
      case "class": {
        const fields = this.fields(blueprint.fields, stable, "  ", true);
        const decorated = declaration.experimental && blueprint.fields.length % 2 === 0;
        const classHead = decorated ? [...jsDoc(blueprint.doc, "", []), "@experimental()"] : head;
        this.body.push(...classHead, `export class ${declaration.name} {`, ...fields, "}");
        return;
      }
      case "literal-union":
      case "enum": {
        const seen = new Set<string>();
        const members = blueprint.members
          .map((member) => ({ value: LITERALS[member.value % LITERALS.length]!, experimental: member.experimental }))
          .filter(({ value }) => (declaration.kind === "enum" ? typeof value !== "boolean" : true))
          .filter(({ value }) => !seen.has(JSON.stringify(value)) && seen.add(JSON.stringify(value)));
        if (members.length === 0) members.push({ value: "only", experimental: false });
        if (members.every((member) => member.experimental)) members[0] = { ...members[0]!, experimental: false };
        if (declaration.kind === "enum") {
          const lines = members.map(({ value, experimental }, i) => {
            const doc = experimental ? "/** @experimental */ " : "";
            return `  ${doc}${enumMemberName(value, i)} = ${JSON.stringify(value)},`;
          });
          this.body.push(...head, `export enum ${declaration.name} {`, ...lines, "}");
        } else {
          const text = members.map(({ value, experimental }) => `  | ${experimental ? "/** @experimental */ " : ""}${JSON.stringify(value)}`);
          this.body.push(...head, `export type ${declaration.name} =`, ...text.map((line, i) => (i === text.length - 1 ? `${line};` : line)));
        }
        return;
      }
      case "object-union": {
        const members: string[] = [];
        const refs = new Set<number>();
        let stableMembers = 0;
        blueprint.members.forEach((member, i) => {
          const target = member.ref === null ? undefined : this.target(member.ref);
          if (target && OBJECT_KINDS.includes(target.kind) && !refs.has(target.index)) {
            refs.add(target.index);
            const experimental = member.experimental || (stable && target.experimental);
            if (!experimental) stableMembers++;
            members.push(`  | ${experimental ? "/** @experimental */ " : ""}${this.nameOf(target.index)}`);
            return;
          }
          const fields = this.fields(member.fields.filter((field) => FIELD_NAMES[field.name % FIELD_NAMES.length] !== "type"), stable, "      ", false);
          if (!member.experimental) stableMembers++;
          members.push(`  | ${member.experimental ? "/** @experimental */ " : ""}{\n      type: "kind${i}";${fields.length ? `\n${fields.join("\n")}` : ""}\n    }`);
        });
        if (stableMembers === 0) members.push('  | { type: "plain" }');
        this.body.push(...head, `export type ${declaration.name} =`, ...members.map((line, i) => (i === members.length - 1 ? `${line};` : line)));
        return;
      }
      case "intersection": {
        const base = this.target(blueprint.base);
        const usable = OBJECT_KINDS.includes(base.kind) && base.index !== declaration.index && (declaration.experimental || !base.experimental);
        // A field named like one of the base's would intersect two unrelated types (often to `never`):
        // not a protocol anyone writes, and TypeScript's and JSON Schema's readings of it differ.
        const taken = usable ? this.fieldNames(base) : new Set<string>();
        const own = blueprint.fields.filter((field) => !taken.has(FIELD_NAMES[field.name % FIELD_NAMES.length]!));
        const fields = this.fields(own, stable, "  ", false);
        const extra = fields.length > 0 ? `{\n${fields.join("\n")}\n}` : taken.has("extra") ? "{}" : "{ extra?: string }";
        this.body.push(...head, `export type ${declaration.name} = ${usable ? `${this.nameOf(base.index)} & ` : ""}${extra};`);
        return;
      }
      case "map-alias": {
        const value = this.target(blueprint.base);
        const usable = OBJECT_KINDS.includes(value.kind) && (declaration.experimental || !value.experimental);
        this.body.push(...head, `export type ${declaration.name} = Record<string, ${usable ? this.nameOf(value.index) : "string"}>;`);
        return;
      }
    }
  }

  /** Property lines of an object; `stable` says whether reaching an experimental type forces the field experimental. */
  private fields(blueprints: readonly FieldBlueprint[], stable: boolean, indent: string, inClass: boolean): string[] {
    const lines: string[] = [];
    const seen = new Set<string>();
    for (const field of blueprints) {
      const name = FIELD_NAMES[field.name % FIELD_NAMES.length]!;
      if (seen.has(name)) continue;
      seen.add(name);
      const rendered = this.type(field.type, stable, `${indent}  `);
      const experimental = field.experimental || (stable && rendered.experimentalRef);
      const type = field.nullable ? `${parenthesizeUnion(rendered.text)} | null` : rendered.text;
      const tagged = tagFor(field, rendered.primitive);
      const decorator = inClass && experimental && field.decorator;
      const markers = experimental && !decorator ? [experimentalTag(field.reason, name)] : [];
      lines.push(...jsDoc(field.doc, indent, [...(tagged ? [tagged] : []), ...markers]));
      const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
      const prefix = decorator ? `@experimental(${field.reason ? JSON.stringify(`custom/${name}`) : ""}) ` : "";
      const mark = field.optional ? "?" : inClass ? "!" : "";
      lines.push(`${indent}${prefix}${key}${mark}: ${type};`);
    }
    return lines;
  }

  /** Type text, whether it reaches an experimental declaration, and the primitive it is when it is one. */
  private type(type: TypeBlueprint, stable: boolean, indent: string): { text: string; experimentalRef: boolean; primitive?: string } {
    switch (type.kind) {
      case "primitive":
        return { text: type.name, experimentalRef: false, primitive: type.name };
      case "ref": {
        const target = this.target(type.target);
        return { text: this.nameOf(target.index), experimentalRef: target.experimental };
      }
      case "array": {
        const element = this.type(type.element, stable, indent);
        return { text: `${parenthesizeUnion(element.text)}[]`, experimentalRef: element.experimentalRef };
      }
      case "map": {
        const value = this.type(type.value, stable, indent);
        const text = type.record ? `Record<string, ${value.text}>` : `{ [key: string]: ${value.text} }`;
        return { text, experimentalRef: value.experimentalRef };
      }
      case "tuple": {
        const elements = type.elements.map((element) => this.type(element, stable, indent));
        return { text: `[${elements.map((element) => element.text).join(", ")}]`, experimentalRef: elements.some((element) => element.experimentalRef) };
      }
      case "literals":
        return { text: [...new Set(type.values.map((value) => JSON.stringify(LITERALS[value % LITERALS.length])))].join(" | "), experimentalRef: false };
      case "inline": {
        const fields = this.fields(type.fields, stable, indent, false);
        return { text: fields.length > 0 ? `{\n${fields.join("\n")}\n${indent.slice(2)}}` : "{}", experimentalRef: false };
      }
    }
  }

  registries(methods: readonly MethodBlueprint[]): void {
    const byDirection = new Map<string, string[]>();
    methods.forEach((method, i) => {
      const params = method.params === null ? undefined : this.target(method.params);
      const result = this.target(method.result);
      const reachesExperimental = params?.experimental || (method.direction.endsWith("Request") && result.experimental);
      const experimental = method.experimental || reachesExperimental;
      const name = `${METHOD_GROUPS[i % METHOD_GROUPS.length]}/${METHOD_VERBS[(i >> 1) % METHOD_VERBS.length]}${i}`;
      const paramsText = params ? this.nameOf(params.index) : "undefined";
      const entry = method.direction.endsWith("Request")
        ? `Request<${paramsText}, ${this.nameOf(result.index)}>`
        : `Notification<${paramsText}>`;
      const lines = byDirection.get(method.direction) ?? [];
      lines.push(...jsDoc(method.doc, "  ", experimental ? [experimentalTag(false, "")] : []), `  ${JSON.stringify(name)}: ${entry};`);
      byDirection.set(method.direction, lines);
    });
    for (const [direction, lines] of byDirection) {
      this.body.push(`/** @methods ${direction} */`, `export interface ${REGISTRY_NAMES[direction as keyof typeof REGISTRY_NAMES]} {`, ...lines, "}");
    }
  }
}

function experimentalTag(explicit: boolean, name: string): string {
  return explicit ? `@experimental custom/${name || "reason"}` : "@experimental";
}

function tagFor(field: FieldBlueprint, primitive: string | undefined): string | undefined {
  if (field.doc?.tag === null || field.doc?.tag === undefined) return undefined;
  if (primitive === "string") return STRING_TAGS[field.doc.tag % STRING_TAGS.length];
  if (primitive === "number") return NUMBER_TAGS[field.doc.tag % NUMBER_TAGS.length];
  return undefined;
}

/** A JSDoc block (or nothing) with the blueprint's text and the given tags. */
function jsDoc(doc: DocBlueprint | null, indent: string, tags: readonly string[]): string[] {
  const text = doc ? doc.words.map((word) => WORDS[word % WORDS.length]!) : [];
  const lines: string[] = [];
  if (text.length > 0) {
    if (doc!.multiline && text.length > 1) {
      const middle = Math.ceil(text.length / 2);
      lines.push(text.slice(0, middle).join(" "), text.slice(middle).join(" "));
    } else {
      lines.push(text.join(" "));
    }
  }
  if (doc?.deprecated) lines.push("@deprecated Use the other one.");
  lines.push(...tags);
  if (lines.length === 0) return [];
  if (lines.length === 1) return [`${indent}/** ${lines[0]} */`];
  return [`${indent}/**`, ...lines.map((line) => `${indent} * ${line}`), `${indent} */`];
}

function enumMemberName(value: string | number | boolean, index: number): string {
  const text = String(value).replace(/[^A-Za-z0-9]/g, "");
  return /^[A-Za-z]/.test(text) ? `${text[0]!.toUpperCase()}${text.slice(1)}` : `M${index}`;
}

function parenthesizeUnion(text: string): string {
  return text.includes(" | ") && !text.startsWith("{") ? `(${text})` : text;
}
