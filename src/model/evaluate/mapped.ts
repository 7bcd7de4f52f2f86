import type { Mutable } from "../../immutable.js";
import { patternKey, patternsFor } from "../patterns.js";
import { isPatternKey, type Operator, type PatternIndex, type PatternKey, type Property, type SourceLocation, type TypeNode, type UnionMember, type UtilityName } from "../types.js";
import { isAssignable } from "./assignable.js";
import type { Env, Evaluator } from "./evaluator.js";
import { keysOf, objectOf, objectView, withoutMatchedLiterals, type ObjectView } from "./keys.js";
import { ANY_BUT_NULL, ANY_BUT_NULL_EVERY_KEY, distributionMembers, isAnyButNull, isNever, isNull, isUndefined, marked, NO_DOCS, NOWHERE, STRING, unionOf, withoutUndefined } from "./members.js";
import { intrinsicType, type IntrinsicName } from "./template.js";

type MappedOperator = Extract<Operator, { op: "mapped" }>;

/** One property a mapped type produces, before it is placed in an object. */
interface MappedKey {
  readonly name: string;
  /** The source property, when the mapped type is homomorphic (`keyof T`, `Pick`): its docs, marks and optionality carry over. */
  readonly source?: Property;
  /** The key member itself: an experimental key makes an experimental property. */
  readonly key: UnionMember;
}

/**
 * `{ [K in Keys as N]?: V }`. Over `keyof T` (homomorphic) each property keeps
 * `T`'s optionality, docs and experimental mark, and a union `T` distributes;
 * over other keys, string literals become properties (marked as their key
 * members are) and `string` an index signature.
 */
export function mappedType(evaluator: Evaluator, operator: MappedOperator, env: Env, at: SourceLocation): TypeNode {
  const valueFor = (key: TypeNode): TypeNode => evaluator.evaluate(operator.value, new Map(env).set(operator.parameter, key));
  const nameFor = (key: TypeNode): TypeNode =>
    operator.nameType ? evaluator.evaluate(operator.nameType, new Map(env).set(operator.parameter, key)) : key;
  if (operator.homomorphic) {
    const source = evaluator.resolve(evaluator.evaluate(operator.homomorphic, env), at);
    // Over a written type that is `never` (an intersection with no value), TypeScript's answer is `{}`, which every
    // value but null satisfies; over a type parameter given `never` (`Partial<never>`), it is `never`.
    if (isNever(source) && !operator.overParameter) return operator.nameType ? ANY_BUT_NULL : ANY_BUT_NULL_EVERY_KEY;
    return mapHomomorphic(evaluator, source, at, (view) =>
      buildObject(evaluator, viewKeys(view), operator.optional, valueFor, nameFor, at, view.additional ? view.stringKeys === true : undefined),
    );
  }
  const keys = withoutMatchedLiterals(distributionMembers(evaluator.resolve(evaluator.evaluate(operator.constraint, env), at)));
  return buildObject(evaluator, keys.map((key) => ({ name: "", key })), operator.optional, valueFor, nameFor, at);
}

/** A homomorphic mapping of `source`: distributed over a union, element-wise over an array, else over its properties. */
function mapHomomorphic(
  evaluator: Evaluator,
  source: TypeNode,
  at: SourceLocation,
  map: (view: ObjectView) => TypeNode,
): TypeNode {
  if (isAnyButNull(source)) return source; // `Partial<{}>` is `{}`
  if (source.kind === "union") return evaluator.mapMembers(source.members, (member) => mapHomomorphic(evaluator, evaluator.resolve(member, at), at, map));
  if (source.kind === "primitive" || source.kind === "literal") return source; // TypeScript maps primitives to themselves
  const view = objectView(evaluator, source, at);
  if (!view) return evaluator.report("unsupported-construct", "a mapped type over this type has no JSON meaning; map an object type", at);
  return map(view);
}

/** The keys of a homomorphic mapping: each property's name, each template literal key, then `string` for a string index signature. */
function viewKeys(view: ObjectView): MappedKey[] {
  const keys: MappedKey[] = view.properties.map((property) => ({
    name: property.name,
    source: property,
    key: { type: { kind: "literal", value: property.name }, docs: NO_DOCS, location: property.location },
  }));
  for (const index of view.patterns ?? []) keys.push({ name: "", key: { type: index.key, docs: NO_DOCS, location: index.location } });
  if (view.additional) keys.push({ name: "", key: { type: STRING, docs: NO_DOCS, location: NOWHERE } });
  return keys;
}

/**
 * The object a mapped type builds from its keys. `sourceStringKeys`: a
 * homomorphic mapping keeps its source's index keys (`keyof Partial<Record<string, V>>`
 * is `string`); over other keys, `string` without `number` gives such a map.
 */
