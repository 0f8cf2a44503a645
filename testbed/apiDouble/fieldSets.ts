// Field paths and field sets as structured-merge-diff (sigs.k8s.io/structured-merge-diff/v6
// fieldpath) has them: a path is a list of elements, each a map field or an item of an associative
// list named by its key fields; other lists are atomic leaves. Sets are encoded in
// metadata.managedFields as FieldsV1 (`f:<field>`, `k:{"name":"web"}`, `.` for the item itself) and
// printed in conflicts as `.spec.template.spec.containers[name="web"].image`.
//
// Which lists are associative is the schema's business (x-kubernetes-list-map-keys in a CRD, the
// Go types' listMapKey for built-in kinds). The double has no schemas; LIST_KEYS below is what the
// Argo Rollouts v1.9.1 CRDs (whose pod templates keep the core/v1 list keys) and core/v1 declare
// for the lists the project's objects use (the Rollout CRD keeps volumes atomic: they are preserve-unknown-fields there).
import { cloneJson, isJsonObject, jsonEqual, type JsonObject, type JsonValue } from './jsonValue';

export type PathElement = { readonly field: string } | { readonly key: JsonObject };
export type FieldPath = readonly PathElement[];

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** The key fields of the list at `path` (ending in the list's field), or undefined for an atomic list. */
export function listKeys(path: FieldPath): readonly string[] | undefined {
  const last = path[path.length - 1];
  if (!last || !('field' in last)) return undefined;
  const parent = path[path.length - 2];
  const inContainer = parent !== undefined && 'key' in parent && (() => {
    const list = path[path.length - 3];
    return list !== undefined && 'field' in list && CONTAINER_LISTS.has(list.field);
  })();
  switch (last.field) {
    case 'containers': case 'initContainers': case 'ephemeralContainers': case 'imagePullSecrets': case 'resourceClaims': case 'schedulingGates':
      return ['name'];
    case 'env': return inContainer ? ['name'] : undefined;
    case 'ports': return inContainer ? ['containerPort', 'protocol'] : ['port', 'protocol'];
    case 'volumeMounts': return ['mountPath'];
    case 'volumeDevices': return ['devicePath'];
    case 'hostAliases': return ['ip'];
    case 'topologySpreadConstraints': return ['topologyKey', 'whenUnsatisfiable'];
    default: return undefined;
  }
}

/** Key fields the schema defaults (core/v1 and the CRDs default `protocol` to TCP), so an item may omit them. */
const KEY_DEFAULTS: Readonly<Record<string, JsonValue>> = { protocol: 'TCP' };

export function itemKey(item: JsonValue, keys: readonly string[]): JsonObject | undefined {
  if (!isJsonObject(item)) return undefined;
  const key: JsonObject = {};
  for (const k of [...keys].sort()) {
    const v = item[k] ?? KEY_DEFAULTS[k];
    if (v === undefined) return undefined;
    key[k] = v;
  }
  return key;
}

/** `.spec.template.spec.containers[name="web"].image` (fieldpath.Path.String). */
export function pathString(path: FieldPath): string {
  return path.map((e) => ('field' in e ? `.${e.field}` : `[${Object.entries(e.key).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`)).join('');
}

/** A stable text for set membership. */
export function pathId(path: FieldPath): string {
  return JSON.stringify(path.map((e) => ('field' in e ? e.field : e.key)));
}

export class FieldSet {
  private readonly paths = new Map<string, FieldPath>();

  constructor(paths: Iterable<FieldPath> = []) {
    for (const p of paths) this.add(p);
  }

  add(path: FieldPath): void {
    this.paths.set(pathId(path), path);
  }

  has(path: FieldPath): boolean {
    return this.paths.has(pathId(path));
  }

  delete(path: FieldPath): void {
    this.paths.delete(pathId(path));
  }

  get size(): number {
    return this.paths.size;
  }

  all(): FieldPath[] {
    return [...this.paths.values()];
  }

  /** Whether the set holds `path` or anything under it. */
  touches(path: FieldPath): boolean {
    const id = pathId(path).slice(0, -1);
    return [...this.paths.keys()].some((k) => k === `${id}]` || k.startsWith(`${id},`));
  }
}

/** Identity fields the server owns: part of no manager's set. */
const IGNORED = new Set(['apiVersion', 'kind', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'metadata.resourceVersion',
  'metadata.generation', 'metadata.creationTimestamp', 'metadata.managedFields', 'metadata.deletionTimestamp', 'metadata.selfLink']);

/** Every field an object sets: scalars, atomic lists and empty maps as leaves, associative-list items with `.` and their fields. */
export function fieldSetOf(obj: JsonObject, skipStatus = false): FieldSet {
  const out = new FieldSet();
  const walkMap = (map: JsonObject, prefix: PathElement[]): void => {
    for (const [k, v] of Object.entries(map)) {
      const path = [...prefix, { field: k }];
      const dotted = path.map((e) => ('field' in e ? e.field : '')).join('.');
      if (prefix.length === 0 && skipStatus && k === 'status') continue;
      if (IGNORED.has(dotted) || v === null) continue;
      walkValue(v, path);
    }
  };
  const walkValue = (v: JsonValue, path: PathElement[]): void => {
    if (isJsonObject(v) && Object.keys(v).length > 0) return walkMap(v, path);
    const keys = Array.isArray(v) ? listKeys(path) : undefined;
    if (Array.isArray(v) && keys) {
      for (const item of v) {
        const key = itemKey(item, keys);
        if (!key || !isJsonObject(item)) continue;
        const itemPath = [...path, { key }];
        out.add(itemPath);
        walkMap(item, itemPath);
      }
      return;
    }
    out.add(path);
  };
  walkMap(obj, []);
  return out;
}

/** The value at a path, or undefined. */
export function valueAt(obj: JsonValue | undefined, path: FieldPath): JsonValue | undefined {
  let node: JsonValue | undefined = obj;
  for (let i = 0; i < path.length; i++) {
    const e = path[i]!;
    if ('field' in e) node = isJsonObject(node) ? node[e.field] : undefined;
    else {
      const keys = Object.keys(e.key);
      node = Array.isArray(node) ? node.find((item) => jsonEqual(itemKey(item, keys), e.key)) : undefined;
    }
    if (node === undefined) return undefined;
  }
  return node;
}

/** Removes the value at a path (a map field or a list item); parents it leaves empty go too, as SSA drops maps nobody owns. */
export function deleteAt(obj: JsonObject, path: FieldPath): void {
  if (path.length === 0) return;
  const parentPath = path.slice(0, -1);
  const parent = parentPath.length === 0 ? obj : valueAt(obj, parentPath);
  const last = path[path.length - 1]!;
  if ('field' in last) {
    if (!isJsonObject(parent)) return;
    delete parent[last.field];
    if (Object.keys(parent).length === 0) deleteAt(obj, parentPath);
  } else if (Array.isArray(parent)) {
    const keys = Object.keys(last.key);
    const i = parent.findIndex((item) => jsonEqual(itemKey(item, keys), last.key));
    if (i >= 0) parent.splice(i, 1);
    if (parent.length === 0) deleteAt(obj, parentPath);
  }
}

/**
 * The applied configuration merged into the live object: maps field by field, associative lists
 * item by item (live items keep their place, new ones follow in the applied order), atomic lists
 * and scalars replaced.
 */
export function mergeApplied(live: JsonValue | undefined, applied: JsonValue, path: PathElement[] = []): JsonValue {
  if (isJsonObject(live) && isJsonObject(applied)) {
    const out = cloneJson(live);
    for (const [k, v] of Object.entries(applied)) out[k] = mergeApplied(live[k], v, [...path, { field: k }]);
    return out;
  }
  const keys = Array.isArray(live) && Array.isArray(applied) ? listKeys(path) : undefined;
  if (keys && Array.isArray(live) && Array.isArray(applied)) {
    const out = live.map((item) => {
      const key = itemKey(item, keys);
      const update = key ? applied.find((a) => jsonEqual(itemKey(a, keys), key)) : undefined;
      return update === undefined ? cloneJson(item) : mergeApplied(item, update, [...path, { key: key! }]);
    });
    for (const a of applied) {
      const key = itemKey(a, keys);
      if (!key || !live.some((item) => jsonEqual(itemKey(item, keys), key))) out.push(cloneJson(a));
    }
    return out;
  }
  return cloneJson(applied);
}

/** FieldsV1 of a set. */
export function toFieldsV1(set: FieldSet): JsonObject {
  const root: JsonObject = {};
  for (const path of set.all()) {
    let node = root;
    for (const e of path) {
      const k = 'field' in e ? `f:${e.field}` : `k:${JSON.stringify(e.key)}`;
      const next = node[k];
      node = isJsonObject(next) ? next : (node[k] = {});
    }
    if ('key' in (path[path.length - 1] ?? { field: '' })) node['.'] = {};
  }
  return root;
}

export function fromFieldsV1(fields: JsonValue | undefined): FieldSet {
  const out = new FieldSet();
  const walk = (node: JsonValue | undefined, prefix: PathElement[]): void => {
    if (!isJsonObject(node)) return;
    const children = Object.keys(node).filter((k) => k !== '.');
    if ('.' in node && prefix.length > 0) out.add(prefix);
    if (children.length === 0 && !('.' in node) && prefix.length > 0) out.add(prefix);
    for (const k of children) {
      if (k.startsWith('f:')) walk(node[k], [...prefix, { field: k.slice(2) }]);
      else if (k.startsWith('k:')) {
        try {
          const key: unknown = JSON.parse(k.slice(2));
          if (isJsonObject(key as JsonValue)) walk(node[k], [...prefix, { key: key as JsonObject }]);
        } catch {
          // an unreadable key is no field
        }
      }
    }
  };
  walk(fields, []);
  return out;
}

/** Leaves (and items) whose value differs between two objects: in both and changed, only in `after`, only in `before`. */
export function compare(before: JsonObject, after: JsonObject, skipStatus = false): { modified: FieldSet; added: FieldSet; removed: FieldSet } {
  const a = fieldSetOf(before, skipStatus);
  const b = fieldSetOf(after, skipStatus);
  const modified = new FieldSet();
  const added = new FieldSet();
  const removed = new FieldSet();
  for (const p of b.all()) {
    if (!a.has(p)) added.add(p);
    else if ('field' in (p[p.length - 1] ?? { field: '' }) && !jsonEqual(valueAt(before, p), valueAt(after, p))) modified.add(p);
  }
  for (const p of a.all()) if (!b.has(p)) removed.add(p);
  return { modified, added, removed };
}
