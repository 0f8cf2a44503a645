// The structural difference between a live Rollout's spec and the spec a file would apply. Both
// sides are normalised first (nulls and empty fields beside others dropped) because the API server
// and editors add such fields (`creationTimestamp: null`, `resources: {}`) without meaning anything.
//
// Server-side apply merges the file into the live object: a field the file leaves out stays as it
// is unless this extension's field manager applied it before (then it is removed). Keyed lists
// (listMapKeys.ts: containers and env by name, ports by containerPort+protocol, …) merge item by
// item the same way, so a container another manager added is kept; other lists (steps) are atomic
// and the file's list replaces the live one whole.
import { isRecord, type JsonRecord } from '../actions/untrusted';
import { keyOf, keyText, ROLLOUT_LIST_MAP_KEYS, type ListMapKeys } from './listMapKeys';

export type ChangeEffect = 'set' | 'removed' | 'kept';

export interface SpecChange {
  /** `spec.template.spec.containers[0].image`. */
  readonly path: string;
  /** Live value; undefined when the cluster does not have the field. */
  readonly before: unknown;
  /** The file's value; undefined when the file does not have the field. */
  readonly after: unknown;
  /** `set`: the file sets a new value; `removed`: apply deletes it; `kept`: only in the cluster and left alone. */
  readonly effect: ChangeEffect;
}

/** An item of a keyed list, named by its key fields. */
export interface KeySegment {
  readonly key: Readonly<Record<string, unknown>>;
}

/** Path segments: object keys as strings, positions in atomic lists as numbers, items of keyed lists by key. */
export type PathSegments = readonly (string | number | KeySegment)[];

/**
 * Drops nulls, and empty maps and lists that sit beside other fields (`resources: {}` in a container).
 * An empty map that is its object's only field is kept: `- pause: {}` is an indefinite pause step.
 */
export function normalizeJson(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) return v.map((x) => normalizeJson(x) ?? null);
  if (isRecord(v)) {
    const out: JsonRecord = {};
    const empties: JsonRecord = {};
    for (const [k, x] of Object.entries(v)) {
      const n = normalizeJson(x);
      if (n === undefined) continue;
      if (isEmpty(n)) empties[k] = n;
      else out[k] = n;
    }
    const kept = Object.keys(out).length;
    return kept === 0 && Object.keys(empties).length === 1 ? empties : out;
  }
  return v;
}

function isEmpty(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (isRecord(v) && Object.keys(v).length === 0);
}

export function pathText(path: PathSegments): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'object') out += keyText(seg.key);
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

/**
 * The changes from `live.spec` to `file.spec`, leaves first-to-last in the file's key order.
 * `ownedByUs(path)` says whether this extension's manager applied the field before; `keys` names the keyed lists.
 */
export function specChanges(live: unknown, file: unknown, ownedByUs: (path: PathSegments) => boolean = () => false, keys: ListMapKeys = ROLLOUT_LIST_MAP_KEYS): SpecChange[] {
  const before = normalizeJson(isRecord(live) ? live['spec'] : undefined);
  const after = normalizeJson(isRecord(file) ? file['spec'] : undefined);
  const out: SpecChange[] = [];
  walk(before, after, { path: ['spec'], schema: 'spec', inList: false, owned: ownedByUs, keys }, out);
  return out;
}

interface Where {
  readonly path: PathSegments;
  /** `spec.template.spec.containers[].ports`: the schema path listMapKeys are keyed by. */
  readonly schema: string;
  /** Inside an atomic list: whatever the file leaves out goes. */
  readonly inList: boolean;
  readonly owned: (p: PathSegments) => boolean;
  readonly keys: ListMapKeys;
}

const field = (w: Where, k: string): Where => ({ ...w, path: [...w.path, k], schema: `${w.schema}.${k}` });

/** The items of both lists paired by key, file order first, then items only in the cluster; undefined when an item has no key. */
function pairByKey(before: unknown[], after: unknown[], keys: readonly string[]): { key: Record<string, unknown>; before: unknown; after: unknown }[] | undefined {
  const keyed = (xs: unknown[]) => xs.map((x) => ({ key: keyOf(x, keys), x }));
  const b = keyed(before);
  const a = keyed(after);
  if ([...a, ...b].some((e) => e.key === undefined)) return undefined;
  const same = (k1: Record<string, unknown> | undefined, k2: Record<string, unknown> | undefined) => jsonEqual(k1, k2);
  // The server defaults a key field the item leaves out (protocol: TCP) before merging.
  const withKey = (x: unknown, key: Record<string, unknown>): unknown => (isRecord(x) ? { ...key, ...x } : x);
  const pairs = a.map((e) => ({ key: e.key!, after: withKey(e.x, e.key!), before: b.find((o) => same(o.key, e.key))?.x }));
  for (const e of b) if (!a.some((o) => same(o.key, e.key))) pairs.push({ key: e.key!, before: withKey(e.x, e.key!), after: undefined });
  return pairs;
}