function buildObject(
  evaluator: Evaluator,
  keys: readonly MappedKey[],
  modifier: "+" | "-" | undefined,
  valueFor: (key: TypeNode) => TypeNode,
  nameFor: (key: TypeNode) => TypeNode,
  at: SourceLocation,
  sourceStringKeys?: boolean,
): TypeNode {
  let numberKeyed = false;
  const properties: Property[] = [];
  let additional: TypeNode | undefined;
  const patterns: PatternIndex[] = [];
  const addIndex = (key: TypeNode) => {
    const value = withoutUndefined(valueFor(key)).type;
    additional = additional ? evaluator.plainUnion([additional, value]) : value;
  };
  // A key named by a template literal type that is not finite: an index signature with that key (TypeScript's rule for such names).
  const addPattern = (name: PatternKey, key: TypeNode, location: SourceLocation) => {
    const value = withoutUndefined(valueFor(key)).type;
    const same = patterns.findIndex((index) => patternKey(index).pattern === name.pattern);
    if (same === -1) patterns.push({ key: name, value, location });
    else patterns[same] = { ...patterns[same]!, value: evaluator.plainUnion([patterns[same]!.value, value]) };
  };
  for (const { key, source } of keys) {
    const keyType = key.type;
    const indexKey = keyType.kind === "primitive" && (keyType.name === "number" || (keyType.name === "string" && keyType.format === undefined));
    if (!indexKey && (keyType.kind !== "literal" || typeof keyType.value === "boolean")) {
      evaluator.report("unsupported-construct", "mapped type keys must be string or number literals, `string` or template literal types (JSON keys are strings)", at);
      continue;
    }
    for (const renamed of distributionMembers(evaluator.resolve(nameFor(keyType), at))) {
      const nameType = renamed.type;
      if (isPatternKey(nameType)) {
        addPattern(nameType, keyType, key.location);
        continue;
      }
      if (nameType.kind === "primitive" && (nameType.name === "number" || (nameType.name === "string" && nameType.pattern === undefined && nameType.format === undefined))) {
        numberKeyed ||= nameType.name === "number";
        addIndex(keyType);
        continue;
      }
      if (nameType.kind !== "literal" || typeof nameType.value === "boolean") {
        evaluator.report("unsupported-construct", "an `as` clause must give string literal keys, `string` or template literal types", at);
        continue;
      }
      const name = String(nameType.value);
      if (properties.some((property) => property.name === name)) continue;
      const { type, hadUndefined } = withoutUndefined(valueFor(keyType));
      const sourceOptional = source?.optional ?? false;
      const byUndefined = modifier === undefined && !sourceOptional && hadUndefined && source === undefined;
      // `-?` takes away an optional `?`, not the `undefined` of a property's own type.
      const keepsUndefined = modifier !== "+" && source?.absentIsUndefined === true;
      const optional = modifier === "+" ? true : modifier === "-" ? keepsUndefined : sourceOptional || byUndefined;
      const property: Mutable<Property> = {
        name,
        type,
        optional,
        ...(byUndefined || keepsUndefined ? { absentIsUndefined: true } : {}),
        docs: source?.docs ?? key.docs,
        location: source?.location ?? key.location,
      };
      const experimental = source?.experimental ?? key.experimental ?? renamed.experimental;
      if (experimental) property.experimental = experimental;
      properties.push(property);
    }
  }
  return objectOf(evaluator, properties, additional, at, { stringKeys: sourceStringKeys ?? !numberKeyed, patterns });
}

/** The built-in utility types, as `lib.es5.d.ts` defines them. */
export function utilityType(evaluator: Evaluator, name: UtilityName, args: readonly TypeNode[], at: SourceLocation): TypeNode {
  const [first, second] = args as [TypeNode, TypeNode];
  switch (name) {
    case "Partial":
    case "Required": {
      const modifier = name === "Partial" ? "+" : "-";
      return mapHomomorphic(evaluator, evaluator.resolve(first, at), at, (view) => modify(evaluator, view, modifier, at));
    }
    case "Pick":
      return pick(evaluator, first, distributionMembers(evaluator.resolve(second, at)), at);
    case "Omit": {
      const kept = distributionMembers(evaluator.resolve(keysOf(evaluator, first, at), at)).filter(
        (key) => !isAssignable(evaluator, key.type, second, at),
      );
      return pick(evaluator, first, kept, at);
    }
    case "Record": {
      const keys = withoutMatchedLiterals(distributionMembers(evaluator.resolve(first, at)));
      return buildObject(evaluator, keys.map((key) => ({ name: "", key })), undefined, () => second, (key) => key, at);
    }
    case "Exclude":
    case "Extract": {
      const keep = name === "Extract";
      const members = distributionMembers(evaluator.resolve(first, at)).flatMap((member) => expandRef(evaluator, member, at));
      return unionOf(members.filter((member) => isAssignable(evaluator, member.type, second, at) === keep));
    }
    case "NonNullable": {
      const members = distributionMembers(evaluator.resolve(first, at)).flatMap((member) => expandRef(evaluator, member, at));
      return unionOf(members.filter((member) => !isNull(member.type) && !isUndefined(member.type)));
    }
    case "Uppercase":
    case "Lowercase":
    case "Capitalize":
    case "Uncapitalize":
      return intrinsicType(evaluator, name satisfies IntrinsicName, first, at);
  }
}

