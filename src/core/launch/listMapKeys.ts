// Which lists of a Rollout server-side apply merges item by item, and by which fields: the CRD's
// `x-kubernetes-list-type: map` with `x-kubernetes-list-map-keys` (the Rollout CRD embeds a pod
// template, so containers and env merge by name, ports by containerPort+protocol, volumeMounts by
// mountPath). Every other list is atomic: the applied list replaces the live one whole.
//
// listMapKeysOf reads them from a CRD's openAPIV3Schema; ROLLOUT_LIST_MAP_KEYS is what the Argo
// Rollouts v1.9.1 CRD declares, for when the cluster's CRD cannot be read (a test compares it with
// the CRD of the upstream corpus).
import { isRecord } from '../actions/untrusted';

/** Schema paths (`spec.template.spec.containers[].ports`) of keyed lists, to their key fields. */
export type ListMapKeys = ReadonlyMap<string, readonly string[]>;

const POD_LISTS: Readonly<Record<string, readonly string[]>> = {
  env: ['name'],
  ports: ['containerPort', 'protocol'],
  'resources.claims': ['name'],
  volumeDevices: ['devicePath'],
  volumeMounts: ['mountPath'],
};

function rolloutKeys(): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  const pod = 'spec.template.spec';
  for (const list of ['containers', 'ephemeralContainers', 'initContainers']) {
    out.set(`${pod}.${list}`, ['name']);
    for (const [field, keys] of Object.entries(POD_LISTS)) out.set(`${pod}.${list}[].${field}`, keys);
  }
  out.set(`${pod}.hostAliases`, ['ip']);
  out.set(`${pod}.imagePullSecrets`, ['name']);
  out.set(`${pod}.resourceClaims`, ['name']);
  out.set(`${pod}.resources.claims`, ['name']);
  out.set(`${pod}.schedulingGates`, ['name']);
  out.set(`${pod}.topologySpreadConstraints`, ['topologyKey', 'whenUnsatisfiable']);
  return out;
}

export const ROLLOUT_LIST_MAP_KEYS: ListMapKeys = rolloutKeys();

/** The keyed lists a CRD version's openAPIV3Schema declares. */
export function listMapKeysOf(openAPIV3Schema: unknown): ListMapKeys {
  const out = new Map<string, readonly string[]>();
  const walk = (schema: unknown, path: string): void => {
    if (!isRecord(schema)) return;
    const keys = schema['x-kubernetes-list-map-keys'];
    if (schema['x-kubernetes-list-type'] === 'map' && Array.isArray(keys)) out.set(path, keys.filter((k): k is string => typeof k === 'string'));
    const props = schema['properties'];
    if (isRecord(props)) for (const [k, v] of Object.entries(props)) walk(v, path === '' ? k : `${path}.${k}`);
    if (schema['items'] !== undefined) walk(schema['items'], `${path}[]`);
  };
  walk(openAPIV3Schema, '');
  return out;
}

/** Key fields the Rollout CRD defaults, so an item may leave them out (`protocol: TCP`). */
const KEY_DEFAULTS: Readonly<Record<string, unknown>> = { protocol: 'TCP' };

/** An item's key values, in key order; undefined when the item lacks a key field (the server refuses such an apply). */
export function keyOf(item: unknown, keys: readonly string[]): Record<string, unknown> | undefined {
  if (!isRecord(item)) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = item[k] ?? KEY_DEFAULTS[k];
    if (v === undefined) return undefined;
    out[k] = v;
  }
  return out;
}

/** `[name="web"]`, `[containerPort=80,protocol="TCP"]`: how the API server prints an item of a keyed list. */
export function keyText(key: Record<string, unknown>): string {
  return `[${Object.keys(key).sort().map((k) => `${k}=${JSON.stringify(key[k])}`).join(',')}]`;
}
