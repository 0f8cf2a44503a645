// The live objects behind the rollouts tree: per namespace, one informer for each kind that
// `kubectl argo rollouts get` watches. Namespaces are watched while someone holds them (ref-counted
// by watchNamespace), so a collapsed or hidden view does not keep watches open.
import type { KubeError } from '../core/kube/kubeErrors';
import type { RelatedObjects } from '../core/rollout/experimentInfo';
import { OwnerIndex } from '../core/rollout/ownerIndex';
import type { KubeTransport } from './clusterConnection';
import { Informer, type InformerOptions, type ObjectChange, type WatchedKind } from './informer';
import { RolloutNamespaces } from './rolloutNamespaces';
import { stringAt } from '../core/untrustedJson';

export const WATCHED_KINDS: readonly WatchedKind[] = ['rollouts', 'replicasets', 'pods', 'analysisruns', 'experiments'];

export interface StoreChange {
  readonly namespace: string;
  readonly kind: WatchedKind;
  readonly changes: readonly ObjectChange[];
}

export interface StoreError {
  readonly namespace: string;
  readonly kind: WatchedKind;
  /** undefined: the informer recovered. */
  readonly error: KubeError | undefined;
}

export interface RolloutWithRelated {
  readonly rollout: unknown;
  /** The ReplicaSets, Pods, AnalysisRuns and Experiments the rollout owns (OwnerIndex.relatedTo). */
  readonly related: RelatedObjects;
}

interface NamespaceWatch {
  holders: number;
  readonly informers: Map<WatchedKind, Informer>;
  readonly unsubscribe: (() => void)[];
  /** Built on first use after a change of any kind in the namespace. */
  ownerIndex: OwnerIndex | undefined;
}

export class RolloutStore {
  private readonly namespaces = new Map<string, NamespaceWatch>();
  private readonly changeListeners = new Set<(change: StoreChange) => void>();
  private readonly errorListeners = new Set<(error: StoreError) => void>();
  /** The namespaces holding rollouts (the `["*"]` setting): watched only while held, closed with the store. */
  readonly rolloutNamespaces: RolloutNamespaces;

  constructor(
    private readonly transport: KubeTransport,
    private readonly options: InformerOptions = {},
  ) {
    this.rolloutNamespaces = new RolloutNamespaces(transport, options);
  }

  get context(): string {
    return this.transport.context;
  }

  /** Starts watching `namespace` (if nobody did yet); call the returned function when done with it. */
  watchNamespace(namespace: string): () => void {
    let entry = this.namespaces.get(namespace);
    if (!entry) {
      entry = this.startNamespace(namespace);
      this.namespaces.set(namespace, entry);
    }
    entry.holders++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(namespace);
    };
  }

  /** Namespaces with open watches. */
  watchedNamespaces(): string[] {
    return [...this.namespaces.keys()];
  }

  /** True once every kind of the namespace has been listed. */
  isSynced(namespace: string): boolean {
    const entry = this.namespaces.get(namespace);
    return entry !== undefined && [...entry.informers.values()].every((i) => i.hasSynced);
  }

  /** The first current failure among the namespace's informers (for an error node in the tree). */
  lastError(namespace: string): KubeError | undefined {
    const entry = this.namespaces.get(namespace);
    return entry ? [...entry.informers.values()].map((i) => i.lastError).find((e) => e !== undefined) : undefined;
  }

  objects(namespace: string, kind: WatchedKind): unknown[] {
    return this.namespaces.get(namespace)?.informers.get(kind)?.objects() ?? [];
  }

  /** The rollouts of the namespace with what rolloutInfo(rollout, related, now) needs, sorted by name. */
  rollouts(namespace: string): RolloutWithRelated[] {
    const index = this.ownerIndex(namespace);
    return this.objects(namespace, 'rollouts')
      .map((rollout) => ({ rollout, name: nameOf(rollout) }))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(({ rollout }) => ({ rollout, related: index.relatedTo(uidOf(rollout)) }));
  }

  rollout(namespace: string, name: string): RolloutWithRelated | undefined {
    const rollout = this.namespaces.get(namespace)?.informers.get('rollouts')?.get(name);
    return rollout === undefined ? undefined : { rollout, related: this.ownerIndex(namespace).relatedTo(uidOf(rollout)) };
  }

  private ownerIndex(namespace: string): OwnerIndex {
    const entry = this.namespaces.get(namespace);
    const build = (): OwnerIndex => new OwnerIndex({
      replicaSets: this.objects(namespace, 'replicasets'),
      pods: this.objects(namespace, 'pods'),
      analysisRuns: this.objects(namespace, 'analysisruns'),
      experiments: this.objects(namespace, 'experiments'),
    });
    if (!entry) return build();
    return (entry.ownerIndex ??= build());
  }

  onChange(listener: (change: StoreChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onError(listener: (error: StoreError) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Stops every watch (context switch, deactivation). */
  dispose(): void {
    this.rolloutNamespaces.stop();
    for (const namespace of [...this.namespaces.keys()]) this.stopNamespace(namespace);
  }

  private startNamespace(namespace: string): NamespaceWatch {
    const informers = new Map<WatchedKind, Informer>();
    const unsubscribe: (() => void)[] = [];
    const entry: NamespaceWatch = { holders: 0, informers, unsubscribe, ownerIndex: undefined };
    for (const kind of WATCHED_KINDS) {
      const informer = new Informer(this.transport, kind, namespace, this.options);
      informers.set(kind, informer);
      unsubscribe.push(informer.onChange((changes) => {
        // Before the listeners, which read the rollouts again. A change of rollouts alone keeps the index.
        if (kind !== 'rollouts') entry.ownerIndex = undefined;
        for (const l of [...this.changeListeners]) l({ namespace, kind, changes });
      }));
      unsubscribe.push(informer.onError((error) => {
        for (const l of [...this.errorListeners]) l({ namespace, kind, error });
      }));
      informer.start();
    }
    return entry;
  }

  private release(namespace: string): void {
    const entry = this.namespaces.get(namespace);
    if (!entry) return;
    entry.holders--;
    if (entry.holders <= 0) this.stopNamespace(namespace);
  }

  private stopNamespace(namespace: string): void {
    const entry = this.namespaces.get(namespace);
    if (!entry) return;
    this.namespaces.delete(namespace);
    for (const u of entry.unsubscribe) u();
    for (const i of entry.informers.values()) i.stop();
  }
}

function nameOf(obj: unknown): string {
  return stringAt(obj, 'metadata', 'name') ?? '';
}

function uidOf(obj: unknown): string {
  return stringAt(obj, 'metadata', 'uid') ?? '';
}
