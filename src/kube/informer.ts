// List + watch of one resource kind in one namespace, kept as a cache keyed by name (client-go's
// reflector, reduced to what the tree needs). A list replaces the cache and emits only the
// differences, so a re-list after 410 Gone or a reconnect neither duplicates objects nor keeps
// ghosts of objects deleted while disconnected. Watches resume from the last resourceVersion seen
// (bookmarks included); failures retry with exponential backoff.
import type { KubeError } from '../core/kube/kubeErrors';
import type { KubeTransport, WatchEvent, WatchHandle } from './clusterConnection';
import { stringAt } from '../core/untrustedJson';

export type WatchedKind = 'rollouts' | 'replicasets' | 'pods' | 'analysisruns' | 'experiments';

const API_PREFIX: Record<WatchedKind, string> = {
  rollouts: '/apis/argoproj.io/v1alpha1',
  analysisruns: '/apis/argoproj.io/v1alpha1',
  experiments: '/apis/argoproj.io/v1alpha1',
  replicasets: '/apis/apps/v1',
  pods: '/api/v1',
};

/** The collection path; all namespaces when `namespace` is undefined. */
function cacheKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export function collectionPath(kind: WatchedKind, namespace: string | undefined): string {
  const ns = namespace === undefined ? '' : `/namespaces/${encodeURIComponent(namespace)}`;
  return `${API_PREFIX[kind]}${ns}/${kind}`;
}

export interface ObjectChange {
  readonly type: 'added' | 'modified' | 'deleted';
  readonly name: string;
  /** The object after the change; for 'deleted', the last state known. */
  readonly object: unknown;
}

export type InformerState = 'stopped' | 'listing' | 'watching' | 'waiting';

export interface InformerOptions {
  /** First retry delay; doubles up to maxBackoffMs. Default 500 ms. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Asks the server to end each watch after this long (a fresh watch follows); default 300 s. */
  readonly watchTimeoutSeconds?: number;
}

type ChangeListener = (changes: readonly ObjectChange[]) => void;
type ErrorListener = (error: KubeError | undefined) => void;

export class Informer {
  /** Objects by `namespace/name`: a cluster-wide informer holds same-named objects of many namespaces. */
  private readonly cache = new Map<string, unknown>();
  private readonly changeListeners = new Set<ChangeListener>();
  private readonly errorListeners = new Set<ErrorListener>();
  private resourceVersion = '';
  private current: WatchHandle | undefined;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private generation = 0;
  private stateValue: InformerState = 'stopped';
  private synced = false;
  private errorValue: KubeError | undefined;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly watchTimeoutSeconds: number;

  constructor(
    private readonly transport: KubeTransport,
    readonly kind: WatchedKind,
    readonly namespace: string | undefined,
    options: InformerOptions = {},
  ) {
    this.initialBackoffMs = options.initialBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.watchTimeoutSeconds = options.watchTimeoutSeconds ?? 300;
  }

  get state(): InformerState {
    return this.stateValue;
  }

  /** True once a list has succeeded since start(). */
  get hasSynced(): boolean {
    return this.synced;
  }

  /** The last failure, cleared by the next successful list or watch. */
  get lastError(): KubeError | undefined {
    return this.errorValue;
  }

  /** The cached objects. */
  objects(): unknown[] {
    return [...this.cache.values()];
  }

  /** The cached object `name` (of `namespace`, for a cluster-wide informer). */
  get(name: string, namespace = this.namespace): unknown {
    return this.cache.get(cacheKey(namespace, name));
  }

