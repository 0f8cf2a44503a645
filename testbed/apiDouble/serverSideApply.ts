// Server-side apply (`application/apply-patch+yaml`), approximated: the applied configuration is
// merged into the live object (lists replace as a whole), each Apply manager's fields are recorded in
// `metadata.managedFields` (FieldsV1, lists as atomic leaves), fields a manager applied before and
// no longer applies are removed unless another manager owns them, and applying a different value to
// a field another Apply manager owns is a conflict unless `force` is set. Update-operation ownership
// (from PUT / PATCH) is not tracked.
import { cloneJson, isJsonObject, jsonEqual, type JsonObject, type JsonValue } from './jsonValue';

export interface ApplyRequest {
  readonly live: JsonObject | undefined;
  readonly applied: JsonObject;
  readonly manager: string;
  readonly force: boolean;
  readonly apiVersion: string;
  readonly time: string;
}

export type ApplyResult = { ok: true; object: JsonObject } | { ok: false; conflicts: { manager: string; apiVersion: string; field: string }[] };

/** Identity fields the server owns; not part of any manager's set. */
const ignoredPaths = new Set(['apiVersion', 'kind', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'metadata.resourceVersion',
  'metadata.generation', 'metadata.creationTimestamp', 'metadata.managedFields']);

type Path = string[];

export function leafPaths(value: JsonObject, prefix: Path = []): Path[] {
  const out: Path[] = [];
  for (const [k, v] of Object.entries(value)) {
    const path = [...prefix, k];
    if (ignoredPaths.has(path.join('.'))) continue;
    if (isJsonObject(v) && Object.keys(v).length > 0) out.push(...leafPaths(v, path));
    else out.push(path);
  }
  return out;
}

function valueAt(obj: JsonValue | undefined, path: Path): JsonValue | undefined {
  let node = obj;
  for (const k of path) node = isJsonObject(node) ? node[k] : undefined;
  return node;
}

function deleteAt(obj: JsonObject, path: Path): void {
  const parents: JsonObject[] = [obj];
  let node: JsonObject = obj;
  for (const k of path.slice(0, -1)) {
    const next = node[k];
    if (!isJsonObject(next)) return;
    parents.push(next);
    node = next;
  }
  delete node[path[path.length - 1] ?? ''];
  // Drop parents the removal left empty, as SSA does for maps nobody owns any more.
  for (let i = path.length - 1; i > 0; i--) {
    const parent = parents[i - 1];
    const key = path[i - 1] ?? '';
    const child = parent?.[key];
    if (parent && isJsonObject(child) && Object.keys(child).length === 0) delete parent[key];
    else break;
  }
}

function deepMerge(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch) || !isJsonObject(target)) return cloneJson(patch);
  const out = cloneJson(target);
  for (const [k, v] of Object.entries(patch)) out[k] = deepMerge(out[k], v);
  return out;
}

/** FieldsV1: `{"f:spec":{"f:replicas":{}}}`. */
export function toFieldsV1(paths: Path[]): JsonObject {
  const root: JsonObject = {};
  for (const path of paths) {
    let node = root;
    for (const k of path) {
      const key = `f:${k}`;
      const next = node[key];
      node = isJsonObject(next) ? next : (node[key] = {});
    }
  }
  return root;
}

export function fromFieldsV1(fields: JsonValue | undefined, prefix: Path = []): Path[] {
  if (!isJsonObject(fields)) return [];
  const keys = Object.keys(fields).filter((k) => k.startsWith('f:'));
  if (keys.length === 0) return prefix.length > 0 ? [prefix] : [];
  return keys.flatMap((k) => fromFieldsV1(fields[k], [...prefix, k.slice(2)]));
}

interface ManagerEntry {
  readonly entry: JsonObject;
  readonly manager: string;
  readonly operation: string;
  readonly apiVersion: string;
  readonly paths: Path[];
}

function managersOf(obj: JsonObject | undefined): ManagerEntry[] {
  const meta = obj && isJsonObject(obj.metadata) ? obj.metadata : {};
  const list = Array.isArray(meta.managedFields) ? meta.managedFields : [];
  return list.filter(isJsonObject).map((entry) => ({
    entry,
    manager: typeof entry.manager === 'string' ? entry.manager : '',
    operation: typeof entry.operation === 'string' ? entry.operation : '',
    apiVersion: typeof entry.apiVersion === 'string' ? entry.apiVersion : '',
    paths: fromFieldsV1(entry.fieldsV1),
  }));
}

const same = (a: Path, b: Path): boolean => a.join('\u0000') === b.join('\u0000');

export function serverSideApply(req: ApplyRequest): ApplyResult {
  const newPaths = leafPaths(req.applied);
  const others = managersOf(req.live).filter((m) => !(m.manager === req.manager && m.operation === 'Apply'));
  const mine = managersOf(req.live).find((m) => m.manager === req.manager && m.operation === 'Apply');
  const conflicts: { manager: string; apiVersion: string; field: string }[] = [];
  const kept = others.map((m) => ({ ...m, paths: [...m.paths] }));
  for (const path of newPaths) {
    for (const other of kept) {
      if (other.operation !== 'Apply' || !other.paths.some((p) => same(p, path))) continue;
      if (jsonEqual(valueAt(req.live, path), valueAt(req.applied, path))) continue; // shared ownership of an equal value
      if (req.force) other.paths = other.paths.filter((p) => !same(p, path));
      else conflicts.push({ manager: other.manager, apiVersion: other.apiVersion, field: `.${path.join('.')}` });
    }
  }
  if (conflicts.length > 0) return { ok: false, conflicts };
  const object = deepMerge(req.live ?? {}, req.applied);
  if (!isJsonObject(object)) return { ok: false, conflicts: [] };
  for (const old of mine?.paths ?? []) {
    const stillApplied = newPaths.some((p) => same(p, old));
    const ownedElsewhere = kept.some((m) => m.paths.some((p) => same(p, old)));
    if (!stillApplied && !ownedElsewhere) deleteAt(object, old);
  }
  const entries: JsonValue[] = kept.filter((m) => m.paths.length > 0).map((m) => ({ ...m.entry, fieldsV1: toFieldsV1(m.paths) }));
  entries.push({ manager: req.manager, operation: 'Apply', apiVersion: req.apiVersion, time: req.time, fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(newPaths) });
  const meta = isJsonObject(object.metadata) ? object.metadata : (object.metadata = {});
  meta.managedFields = entries;
  return { ok: true, object };
}

/** The API server's wording: `Apply failed with 1 conflict: conflict with "m" using argoproj.io/v1alpha1: .spec.replicas`. */
export function conflictMessage(conflicts: { manager: string; apiVersion: string; field: string }[]): string {
  const n = conflicts.length;
  const head = `Apply failed with ${n} conflict${n === 1 ? '' : 's'}`;
  const first = conflicts[0];
  if (n === 1 && first) return `${head}: conflict with "${first.manager}" using ${first.apiVersion}: ${first.field}`;
  return `${head}: ${conflicts.map((c) => `conflict with "${c.manager}" using ${c.apiVersion}: ${c.field}`).join('\n')}`;
}