function walk(before: unknown, after: unknown, w: Where, out: SpecChange[]): void {
  if (jsonEqual(before, after)) return;
  if (isRecord(before) && isRecord(after)) {
    for (const [k, v] of Object.entries(after)) walk(before[k], v, field(w, k), out);
    for (const [k, v] of Object.entries(before)) if (!(k in after)) walk(v, undefined, field(w, k), out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const listKeys = w.inList ? undefined : w.keys.get(w.schema);
    const pairs = listKeys ? pairByKey(before, after, listKeys) : undefined;
    if (pairs) {
      for (const p of pairs) walk(p.before, p.after, { ...w, path: [...w.path, { key: p.key }], schema: `${w.schema}[]` }, out);
      return;
    }
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) walk(before[i], after[i], { ...w, path: [...w.path, i], schema: `${w.schema}[]`, inList: true }, out);
    return;
  }
  if (after === undefined) {
    const effect: ChangeEffect = w.inList || w.owned(w.path) ? 'removed' : 'kept';
    out.push({ path: pathText(w.path), before, after: undefined, effect });
    return;
  }
  out.push({ path: pathText(w.path), before, after, effect: 'set' });
}

/**
 * The spec the server will hold after the apply (normalised): the file merged into the live spec as
 * specChanges describes it — fields and keyed-list items only in the cluster kept unless this
 * extension applied them before, atomic lists and scalars replaced.
 */
export function specAfterApply(live: unknown, file: unknown, ownedByUs: (path: PathSegments) => boolean = () => false, keys: ListMapKeys = ROLLOUT_LIST_MAP_KEYS): unknown {
  const before = normalizeJson(isRecord(live) ? live['spec'] : undefined);
  const after = normalizeJson(isRecord(file) ? file['spec'] : undefined);
  return merge(before, after, { path: ['spec'], schema: 'spec', inList: false, owned: ownedByUs, keys });
}

function merge(before: unknown, after: unknown, w: Where): unknown {
  if (after === undefined) return w.owned(w.path) ? undefined : before;
  if (isRecord(before) && isRecord(after)) {
    const out: JsonRecord = {};
    for (const [k, v] of Object.entries(before)) {
      const m = merge(v, after[k], field(w, k));
      if (m !== undefined) out[k] = m;
    }
    for (const [k, v] of Object.entries(after)) if (!(k in before)) out[k] = v;
    return out;
  }
  const listKeys = Array.isArray(before) && Array.isArray(after) ? w.keys.get(w.schema) : undefined;
  const pairs = listKeys && Array.isArray(before) && Array.isArray(after) ? pairByKey(before, after, listKeys) : undefined;
  if (pairs && Array.isArray(before)) {
    // Live items keep their place; new items follow in the file's order.
    const at = (key: Record<string, unknown>) => before.findIndex((b) => jsonEqual(keyOf(b, listKeys!), key));
    const inLive = pairs.filter((p) => p.before !== undefined).sort((x, y) => at(x.key) - at(y.key));
    const merged = [...inLive, ...pairs.filter((p) => p.before === undefined)]
      .map((p) => merge(p.before, p.after, { ...w, path: [...w.path, { key: p.key }], schema: `${w.schema}[]` }));
    return merged.filter((x) => x !== undefined);
  }
  return after;
}

/**
 * Whether the managedFields entry of `manager` (operation Apply) owns `path` or something inside it.
 * FieldsV1 keys are `f:<field>` for map fields; list items are `k:{...}`/`v:...`/`i:<n>` keys, so
 * ownership of anything under a list counts as ownership of its items.
 */
export function ownedByManager(live: unknown, manager: string): (path: PathSegments) => boolean {
  const entries = isRecord(live) && isRecord(live['metadata']) ? live['metadata']['managedFields'] : undefined;
  const mine = Array.isArray(entries)
    ? entries.filter((e): e is JsonRecord => isRecord(e) && e['manager'] === manager && e['operation'] === 'Apply')
    : [];
  return (path) => mine.some((e) => owns(e['fieldsV1'], path));
}

function owns(fields: unknown, path: PathSegments): boolean {
  let node = fields;
  for (const seg of path) {
    if (!isRecord(node)) return false;
    // Owning an atomic list (a leaf `{}`) or any item in it owns its items.
    if (typeof seg === 'number') return true;
    if (typeof seg === 'object') {
      node = node[`k:${sortedJson(seg.key)}`];
      continue;
    }
    node = node[`f:${seg}`];
  }
  return isRecord(node);
}

/** FieldsV1 writes an item's key as JSON with its fields in name order. */
function sortedJson(key: Readonly<Record<string, unknown>>): string {
  return `{${Object.keys(key).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(key[k])}`).join(',')}}`;
}