  onChange(listener: ChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Reports failures and, with undefined, the recovery after one. */
  onError(listener: ErrorListener): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  start(): void {
    if (this.stateValue !== 'stopped') return;
    this.generation++;
    this.synced = false;
    this.list(this.generation);
  }

  /** Aborts the watch request and any pending retry. The cache is kept for a later start(). */
  stop(): void {
    this.generation++;
    this.stateValue = 'stopped';
    clearTimeout(this.timer);
    this.timer = undefined;
    this.current?.stop();
    this.current = undefined;
  }

  private list(gen: number): void {
    this.stateValue = 'listing';
    void this.transport.send({ method: 'GET', path: collectionPath(this.kind, this.namespace) }).then((answer) => {
      if (gen !== this.generation) return;
      if (!answer.ok) return this.retry(gen, answer.error, () => this.list(gen));
      const items = listItems(answer.value.body);
      this.resourceVersion = stringAt(answer.value.body, 'metadata', 'resourceVersion') ?? '';
      // Synced before the changes are announced, and announced even when the list changed nothing:
      // a listener waiting for "synced" (the tree's "Loading…", a namespace with no pods) must hear it.
      const firstSync = !this.synced;
      this.synced = true;
      this.replace(items, firstSync);
      this.recovered();
      this.watch(gen);
    });
  }

  private watch(gen: number): void {
    this.stateValue = 'watching';
    const opened = Date.now();
    let events = 0;
    let relist = false;
    const query: Record<string, string> = { allowWatchBookmarks: 'true', timeoutSeconds: String(this.watchTimeoutSeconds) };
    if (this.resourceVersion !== '') query['resourceVersion'] = this.resourceVersion;
    this.current = this.transport.watch(collectionPath(this.kind, this.namespace), query, {
      onEvent: (event) => {
        if (gen !== this.generation) return;
        events++;
        if (event.type === 'ERROR') {
          // 410 Expired: the resourceVersion is compacted away; only a fresh list can resync.
          relist = intAt(event.object, 'code') === 410;
          return;
        }
        this.apply(event);
        this.recovered();
      },
      onEnd: (error) => {
        if (gen !== this.generation) return;
        this.current = undefined;
        if (relist || error?.kind === 'gone') {
          this.resourceVersion = '';
          return this.list(gen);
        }
        if (error) return this.retry(gen, error, () => this.watch(gen));
        // A watch the server ends normally (timeoutSeconds, a restart) resumes at once; one that
        // ends immediately without news waits, so a server that keeps closing is not hammered.
        if (events > 0 || Date.now() - opened > 1000) {
          this.failures = 0;
          return this.watch(gen);
        }
        this.retry(gen, undefined, () => this.watch(gen));
      },
    });
  }

  private apply(event: WatchEvent): void {
    const rv = stringAt(event.object, 'metadata', 'resourceVersion');
    if (rv !== undefined) this.resourceVersion = rv;
    if (event.type === 'BOOKMARK') return;
    const name = stringAt(event.object, 'metadata', 'name');
    if (name === undefined) return;
    const key = cacheKey(stringAt(event.object, 'metadata', 'namespace'), name);
    const had = this.cache.has(key);
    if (event.type === 'DELETED') {
      if (!had) return;
      this.cache.delete(key);
      this.emit([{ type: 'deleted', name, object: event.object }]);
    } else if (event.type === 'ADDED' || event.type === 'MODIFIED') {
      this.cache.set(key, event.object);
      this.emit([{ type: had ? 'modified' : 'added', name, object: event.object }]);
    }
  }

  /** Replaces the cache with a list's items and emits what changed. */
  private replace(items: readonly unknown[], announceEmpty: boolean): void {
    const changes: ObjectChange[] = [];
    const seen = new Set<string>();
    for (const object of items) {
      const name = stringAt(object, 'metadata', 'name');
      if (name === undefined) continue;
      const key = cacheKey(stringAt(object, 'metadata', 'namespace'), name);
      if (seen.has(key)) continue;
      seen.add(key);
      const before = this.cache.get(key);
      if (before === undefined) changes.push({ type: 'added', name, object });
      else if (stringAt(before, 'metadata', 'resourceVersion') !== stringAt(object, 'metadata', 'resourceVersion')) changes.push({ type: 'modified', name, object });
      this.cache.set(key, object);
    }
    for (const [key, object] of [...this.cache]) {
      if (seen.has(key)) continue;
      this.cache.delete(key);
      changes.push({ type: 'deleted', name: stringAt(object, 'metadata', 'name') ?? '', object });
    }
    if (changes.length > 0 || announceEmpty) this.emit(changes);
  }

  private retry(gen: number, error: KubeError | undefined, again: () => void): void {
    this.stateValue = 'waiting';
    if (error) {
      this.errorValue = error;
      for (const l of [...this.errorListeners]) l(error);
    }
    const delay = Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** this.failures);
    this.failures++;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (gen === this.generation) again();
    }, delay);
  }

  private recovered(): void {
    this.failures = 0;
    if (this.errorValue === undefined) return;
    this.errorValue = undefined;
    for (const l of [...this.errorListeners]) l(undefined);
  }

  private emit(changes: readonly ObjectChange[]): void {
    for (const l of [...this.changeListeners]) l(changes);
  }
}

function intAt(v: unknown, key: string): number | undefined {
  const n: unknown = typeof v === 'object' && v !== null ? Reflect.get(v, key) : undefined;
  return typeof n === 'number' ? n : undefined;
}

function listItems(body: unknown): unknown[] {
  const items: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'items') : undefined;
  return Array.isArray(items) ? items : [];
}