/** A member naming a union alias or enum, as its own members (what distribution over `T` sees), keeping the member's mark. */
function expandRef(evaluator: Evaluator, member: UnionMember, at: SourceLocation): UnionMember[] {
  if (member.type.kind !== "ref") return [member];
  const resolved = evaluator.resolve(member.type, at);
  if (resolved.kind !== "union") return [member];
  return resolved.members.flatMap((inner) => expandRef(evaluator, marked(inner, member.experimental), at));
}

function modify(evaluator: Evaluator, view: ObjectView, modifier: "+" | "-", at: SourceLocation): TypeNode {
  // `?` makes a property optional outright; `-?` takes away only an optional `?`, not a type's own `undefined`.
  const properties = view.properties.map((property): Property => {
    if (modifier === "-") return property.optional && !property.absentIsUndefined ? { ...property, optional: false } : property;
    if (property.optional && !property.absentIsUndefined) return property;
    const { absentIsUndefined: _, ...declared } = property;
    return { ...declared, optional: true };
  });
  return objectOf(evaluator, properties, view.additional, at, { stringKeys: view.stringKeys, patterns: view.patterns });
}

/** `Pick<T, K>`: the properties of `T` named by `keys`, as declared (union `T`: each name's types joined). */
function pick(evaluator: Evaluator, type: TypeNode, keys: readonly UnionMember[], at: SourceLocation): TypeNode {
  const resolved = evaluator.resolve(type, at);
  // `Pick<never, K>` is `{ [P in K]: never }`: `Omit<never, "a">` keeps every key, each with no value.
  if (isNever(resolved)) return buildObject(evaluator, keys.map((key) => ({ name: "", key })), undefined, () => resolved, (key) => key, at);
  const views = (resolved.kind === "union" ? resolved.members.map((member) => member.type) : [resolved]).map((member) => objectView(evaluator, member, at));
  if (views.some((view) => view === undefined)) {
    return evaluator.report("unsupported-construct", "`Pick` and `Omit` take an object type (or a union of them)", at);
  }
  const properties: Property[] = [];
  let additional: TypeNode | undefined;
  const patterns: PatternIndex[] = [];
  let numberKeyed = false;
  for (const key of keys) {
    const keyType = key.type;
    if (isPatternKey(keyType)) {
      const values = views.map((view) => view!.patterns?.find((index) => patternKey(index).pattern === keyType.pattern)?.value ?? view!.additional);
      if (values.every((value) => value !== undefined)) patterns.push({ key: keyType, value: evaluator.plainUnion(values as TypeNode[]), location: key.location });
      continue;
    }
    if (keyType.kind === "primitive" && keyType.name === "string") {
      const values = views.map((view) => view!.additional).filter((value): value is TypeNode => value !== undefined);
      if (values.length > 0) additional = evaluator.plainUnion(values);
      continue;
    }
    if (keyType.kind === "primitive" && keyType.name === "number") {
      numberKeyed = true;
      continue;
    }
    if (keyType.kind !== "literal") {
      evaluator.report("unsupported-construct", "`Pick` keys must be string literals", at);
      continue;
    }
    const name = String(keyType.value);
    const found = views.map((view) => view!.properties.find((property) => property.name === name));
    const first = found.find((property) => property !== undefined);
    const indexed = views.map((view) => indexValue(evaluator, view!, name, at));
    if (found.some((property, index) => property === undefined && indexed[index] === undefined)) {
      evaluator.report("unresolved-reference", `the type has no property "${name}" to pick`, at);
      continue;
    }
    // A name only index signatures give is picked from them, required (`Pick<{ [k: string]: V }, "a">` is `{ a: V }`).
    const types = found.map((property, index) => property?.type ?? indexed[index]!);
    const property: Mutable<Property> = {
      ...(first ?? { name, optional: false, docs: key.docs, location: key.location }),
      type: evaluator.plainUnion(types),
      optional: found.some((candidate) => candidate?.optional),
    };
    const experimental = first?.experimental ?? key.experimental;
    if (experimental) property.experimental = experimental;
    properties.push(property);
  }
  // A mapped type over `string` alone (`Omit` of `Record<string, V>`) has `string` keys, as `Record`'s are; over `string | number` (`Omit` of an index signature), both.
  return objectOf(evaluator, properties, additional, at, { stringKeys: !numberKeyed, patterns });
}

/** What a name no property declares holds: the signatures whose patterns match it (intersected), else the `string` one. */
function indexValue(evaluator: Evaluator, view: ObjectView, name: string, at: SourceLocation): TypeNode | undefined {
  const matching = patternsFor(view.patterns, name);
  return matching.length > 0 ? evaluator.intersect(matching.map((index) => index.value), at) : view.additional;
}

