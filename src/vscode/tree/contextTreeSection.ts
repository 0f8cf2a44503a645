// One context's part of the live "Rollouts" tree: context → namespaces → rollouts → revisions →
// ReplicaSets → pods, plus AnalysisRuns (with their metrics) and Experiments. Rows are shaped by
// src/core/tree; the data comes from the session's RolloutStore, whose watches are held only while the
// view is visible. Store events are batched (a rollout step touches the rollout, ReplicaSets and pods at
// once) and only rows whose text changed are refreshed. RolloutsTreeProvider shows one section (the
// current context) or, with `argoRollouts.contexts`, one per listed context side by side.
import * as vscode from 'vscode';
import { shortContextName } from '../../core/kube/contextNames';
import type { KubeError } from '../../core/kube/kubeErrors';
import type { RolloutInfo } from '../../core/rollout/rolloutInfo';
import { rolloutInfo } from '../../core/rollout/rolloutInfo';
import { errorNextSteps, isClusterWideError, type NextStep } from '../../core/tree/errorNextSteps';
import { selectionLabel } from '../../core/tree/namespaceSelection';
import { rolloutChildren } from '../../core/tree/rolloutChildren';
import { needsAttention, orderRollouts, pinKey } from '../../core/tree/rolloutOrder';
import { rolloutRow } from '../../core/tree/rolloutRow';
import { whyStuck } from '../../core/stuck/whyStuck';
import type { NodeIcon, TreeNode } from '../../core/tree/treeNode';
import type { RolloutStore } from '../../kube/rolloutStore';
import { commandIds } from '../commandIds';
import type { ClusterSession } from '../cluster/clusterSession';
import { readClusterSettings } from '../cluster/clusterSettings';

/**
 * A row of the Rollouts view. `section` is the context of a root of `argoRollouts.contexts` (actions on
 * the row go to that context); undefined in the single-context view (the current context).
 */
export type RolloutsElement = { readonly section?: string } & (
  | { readonly type: 'context'; readonly id: string }
  | { readonly type: 'namespace'; readonly id: string; readonly namespace: string }
  | { readonly type: 'rollout'; readonly id: string; readonly namespace: string; readonly name: string }
  /** A row below a rollout; `namespace` and `rollout` say whose (the AnalysisRun and Experiment actions need them). */
  | { readonly type: 'node'; readonly id: string; readonly node: TreeNode; readonly namespace: string; readonly rollout: string }
  | { readonly type: 'error'; readonly id: string; readonly error: KubeError }
  | { readonly type: 'message'; readonly id: string; readonly text: string });

const PINNED_KEY = 'argoRollouts.pinnedRollouts';
/** Store events arriving within this window are shown together. */
const BATCH_MS = 100;
/** How long the first expansion waits for the first list before showing what it has. */
const FIRST_SYNC_TIMEOUT_MS = 10_000;

const STEP_COMMANDS: Record<NextStep, { command: string; title: string }> = {
  retry: { command: commandIds.refresh, title: 'Retry' },
  switchContext: { command: commandIds.switchContext, title: 'Switch Context…' },
  openKubeconfig: { command: commandIds.openKubeconfig, title: 'Open kubeconfig' },
};

