import type { FindDeclaration } from "./resolve.js";
import type { Declaration } from "./types.js";

type Lookup = ReadonlyMap<string, Declaration>;

/**
 * What a result computed for one declaration read of the others: each id it
 * looked up and the declaration (or nothing) found. A later model that finds
 * the same objects under those ids gives the same result, so the result can
 * be kept by declaration object and reused across runs of `watch` (see
 * `internModel`).
 */
export type Lookups = ReadonlyMap<string, Declaration | undefined>;

/** Lookups kept with a result, and the map (`declarationsById`) they were last confirmed in. */
export interface KeptLookups {
  readonly found: Lookups;
  checkedIn: Lookup;
}

/** A finder over `byId` that notes every id asked for in `found`. */
export function recordingFind(byId: Lookup, found: Map<string, Declaration | undefined>): FindDeclaration {
  return (id) => {
    const declaration = byId.get(id);
    found.set(id, declaration);
    return declaration;
  };
}

/**
 * Whether `byId` still finds, under every id in `kept.found`, the very object
 * found then. Confirmed last in the previous model's map (the usual case in
 * `watch`), only the ids whose declaration changed between the two maps need
 * asking about, which are few: every stage asks this for every declaration.
 */
export function stillFound(kept: KeptLookups, byId: Lookup): boolean {
  if (kept.checkedIn === byId) return true;
  const changed = changedIds(kept.checkedIn, byId);
  const same = changed ? !overlaps(kept.found, changed) : sameLookups(kept.found, byId);
  if (same) kept.checkedIn = byId;
  return same;
}

function sameLookups(found: Lookups, byId: Lookup): boolean {
  for (const [id, declaration] of found) if (byId.get(id) !== declaration) return false;
  return true;
}

function overlaps(found: Lookups, changed: ReadonlySet<string>): boolean {
  if (changed.size < found.size) {
    for (const id of changed) if (found.has(id)) return true;
    return false;
  }
  for (const id of found.keys()) if (changed.has(id)) return true;
  return false;
}

/**
 * The ids under which `now` and `before` find different declarations (or
 * only one finds any), worked out once per map for the first earlier map
 * asked about: that is the previous model's in `watch`. For any other
 * earlier map, undefined: the caller compares its lookups one by one.
 */
function changedIds(before: Lookup, now: Lookup): ReadonlySet<string> | undefined {
  const known = changes.get(now);
  if (known) return known.before.deref() === before ? known.changed : undefined;
  const changed = new Set<string>();
  for (const [id, declaration] of now) if (before.get(id) !== declaration) changed.add(id);
  for (const id of before.keys()) if (!now.has(id)) changed.add(id);
  changes.set(now, { before: new WeakRef(before), changed });
  return changed;
}

/** Held weakly: each model's map would otherwise keep every earlier model alive. */
const changes = new WeakMap<Lookup, { readonly before: WeakRef<Lookup>; readonly changed: ReadonlySet<string> }>();
