// An approximation of strategic merge patch (`application/strategic-merge-patch+json`) for the
// built-in kinds: a merge patch whose lists of containers, volumes, env, ports, ... merge by their
// patch merge key instead of being replaced, with the `$patch` and `$deleteFromPrimitiveList`
// directives. Other `$` directives (`$setElementOrder`, `$retainKeys`) are dropped: order and
// retainKeys pruning are not modelled. The real API server refuses this patch type on custom resources.
import { cloneJson, isJsonObject, jsonEqual, type JsonObject, type JsonValue } from './jsonValue';

/** Patch merge keys of the core/apps types (from the Kubernetes API's `patchMergeKey` tags). */
const mergeKeys: Record<string, string> = {
  containers: 'name', initContainers: 'name', ephemeralContainers: 'name', volumes: 'name', env: 'name',
  imagePullSecrets: 'name', volumeMounts: 'mountPath', volumeDevices: 'devicePath', conditions: 'type',
  hostAliases: 'ip', ownerReferences: 'uid', topologySpreadConstraints: 'topologyKey',
};

/** Lists of scalars that merge as sets. */
const primitiveMergeLists = new Set(['finalizers']);

function mergeKeyFor(field: string, items: JsonValue[]): string | undefined {
  if (field === 'ports') return items.some((i) => isJsonObject(i) && i.containerPort !== undefined) ? 'containerPort' : 'port';
  return mergeKeys[field];
}

function mergeList(field: string, target: JsonValue[], patch: JsonValue[]): JsonValue[] {
  if (primitiveMergeLists.has(field)) return [...target, ...patch.filter((p) => !target.some((t) => jsonEqual(t, p)))];
  const key = mergeKeyFor(field, [...target, ...patch]);
  if (!key) return patch.map((p) => strip(p));
  if (patch.some((p) => isJsonObject(p) && p.$patch === 'replace')) {
    return patch.filter((p) => !(isJsonObject(p) && p.$patch === 'replace')).map((p) => strip(p));
  }
  const out = cloneJson(target);
  for (const item of patch) {
    if (!isJsonObject(item)) continue;
    const at = out.findIndex((t) => isJsonObject(t) && jsonEqual(t[key], item[key]));
    if (item.$patch === 'delete') {
      if (at >= 0) out.splice(at, 1);
    } else if (at >= 0) out[at] = applyStrategicMergePatch(out[at], item);
    else out.push(strip(item));
  }
  return out;
}

/** Removes directives from a value that is inserted as a whole. */
function strip(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(strip);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) if (!k.startsWith('$')) out[k] = strip(v);
  return out;
}

export function applyStrategicMergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return cloneJson(patch);
  if (patch.$patch === 'replace') return strip(patch);
  if (patch.$patch === 'delete') return {};
  const out = isJsonObject(target) ? cloneJson(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const current = out[field];
      if (Array.isArray(current) && Array.isArray(value)) out[field] = current.filter((c) => !value.some((v) => jsonEqual(c, v)));
      continue;
    }
    if (key.startsWith('$')) continue;
    const current = out[key];
    if (value === null) delete out[key];
    else if (Array.isArray(value) && Array.isArray(current)) out[key] = mergeList(key, current, value);
    else if (isJsonObject(value)) out[key] = applyStrategicMergePatch(current, value);
    else out[key] = cloneJson(value);
  }
  return out;
}