export class ContextTreeSection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RolloutsElement | RolloutsElement[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  private visible = false;
  private attentionOnly = false;
  /** `argoRollouts.readOnly`: rows list no mutating action, so their menus offer none. */
  private readOnly = false;
  /** Released when the view hides, the namespaces change or the store is replaced. */
  private readonly holds = new Map<string, () => void>();
  /** With `["*"]`: the hold of the store's watch of which namespaces hold rollouts, released like `holds`. */
  private namespaceListHold: (() => void) | undefined;
  /** What that watch said when the context row was last read (see listKey), and whether it spoke since. */
  private shownListKey = '';
  private namespacesDirty = false;
  /** Context, namespace and rollout elements by id: refreshes must fire the very objects the view holds. */
  private readonly elements = new Map<string, RolloutsElement>();
  /** Namespaces the context row shows now. */
  private shownNamespaces: string[] = [];
  /** Per namespace, the rollout names as last shown; per rollout id, the text last shown. */
  private readonly shownNames = new Map<string, string>();
  private readonly shownRollouts = new Map<string, string>();
  private readonly shownErrors = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private contextDirty = false;
  private batchTimer: NodeJS.Timeout | undefined;
  private storeSubscriptions: (() => void)[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  /** Per namespace shown, how many of its rollouts need attention (as of the last read: kept while hidden). */
  private readonly attention = new Map<string, number>();
  private readonly attentionChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeAttention = this.attentionChanged.event;

  /**
   * @param section the context this section is pinned to (a root of `argoRollouts.contexts`): its row is
   * always shown, with a failure as an error row below it. Undefined: the single-context view.
   */
  constructor(readonly session: ClusterSession, private readonly memento: vscode.Memento, readonly section?: string) {
    this.disposables.push(session.onDidChange(() => this.sessionChanged()));
  }

  /** Rollouts needing attention in the namespaces shown. */
  attentionCount(): number {
    let sum = 0;
    for (const [ns, n] of this.attention) if (this.shownNamespaces.includes(ns)) sum += n;
    return sum;
  }

  /** Called with TreeView.visible: watches are open only while someone can see the tree. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (!visible) return this.releaseAll();
    const all = readClusterSettings().namespaces.kind === 'all';
    if (this.session.started && (this.shownNamespaces.length > 0 || all)) {
      this.hold(this.shownNamespaces);
      // What was shown before hiding may be stale: the watches were closed meanwhile. With `["*"]`
      // the re-read context row also holds the watch of which namespaces hold rollouts again.
      this.fireContext();
    }
  }

  setAttentionOnly(on: boolean): void {
    this.attentionOnly = on;
    this.fireContext();
  }

  setReadOnly(on: boolean): void {
    if (on === this.readOnly) return;
    this.readOnly = on;
    // Every row's contextValue changes: new baselines are taken as the rows are read again.
    this.shownRollouts.clear();
    this.changed.fire(undefined);
  }

  isPinned(namespace: string, name: string): boolean {
    return this.pinned().has(pinKey(namespace, name));
  }

  async setPinned(namespace: string, name: string, pinned: boolean): Promise<void> {
    const set = this.pinned();
    if (pinned) set.add(pinKey(namespace, name));
    else set.delete(pinKey(namespace, name));
    await this.memento.update(PINNED_KEY, [...set].sort());
    this.refreshNamespace(namespace);
  }

  /** The namespace's rows again (pins are shared by every context's section). */
  refreshNamespace(namespace: string): void {
    const ns = this.elements.get(this.namespaceId(namespace));
    if (ns) this.changed.fire(ns);
  }

  /** Namespaces settings changed: same store, other namespaces. */
  namespacesChanged(): void {
    this.fireContext();
  }

  /** Namespaces with watches held by the tree (tests and the log read it). */
  heldNamespaces(): string[] {
    return [...this.holds.keys()];
  }

  getTreeItem(el: RolloutsElement): vscode.TreeItem {
    switch (el.type) {
      case 'context':
        return this.contextItem(el);
      case 'namespace': {
        const item = new vscode.TreeItem(el.namespace, vscode.TreeItemCollapsibleState.Expanded);
        item.id = el.id;
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        item.contextValue = 'namespace';
        item.description = this.namespaceSummary(el.namespace);
        return item;
      }
      case 'rollout':
        return this.rolloutItem(el);
      case 'node': {
        const n = el.node;
        const item = new vscode.TreeItem(n.label, n.children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = el.id;
        item.description = n.description;
        item.tooltip = n.tooltip;
        item.iconPath = themeIcon(n.icon);
        item.contextValue = n.contextValue;
        return item;
      }
      case 'error': {
        const steps = errorNextSteps(el.error);
        const item = new vscode.TreeItem(el.error.message, vscode.TreeItemCollapsibleState.None);
        item.id = el.id;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('charts.red'));
        const first = STEP_COMMANDS[steps[0] ?? 'retry'];
        item.command = first;
        item.tooltip = `${el.error.message}\n\nClick to: ${first.title}`;
        item.contextValue = `error:${steps.join(',')}`;
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(el.text, vscode.TreeItemCollapsibleState.None);
        item.id = el.id;
        item.iconPath = new vscode.ThemeIcon('info');
        item.contextValue = 'message';
        return item;
      }
    }
  }

  async getChildren(el?: RolloutsElement): Promise<RolloutsElement[]> {
    if (!el) return this.rootChildren();
    switch (el.type) {
      case 'context':
        return this.contextChildren(el);
      case 'namespace':
        return this.namespaceChildren(el);
      case 'rollout':
        return this.rolloutChildrenOf(el);
      case 'node':
        return el.node.children.map((node) => this.tag({ type: 'node', id: node.id, node, namespace: el.namespace, rollout: el.rollout }));
      default:
        return [];
    }
  }

  /** For TreeView.reveal(): rollout → namespace → context (deeper rows are never revealed). */
  getParent(el: RolloutsElement): RolloutsElement | undefined {
    if (el.type === 'rollout') return this.element({ type: 'namespace', id: this.namespaceId(el.namespace), namespace: el.namespace });
    if (el.type === 'namespace') return this.element({ type: 'context', id: this.contextId() });
    return undefined;
  }

  /** The element of a rollout's row, for TreeView.reveal() (the row need not be shown yet). */
  rolloutElement(namespace: string, name: string): RolloutsElement {
    return this.element({ type: 'rollout', id: `${this.namespaceId(namespace)}/ro:${name}`, namespace, name });
  }

  dispose(): void {
    this.releaseAll();
    this.unsubscribeStore();
    if (this.batchTimer) clearTimeout(this.batchTimer);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
    this.attentionChanged.dispose();
  }

  // ---- children

  rootChildren(): RolloutsElement[] {
    let state;
    try {
      state = this.session.start();
    } catch (e) {
      // Loading the cluster layer itself failed (a broken install): say so instead of spinning.
      const detail = e instanceof Error ? e.message : String(e);
      return [this.tag({ type: 'message', id: this.section !== undefined ? `${this.contextId()}/load-failure` : 'load-failure', text: `The cluster view could not start: ${detail}` })];
    }
    if (state.kind === 'connected' && this.storeSubscriptions.length === 0) this.subscribeStore(state.store);
    // Side by side, a context that fails keeps its row, with the error below it.
    if (this.section !== undefined) return [this.element({ type: 'context', id: this.contextId() })];
    if (state.kind === 'failed') return [this.element({ type: 'error', id: 'root/error', error: state.error })];
    if (state.kind !== 'connected') return [];
    return [this.element({ type: 'context', id: this.contextId() })];
  }

  private async contextChildren(el: RolloutsElement): Promise<RolloutsElement[]> {
    const state = this.session.state;
    if (state.kind === 'failed') return [this.errorElement(el.id, state.error)];
    const store = this.store();
    if (!store) return [];
    const selection = readClusterSettings().namespaces;
    let namespaces: string[];
    if (selection.kind !== 'all') this.releaseNamespaceList();
    if (selection.kind === 'context') namespaces = [this.session.contexts()?.currentNamespace ?? 'default'];
    else if (selection.kind === 'list') namespaces = [...selection.names];
    else if (!this.visible) {
      // Read before the view reported itself visible: one list; setVisible(true) starts the watch.
      const listed = await this.session.namespacesWithRollouts();
      if (this.store() !== store) return [];
      if (!listed.ok) return [this.errorElement(el.id, listed.error)];
      namespaces = listed.value;
    } else {
      // Followed by watch, so a namespace's first rollout or its last one's deletion needs no Refresh.
      const list = store.rolloutNamespaces;
      this.holdNamespaceList(store);
      await whenReady(() => !this.visible || this.store() !== store || list.hasSynced || list.lastError !== undefined, [(check) => list.onChange(check)]);
      if (this.store() !== store) return [];
      this.shownListKey = listKey(store);
      if (!list.hasSynced && list.lastError) return [this.errorElement(el.id, list.lastError)];
      if (!list.hasSynced) return [this.tag({ type: 'message', id: `${el.id}/loading`, text: 'Loading…' })];
      namespaces = [...list.namespaces()];
    }
    // A namespace that comes back later starts from fresh baselines.
    for (const gone of this.shownNamespaces.filter((ns) => !namespaces.includes(ns))) {
      this.shownNames.delete(gone);
      this.attention.delete(gone);
    }
    this.shownNamespaces = namespaces;
    if (this.visible) this.hold(namespaces);
    await this.firstSync(store, namespaces);
    if (this.store() !== store) return [];
    const wide = namespaces.map((ns) => store.lastError(ns)).find((e) => e !== undefined && isClusterWideError(e));
    for (const ns of namespaces) this.shownErrors.set(ns, store.lastError(ns)?.message ?? '');
    if (wide) return [this.errorElement(el.id, wide)];
    if (namespaces.length === 0) return [this.tag({ type: 'message', id: `${el.id}/empty`, text: 'No namespace of this cluster holds a rollout.' })];
    return namespaces.map((namespace) => this.element({ type: 'namespace', id: this.namespaceId(namespace), namespace }));
  }

  private namespaceChildren(el: Extract<RolloutsElement, { type: 'namespace' }>): RolloutsElement[] {
    const store = this.store();
    if (!store) return [];
    const error = store.lastError(el.namespace);
    this.shownErrors.set(el.namespace, error?.message ?? '');
    if (error) return [this.errorElement(el.id, error)];
    const entries = this.orderedRollouts(store, el.namespace);
    if (!this.shownNames.has(el.namespace)) this.shownNames.set(el.namespace, entries.map((e) => e.name).join('\n'));
    if (entries.length === 0 && !store.isSynced(el.namespace)) {
      // Not listed yet (the view was asked for rows before it reported itself visible): the change
      // events of the first list refresh this row.
      return [this.tag({ type: 'message', id: `${el.id}/loading`, text: 'Loading…' })];
    }
    if (entries.length === 0) {
      const text = this.attentionOnly ? `No rollout in ${el.namespace} needs attention.` : `No rollouts in ${el.namespace}.`;
      return [this.tag({ type: 'message', id: `${el.id}/empty`, text })];
    }
    // The baseline of change detection is set once here and then only by flush(): a read between a
    // store event and the flush (the view's own, a test's) must not swallow the refresh.
    return entries.map((e) => {
      const id = `${el.id}/ro:${e.name}`;
      if (!this.shownRollouts.has(id)) {
        const row = rolloutRow(e.info, e.rollout, { pinned: this.isPinned(el.namespace, e.name), readOnly: this.readOnly });
        this.shownRollouts.set(id, fingerprint(e.info, e.analysisRuns, row.description, row.contextValue, id));
      }
      return this.element({ type: 'rollout', id, namespace: el.namespace, name: e.name });
    });
  }

  private rolloutChildrenOf(el: Extract<RolloutsElement, { type: 'rollout' }>): RolloutsElement[] {
    const entry = this.store()?.rollout(el.namespace, el.name);
    if (!entry) return [];
    const info = rolloutInfo(entry.rollout, entry.related, Date.now());
    return rolloutChildren(info, entry.related.analysisRuns ?? [], el.id).map((node) => this.tag({ type: 'node', id: node.id, node, namespace: el.namespace, rollout: el.name }));
  }

  // ---- items

  private contextItem(el: RolloutsElement): vscode.TreeItem {
    const contexts = this.session.contexts();
    const name = this.section ?? contexts?.currentContext ?? '';
    const item = new vscode.TreeItem(shortContextName(name), vscode.TreeItemCollapsibleState.Expanded);
    item.id = el.id;
    item.iconPath = new vscode.ThemeIcon('server-environment');
    item.description = this.session.state.kind === 'failed' ? '' : selectionLabel(readClusterSettings().namespaces, contexts?.currentNamespace ?? 'default');
    const server = contexts?.contexts().find((c) => c.name === name)?.server;
    item.tooltip = `Context ${name}${server ? `\n${server}` : ''}`;
    item.contextValue = this.section !== undefined ? 'context:section' : 'context';
    return item;
  }

  private rolloutItem(el: Extract<RolloutsElement, { type: 'rollout' }>): vscode.TreeItem {
    const entry = this.store()?.rollout(el.namespace, el.name);
    const item = new vscode.TreeItem(el.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = el.id;
    if (!entry) {
      item.description = 'deleted';
      item.collapsibleState = vscode.TreeItemCollapsibleState.None;
      return item;
    }
    const now = Date.now();
    const info = rolloutInfo(entry.rollout, entry.related, now);
    const stuck = whyStuck(entry.rollout, entry.related, now);
    const row = rolloutRow(info, entry.rollout, { pinned: this.isPinned(el.namespace, el.name), readOnly: this.readOnly, ...(stuck !== undefined ? { stuck } : {}) });
    item.description = row.description;
    item.tooltip = new vscode.MarkdownString().appendText(row.tooltip);
    item.iconPath = themeIcon(row.icon);
    item.contextValue = row.contextValue;
    return item;
  }

  private namespaceSummary(namespace: string): string {
    const store = this.store();
    if (!store) return '';
    const now = Date.now();
    const phases = store.rollouts(namespace).map((r) => ({ phase: rolloutInfo(r.rollout, r.related, now).phase, stuck: whyStuck(r.rollout, r.related, now)?.kind }));
    if (phases.length === 0) return '';
    const attention = phases.filter(needsAttention).length;
    return `${phases.length} rollout${phases.length === 1 ? '' : 's'}${attention > 0 ? ` · ${attention} need${attention === 1 ? 's' : ''} attention` : ''}`;
  }

  // ---- store events → refreshes

  private sessionChanged(): void {
    this.releaseAll();
    this.unsubscribeStore();
    this.elements.clear();
    this.shownNames.clear();
    this.shownRollouts.clear();
    this.shownErrors.clear();
    this.shownNamespaces = [];
    if (this.attention.size > 0) {
      this.attention.clear();
      this.attentionChanged.fire();
    }
    const state = this.session.state;
    if (state.kind === 'connected') this.subscribeStore(state.store);
    this.changed.fire(undefined);
  }

  private subscribeStore(store: RolloutStore): void {
    this.storeSubscriptions = [
      store.onChange((c) => this.markDirty(c.namespace)),
      store.onError((e) => {
        const message = e.error?.message ?? '';
        if ((this.shownErrors.get(e.namespace) ?? '') === message) return;
        this.shownErrors.set(e.namespace, message);
        this.contextDirty = true;
        this.schedule();
      }),
    ];
  }

  private unsubscribeStore(): void {
    for (const u of this.storeSubscriptions) u();
    this.storeSubscriptions = [];
  }

  private markDirty(namespace: string): void {
    if (!this.shownNamespaces.includes(namespace)) return;
    this.dirty.add(namespace);
    this.schedule();
  }

  // A batch window, not a debounce that restarts: a busy namespace must not starve the view.
  private schedule(): void {
    if (this.batchTimer) return;
    this.batchTimer = setTimeout(() => {
      this.batchTimer = undefined;
      this.flush();
    }, BATCH_MS);
  }

  private flush(): void {
    const store = this.store();
    const namespaces = [...this.dirty];
    this.dirty.clear();
    if (!store) return;
    if (this.namespacesDirty) {
      this.namespacesDirty = false;
      if (listKey(store) !== this.shownListKey) this.contextDirty = true;
    }
    if (this.contextDirty) {
      this.contextDirty = false;
      return this.fireContext();
    }
    const fire: RolloutsElement[] = [];
    for (const namespace of namespaces) {
      const nsElement = this.elements.get(this.namespaceId(namespace));
      if (!nsElement) continue;
      const entries = this.orderedRollouts(store, namespace);
      const names = entries.map((e) => e.name).join('\n');
      if (names !== this.shownNames.get(namespace)) {
        this.shownNames.set(namespace, names);
        fire.push(nsElement);
        continue;
      }
      for (const e of entries) {
        const element = this.elements.get(`${nsElement.id}/ro:${e.name}`);
        if (!element) continue;
        const row = rolloutRow(e.info, e.rollout, { pinned: this.isPinned(namespace, e.name), readOnly: this.readOnly });
        const text = fingerprint(e.info, e.analysisRuns, row.description, row.contextValue, element.id);
        if (text !== this.shownRollouts.get(element.id)) {
          this.shownRollouts.set(element.id, text);
          fire.push(element);
        }
      }
      // The namespace row's description counts rollouts by phase.
      if (fire.length > 0 && !fire.includes(nsElement)) fire.push(nsElement);
    }
    if (fire.length > 0) this.changed.fire(fire);
  }

  private fireContext(): void {
    const ctx = this.elements.get(this.contextId());
    this.changed.fire(ctx ?? undefined);
  }

  // ---- watches

  private hold(namespaces: readonly string[]): void {
    const store = this.store();
    if (!store) return;
    for (const [ns, release] of [...this.holds]) {
      if (namespaces.includes(ns)) continue;
      release();
      this.holds.delete(ns);
    }
    for (const ns of namespaces) if (!this.holds.has(ns)) this.holds.set(ns, store.watchNamespace(ns));
  }

  private releaseAll(): void {
    for (const release of this.holds.values()) release();
    this.holds.clear();
    this.releaseNamespaceList();
  }

  private holdNamespaceList(store: RolloutStore): void {
    if (this.namespaceListHold) return;
    const release = store.rolloutNamespaces.hold();
    // Compared in flush(), after the batch window: by then the context row read that started the
    // watch has recorded what it showed, so its own first list refreshes nothing.
    const off = store.rolloutNamespaces.onChange(() => {
      this.namespacesDirty = true;
      this.schedule();
    });
    this.namespaceListHold = () => {
      off();
      release();
    };
  }

  private releaseNamespaceList(): void {
    this.namespaceListHold?.();
    this.namespaceListHold = undefined;
    this.namespacesDirty = false;
  }

  /** Resolves once every namespace has been listed or has failed, so the first expansion shows data or the error rather than an empty list. */
  private firstSync(store: RolloutStore, namespaces: readonly string[]): Promise<void> {
    const ready = (): boolean => !this.visible || this.store() !== store || namespaces.every((ns) => store.isSynced(ns) || store.lastError(ns) !== undefined);
    return whenReady(ready, [(check) => store.onChange(check), (check) => store.onError(check)]);
  }

  // ---- helpers

  private store(): RolloutStore | undefined {
    const state = this.session.state;
    return state.kind === 'connected' ? state.store : undefined;
  }

  /** The namespace's rows in order; also records how many need attention (the view's badge). */
  private orderedRollouts(store: RolloutStore, namespace: string) {
    const now = Date.now();
    const entries = store.rollouts(namespace).map((r) => {
      const info: RolloutInfo = rolloutInfo(r.rollout, r.related, now);
      return { name: info.name, phase: info.phase, stuck: whyStuck(r.rollout, r.related, now)?.kind, info, rollout: r.rollout, analysisRuns: r.related.analysisRuns ?? [] };
    }).filter((e) => e.name !== '');
    // Only once listed: an empty namespace before its first list says nothing yet.
    if (store.isSynced(namespace)) this.recordAttention(namespace, entries.filter(needsAttention).length);
    return orderRollouts(namespace, entries, { pinned: this.pinned(), attentionOnly: this.attentionOnly });
  }

  private recordAttention(namespace: string, count: number): void {
    if (this.attention.get(namespace) === count) return;
    this.attention.set(namespace, count);
    this.attentionChanged.fire();
  }

  private pinned(): Set<string> {
    const stored = this.memento.get<unknown>(PINNED_KEY);
    return new Set(Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : []);
  }

  private contextId(): string {
    return `ctx:${this.section ?? this.session.contexts()?.currentContext ?? ''}`;
  }

  private namespaceId(namespace: string): string {
    return `${this.contextId()}/ns:${namespace}`;
  }

  private errorElement(parentId: string, error: KubeError): RolloutsElement {
    return this.tag({ type: 'error', id: `${parentId}/error`, error });
  }

  /** The element with this section's context, so the view routes it (and actions on it) here. */
  private tag<T extends RolloutsElement>(el: T): T {
    return this.section !== undefined && el.section === undefined ? { ...el, section: this.section } : el;
  }

  /** The cached element with this id (so a later refresh fires the object the view holds), updated to `el`. */
  private element<T extends RolloutsElement>(el: T): T {
    el = this.tag(el);
    const known = this.elements.get(el.id);
    if (known && known.type === el.type && JSON.stringify(known) === JSON.stringify(el)) return known as T;
    this.elements.set(el.id, el);
    return el;
  }
}

/**
 * Resolves once `ready()` holds, or after FIRST_SYNC_TIMEOUT_MS. Besides the events it re-checks
 * every 100 ms (a hidden view or a replaced store announces nothing there); it never asks the cluster.
 */
function whenReady(ready: () => boolean, events: readonly ((check: () => void) => () => void)[]): Promise<void> {
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const check = (): void => {
      if (ready()) done();
    };
    const offs = events.map((on) => on(check));
    const interval = setInterval(check, 100);
    const timeout = setTimeout(() => done(), FIRST_SYNC_TIMEOUT_MS);
    const done = (): void => {
      for (const off of offs) off();
      clearInterval(interval);
      clearTimeout(timeout);
      resolve();
    };
  });
}

/** What the `["*"]` context row shows from the namespace watch: its namespaces once listed, else its failure (or nothing yet). */
function listKey(store: RolloutStore): string {
  const list = store.rolloutNamespaces;
  return list.hasSynced ? `ns:${list.namespaces().join('\n')}` : `error:${list.lastError?.message ?? ''}`;
}

function themeIcon(icon: NodeIcon): vscode.ThemeIcon {
  return new vscode.ThemeIcon(icon.id, icon.color === undefined ? undefined : new vscode.ThemeColor(icon.color));
}

/** Everything the rollout row and its subtree show: a refresh is needed exactly when this changes. */
function fingerprint(info: RolloutInfo, analysisRuns: readonly unknown[], description: string, contextValue: string, id: string): string {
  return JSON.stringify([description, contextValue, info.message, info.images, rolloutChildren(info, analysisRuns, id)]);
}
