// The extension's live connection: the kubeconfig's contexts, the selected one, and one RolloutStore
// for it. Switching context or namespace replaces the store in place (no window reload); listeners of
// onDidChange rebuild what they show. Nothing here loads @kubernetes/client-node until start().
// A session may be pinned to one context (a root of `argoRollouts.contexts`): it always connects to
// that context, whatever the kubeconfig's current one, and fails with a clear error when it is gone.
import * as vscode from 'vscode';
import { kubeError, type KubeError } from '../../core/kube/kubeErrors';
import type { Result } from '../../core/result';
import { namespacesOfList } from '../../core/tree/namespaceSelection';
import type { KubeTransport } from '../../kube/clusterConnection';
import type { KubeContexts } from '../../kube/kubeContexts';
import type { RolloutStore } from '../../kube/rolloutStore';
import { readClusterSettings } from './clusterSettings';
import { loadKube } from './loadKube';

export type SessionState =
  | { readonly kind: 'stopped' }
  /** The kubeconfig cannot be read, or its context cannot be connected. `contexts` when it was read. */
  | { readonly kind: 'failed'; readonly error: KubeError; readonly contexts: KubeContexts | undefined }
  | { readonly kind: 'connected'; readonly contexts: KubeContexts; readonly transport: KubeTransport; readonly store: RolloutStore };

export class ClusterSession implements vscode.Disposable {
  private stateValue: SessionState = { kind: 'stopped' };
  private readonly changed = new vscode.EventEmitter<SessionState>();
  /** Fires after every (re)connection, context or namespace switch. */
  readonly onDidChange = this.changed.event;

  /** @param pinnedContext the context this session always uses (undefined: the kubeconfig's current one, switchable). */
  constructor(readonly pinnedContext?: string) {}

  get state(): SessionState {
    return this.stateValue;
  }

  get started(): boolean {
    return this.stateValue.kind !== 'stopped';
  }

  /** Reads the kubeconfig and connects, once; later calls return the current state. */
  start(): SessionState {
    if (this.stateValue.kind === 'stopped') this.reload();
    return this.stateValue;
  }

  /** Re-reads the kubeconfig (a setting changed, Retry) and reconnects, keeping the picked context and namespace when they still exist. */
  reload(): void {
    const previous = this.stateValue.kind === 'stopped' ? undefined : this.stateValue.contexts;
    const keepContext = previous?.currentContext;
    const keepNamespace = previous?.currentNamespace;
    const kube = loadKube();
    const loaded = kube.loadKubeContexts({ path: readClusterSettings().kubeconfig });
    if (!loaded.ok) return this.set({ kind: 'failed', error: loaded.error, contexts: undefined });
    const contexts = loaded.value;
    if (this.pinnedContext !== undefined) {
      const used = contexts.useContext(this.pinnedContext);
      if (!used.ok) {
        const detail = `argoRollouts.contexts names "${this.pinnedContext}", which no kubeconfig file read defines (check the name, or argoRollouts.kubeconfig / KUBECONFIG)`;
        return this.set({ kind: 'failed', error: kubeError({ kind: 'config', detail }), contexts });
      }
      if (keepNamespace !== undefined && keepContext === this.pinnedContext) contexts.useNamespace(keepNamespace);
      return this.connect(contexts);
    }
    if (keepContext !== undefined && contexts.useContext(keepContext).ok && keepNamespace !== undefined) contexts.useNamespace(keepNamespace);
    this.connect(contexts);
  }

  useContext(name: string): Result<void, KubeError> {
    const contexts = this.contexts();
    if (!contexts) return { ok: false, error: this.failure() };
    const used = contexts.useContext(name);
    if (used.ok) this.connect(contexts);
    return used;
  }

  /** The namespace the tree shows when the namespaces setting is empty. */
  useNamespace(namespace: string): void {
    const contexts = this.contexts();
    if (!contexts) return;
    contexts.useNamespace(namespace);
    // Same cluster: the store (and its watches of other namespaces) stays.
    this.changed.fire(this.stateValue);
  }

  contexts(): KubeContexts | undefined {
    return this.stateValue.kind === 'stopped' ? undefined : this.stateValue.contexts;
  }

  /** Every namespace of the cluster (for pickers). */
  async listNamespaces(): Promise<Result<string[], KubeError>> {
    return this.listNames('/api/v1/namespaces', 'name');
  }

  /** Namespaces that hold at least one Rollout, from one cluster-wide list (the `["*"]` setting). */
  async namespacesWithRollouts(): Promise<Result<string[], KubeError>> {
    return this.listNames('/apis/argoproj.io/v1alpha1/rollouts', 'namespace');
  }

  dispose(): void {
    if (this.stateValue.kind === 'connected') {
      this.stateValue.store.dispose();
      this.stateValue.transport.dispose?.();
    }
    this.changed.dispose();
  }

  private async listNames(path: string, field: 'name' | 'namespace'): Promise<Result<string[], KubeError>> {
    const state = this.stateValue;
    if (state.kind !== 'connected') return { ok: false, error: this.failure() };
    const answer = await state.transport.send({ method: 'GET', path });
    return answer.ok ? { ok: true, value: namespacesOfList(answer.value.body, field) } : answer;
  }

  private connect(contexts: KubeContexts): void {
    const connection = contexts.connect();
    if (!connection.ok) return this.set({ kind: 'failed', error: connection.error, contexts });
    const store = new (loadKube().RolloutStore)(connection.value);
    this.set({ kind: 'connected', contexts, transport: connection.value, store });
  }

  private set(next: SessionState): void {
    if (this.stateValue.kind === 'connected') {
      this.stateValue.store.dispose();
      // Its pooled keep-alive sockets would otherwise idle on until their timeout.
      if (next.kind !== 'connected' || next.transport !== this.stateValue.transport) this.stateValue.transport.dispose?.();
    }
    this.stateValue = next;
    this.changed.fire(next);
  }

  private failure(): KubeError {
    if (this.stateValue.kind === 'failed') return this.stateValue.error;
    return kubeError({ kind: 'config', detail: 'the cluster connection has not started' });
  }
}
