// The objects of the whole workspace (or of all files given to the CLI) that rules look up by
// name: Services, Ingresses, VirtualServices, Deployments and analysis templates. Lookups are
// recorded per document so the engine re-runs a document's cross-document rules only when an
// object it asked about changes.
import type { LintDoc } from './lintDoc';

export interface IndexedObject {
  readonly kind: IndexedKind;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly value: Record<string, unknown>;
  readonly doc: LintDoc;
}

export interface ReferenceIndex {
  /**
   * The object of `kind` named `name`. A namespace on either side that is unset matches any
   * namespace (tools such as kustomize often add it later).
   */
  find(kind: IndexedKind, name: string, namespace?: string): IndexedObject | undefined;
  /** Every object of `kind`. */
  all(kind: IndexedKind): readonly IndexedObject[];
  /** The objects that reference the object `kind`/`name` (see `ReferenceExtractor`). */
  usersOf(kind: IndexedKind, name: string): readonly IndexedObject[];
}

/**
 * The keys (`objectKey(kind, name)`) of the objects an indexed object references, for `usersOf`.
 * Knowing them lets the engine re-check a template only when a Rollout that uses it changes,
 * instead of when any Rollout changes.
 */
export type ReferenceExtractor = (obj: IndexedObject) => readonly string[];

export type IndexedKind =
  | 'Service'
  | 'Ingress'
  | 'VirtualService'
  | 'Deployment'
  | 'AnalysisTemplate'
  | 'ClusterAnalysisTemplate'
  | 'Rollout'
  | 'Experiment';

const INDEXED: ReadonlyMap<string, IndexedKind> = new Map<string, IndexedKind>([
  ['/Service', 'Service'],
  ['networking.k8s.io/Ingress', 'Ingress'],
  ['extensions/Ingress', 'Ingress'],
  ['networking.istio.io/VirtualService', 'VirtualService'],
  ['apps/Deployment', 'Deployment'],
  ['argoproj.io/AnalysisTemplate', 'AnalysisTemplate'],
  ['argoproj.io/ClusterAnalysisTemplate', 'ClusterAnalysisTemplate'],
  ['argoproj.io/Rollout', 'Rollout'],
  ['argoproj.io/Experiment', 'Experiment'],
]);

/** The indexed kind of a document, if it is one the index keeps. */
export function indexedKind(doc: LintDoc): IndexedKind | undefined {
  if (doc.group === undefined || doc.kind === undefined) return undefined;
  return INDEXED.get(`${doc.group}/${doc.kind}`);
}

export function objectKey(kind: string, name: string): string {
  return `${kind}/${name}`;
}

/** The index, updated in place as documents come and go. */
export class MapReferenceIndex implements ReferenceIndex {
  private readonly byKey = new Map<string, IndexedObject[]>();
  private readonly byKind = new Map<IndexedKind, IndexedObject[]>();
  private readonly users = new Map<string, IndexedObject[]>();

  add(obj: IndexedObject, refs: readonly string[]): void {
    push(this.byKey, objectKey(obj.kind, obj.name), obj);
    push(this.byKind, obj.kind, obj);
    for (const r of refs) push(this.users, r, obj);
  }

  remove(obj: IndexedObject, refs: readonly string[]): void {
    pull(this.byKey, objectKey(obj.kind, obj.name), obj);
    pull(this.byKind, obj.kind, obj);
    for (const r of refs) pull(this.users, r, obj);
  }

  find(kind: IndexedKind, name: string, namespace?: string): IndexedObject | undefined {
    const candidates = this.byKey.get(objectKey(kind, name));
    if (!candidates) return undefined;
    return candidates.find((o) => namespace === undefined || o.namespace === undefined || o.namespace === namespace);
  }

  all(kind: IndexedKind): readonly IndexedObject[] {
    return this.byKind.get(kind) ?? [];
  }

  usersOf(kind: IndexedKind, name: string): readonly IndexedObject[] {
    return this.users.get(objectKey(kind, name)) ?? [];
  }
}

/** The dependency key recorded for `usersOf(kind, name)`. */
export function usersKey(refKey: string): string {
  return `users:${refKey}`;
}

/** Wraps an index and records what a document looked up (`Kind/name`, `Kind/*` for `all`, `users:Kind/name`). */
export class RecordingIndex implements ReferenceIndex {
  readonly deps = new Set<string>();
  constructor(private readonly inner: ReferenceIndex) {}

  find(kind: IndexedKind, name: string, namespace?: string): IndexedObject | undefined {
    this.deps.add(objectKey(kind, name));
    return this.inner.find(kind, name, namespace);
  }

  all(kind: IndexedKind): readonly IndexedObject[] {
    this.deps.add(objectKey(kind, '*'));
    return this.inner.all(kind);
  }

  usersOf(kind: IndexedKind, name: string): readonly IndexedObject[] {
    this.deps.add(usersKey(objectKey(kind, name)));
    return this.inner.usersOf(kind, name);
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function pull<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (!list) return;
  const i = list.indexOf(v);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) m.delete(k);
}
