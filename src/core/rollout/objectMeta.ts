// Identity, ownership and revision of a cluster object, read the way the plugin reads them.
import { at, atoi, isObject, list, rfc3339, str } from './jsonFields';

export const REVISION_ANNOTATION = 'rollout.argoproj.io/revision';

export interface ObjectMetaInfo {
  name: string;
  namespace: string;
  uid: string;
  /** metadata.creationTimestamp in epoch ms; undefined when missing or unreadable. */
  createdAt: number | undefined;
}

export function objectMeta(o: unknown): ObjectMetaInfo {
  return {
    name: str(at(o, 'metadata', 'name')),
    namespace: str(at(o, 'metadata', 'namespace')),
    uid: str(at(o, 'metadata', 'uid')),
    createdAt: rfc3339(at(o, 'metadata', 'creationTimestamp')),
  };
}

export function annotation(o: unknown, key: string): string {
  return str(at(o, 'metadata', 'annotations', key));
}

export function label(o: unknown, key: string): string {
  return str(at(o, 'metadata', 'labels', key));
}

/** Annotation `rollout.argoproj.io/revision` as a number; 0 when missing or not a number (as the plugin). */
export function revisionOf(o: unknown): number {
  return atoi(annotation(o, REVISION_ANNOTATION)) ?? 0;
}

/**
 * The UIDs the object's ownerReferences name, in order, without empty ones: objects read from files
 * have none, and "no UID" must not make everything related.
 */
export function ownerUids(o: unknown): string[] {
  return list(at(o, 'metadata', 'ownerReferences')).map((ref) => (isObject(ref) ? str(ref.uid) : '')).filter((uid) => uid !== '');
}

/** The UID among `uids` that one of the object's ownerReferences names, if any (never an empty one). */
export function ownerUid(o: unknown, uids: ReadonlySet<string>): string | undefined {
  return ownerUids(o).find((uid) => uids.has(uid));
}

export function isOwnedBy(o: unknown, uid: string): boolean {
  return ownerUid(o, new Set([uid])) !== undefined;
}

/** Go's metav1.Time.Before for sorting, with missing timestamps first (Go's zero time). */
export function compareCreated(a: number | undefined, b: number | undefined): number {
  return (a ?? -Infinity) === (b ?? -Infinity) ? 0 : (a ?? -Infinity) < (b ?? -Infinity) ? -1 : 1;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
