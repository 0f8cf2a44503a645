// Small builders and readers the simulator shares: owner references, refs for the store, label
// selectors as strings, timestamps at Kubernetes' second precision.
import { at, isObject, list, str } from '../../src/core/rollout/jsonFields';
import type { ObjectRef } from '../apiDouble/clusterStore';
import { isJsonObject, metadataOf, type JsonObject } from '../apiDouble/jsonValue';

export const REVISION_ANNOTATION = 'rollout.argoproj.io/revision';
export const DESIRED_REPLICAS_ANNOTATION = 'rollout.argoproj.io/desired-replicas';
export const POD_TEMPLATE_HASH_LABEL = 'rollouts-pod-template-hash';
export const SCALE_DOWN_DEADLINE_ANNOTATION = 'scale-down-deadline';

export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function nameOf(obj: unknown): string {
  return str(at(obj, 'metadata', 'name'));
}

export function namespaceOf(obj: unknown): string {
  return str(at(obj, 'metadata', 'namespace')) || 'default';
}

export function uidOf(obj: unknown): string {
  return str(at(obj, 'metadata', 'uid'));
}

export function refOf(resource: string, obj: unknown): ObjectRef {
  return { resource, namespace: namespaceOf(obj), name: nameOf(obj) };
}

/** The controller reference an owner puts on what it creates. */
export function controllerRef(owner: unknown): JsonObject {
  return {
    apiVersion: str(at(owner, 'apiVersion')), kind: str(at(owner, 'kind')), name: nameOf(owner), uid: uidOf(owner),
    controller: true, blockOwnerDeletion: true,
  };
}

export function isOwnedByUid(obj: unknown, uid: string): boolean {
  return uid !== '' && list(at(obj, 'metadata', 'ownerReferences')).some((r) => str(at(r, 'uid')) === uid);
}

export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

/** `app=web,tier=front`, the form status.selector takes. */
export function selectorString(matchLabels: Record<string, string>): string {
  return Object.keys(matchLabels).sort().map((k) => `${k}=${matchLabels[k] ?? ''}`).join(',');
}

/** metadata.annotations / labels of a copy, created when missing. */
export function metaMap(obj: JsonObject, key: 'annotations' | 'labels'): JsonObject {
  const meta = metadataOf(obj);
  const map = meta[key];
  if (isJsonObject(map)) return map;
  const fresh: JsonObject = {};
  meta[key] = fresh;
  return fresh;
}
