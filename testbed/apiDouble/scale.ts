// The `scale` subresource: an autoscaling/v1 Scale view of an object's replicas, read and written
// through the paths the CRD (or built-in type) declares.
import { isJsonObject, type JsonObject, type JsonValue } from './jsonValue';
import type { ResourceDef } from './resourceTable';

function at(obj: JsonValue | undefined, path: readonly string[]): JsonValue | undefined {
  let node = obj;
  for (const k of path) node = isJsonObject(node) ? node[k] : undefined;
  return node;
}

export function toScale(def: ResourceDef, obj: JsonObject): JsonObject | undefined {
  if (!def.scale) return undefined;
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  const metadata: JsonObject = {};
  for (const k of ['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp']) {
    const v = meta[k];
    if (v !== undefined) metadata[k] = v;
  }
  const specReplicas = at(obj, def.scale.specReplicas);
  const statusReplicas = at(obj, def.scale.statusReplicas);
  const selector = at(obj, def.scale.selector);
  const status: JsonObject = { replicas: typeof statusReplicas === 'number' ? statusReplicas : 0 };
  if (typeof selector === 'string') status.selector = selector;
  return { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata, spec: { replicas: typeof specReplicas === 'number' ? specReplicas : 0 }, status };
}

/** The object with the Scale's spec.replicas written to its spec replicas path. */
export function fromScale(def: ResourceDef, obj: JsonObject, scale: JsonValue): JsonObject {
  const replicas = at(scale, ['spec', 'replicas']);
  if (!def.scale || typeof replicas !== 'number') return obj;
  const path = def.scale.specReplicas;
  let node: JsonObject = obj;
  for (const k of path.slice(0, -1)) {
    const next = node[k];
    node = isJsonObject(next) ? next : (node[k] = {});
  }
  node[path[path.length - 1] ?? 'replicas'] = replicas;
  const rv = at(scale, ['metadata', 'resourceVersion']);
  if (typeof rv === 'string' && isJsonObject(obj.metadata)) obj.metadata.resourceVersion = rv;
  return obj;
}
