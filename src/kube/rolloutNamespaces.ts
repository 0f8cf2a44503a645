// Which namespaces hold at least one Rollout, followed live for the `["*"]` setting: one list+watch
// of rollouts across all namespaces (not one per namespace of the cluster). Held while someone shows
// the set (ref-counted like RolloutStore.watchNamespace), so a hidden view keeps no watch open.
import type { KubeError } from '../core/kube/kubeErrors';
import { namespacesOfList } from '../core/tree/namespaceSelection';
import type { KubeTransport } from './clusterConnection';
import { Informer, type InformerOptions, type ObjectChange } from './informer';

export class RolloutNamespaces {
  private readonly informer: Informer;
  private holders = 0;
  /** Counts stop()s. */
  private epoch = 0;
  private current: readonly string[] = [];
  /** Whether the informer's first batch since start() (its first list) has been seen. */
  private listed = false;
  private readonly listeners = new Set<() => void>();

  constructor(transport: KubeTransport, options: InformerOptions = {}) {
    this.informer = new Informer(transport, 'rollouts', undefined, options);
    this.informer.onChange((changes) => this.changed(changes));
    this.informer.onError(() => this.emit());
  }

  /** Starts the watch (if nobody did yet); call the returned function when done with it. */
  hold(): () => void {
    this.holders++;
    if (this.holders === 1) {
      this.listed = false;
      this.informer.start();
    }
    // A release from before stop() must not count against the holders that came after it.
    const epoch = this.epoch;
    let released = false;
    return () => {
      if (released || epoch !== this.epoch) return;
      released = true;
      this.holders--;
      if (this.holders === 0) this.informer.stop();
    };
  }

  /** True once the watch has listed since it (re)started: before that, namespaces() may be stale. */
  get hasSynced(): boolean {
    return this.informer.hasSynced;
  }

  get lastError(): KubeError | undefined {
    return this.informer.lastError;
  }

  /** The namespaces holding rollouts, sorted. */
  namespaces(): readonly string[] {
    return this.current;
  }

  /** Fires when the set changes, on each first list (even an unchanged one), and on failures and recoveries. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the watch whoever holds it (context switch, deactivation). */
  stop(): void {
    this.epoch++;
    this.holders = 0;
    this.informer.stop();
  }

  private changed(changes: readonly ObjectChange[]): void {
    // The first list is announced even when unchanged (someone waits for it); after it, a rollout's
    // status updates ('modified') never move it to another namespace, so they leave the set alone.
    const firstList = !this.listed;
    this.listed = true;
    if (!firstList && changes.every((c) => c.type === 'modified')) return;
    const next = namespacesOfList({ items: this.informer.objects() }, 'namespace');
    if (!firstList && next.join('\n') === this.current.join('\n')) return;
    this.current = next;
    this.emit();
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}
