// The structural difference between a live Rollout's spec and the spec a file would apply. Both
// sides are normalised first (nulls and empty fields beside others dropped) because the API server
// and editors add such fields (`creationTimestamp: null`, `resources: {}`) without meaning anything.
//
// Server-side apply merges the file into the live object: a field the file leaves out stays as it
// is unless this extension's field manager applied it before (then it is removed). So a field that
// is only in the cluster is `kept` or `removed` depending on ownership; inside a list the file sets,
// the file's list wins (lists are replaced whole here, as the test double and atomic lists do).
import { isRecord, type JsonRecord } from '../actions/untrusted';

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

/** Path segments: object keys as strings, list positions as numbers. */
export type PathSegments = readonly (string | number)[];

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
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
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
 * `ownedByUs(path)` says whether this extension's manager applied the field before.
 */
export function specChanges(live: unknown, file: unknown, ownedByUs: (path: PathSegments) => boolean = () => false): SpecChange[] {
  const before = normalizeJson(isRecord(live) ? live['spec'] : undefined);
  const after = normalizeJson(isRecord(file) ? file['spec'] : undefined);
  const out: SpecChange[] = [];
  walk(before, after, ['spec'], false, ownedByUs, out);
  return out;
}

function walk(before: unknown, after: unknown, path: PathSegments, inList: boolean, owned: (p: PathSegments) => boolean, out: SpecChange[]): void {
  if (jsonEqual(before, after)) return;
  if (isRecord(before) && isRecord(after)) {
    for (const [k, v] of Object.entries(after)) walk(before[k], v, [...path, k], inList, owned, out);
    for (const [k, v] of Object.entries(before)) if (!(k in after)) walk(v, undefined, [...path, k], inList, owned, out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) walk(before[i], after[i], [...path, i], true, owned, out);
    return;
  }
  if (after === undefined) {
    const effect: ChangeEffect = inList || owned(path) ? 'removed' : 'kept';
    out.push({ path: pathText(path), before, after: undefined, effect });
    return;
  }
  out.push({ path: pathText(path), before, after, effect: 'set' });
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
    // Owning the list (a leaf `{}` for atomic lists) or any item in it owns its items.
    if (typeof seg === 'number') return true;
    node = node[`f:${seg}`];
  }
  return isRecord(node);
}
