// One rollout's panel: a webview that draws what src/core/panel decides. The host watches the
// rollout's namespace while the panel is open, rebuilds the state on every store change (coalesced:
// a step touches the rollout, ReplicaSets and pods at once) and posts it only while the page can
// show it. Every message from the page is untrusted: it must pass `isToHost`, and an action runs
// only when the last posted state offered it enabled, through the same guarded path as the tree.
import * as vscode from 'vscode';
import type { ObjectRef } from '../../core/actions/kubeRequest';
import { buildPanelState, type PanelInput } from '../../core/panel/buildPanelState';
import { at } from '../../core/untrustedJson';
import { planSeries } from '../../core/panel/planSeries';
import type { RelatedObjects } from '../../core/rollout/experimentInfo';
import type { RolloutStore } from '../../kube/rolloutStore';
import { isToHost, PROTOCOL_VERSION, type PanelState, type SeriesView, type ToHost, type ToWebview } from '../../shared/protocol';
import { readActionSettings } from '../actions/actionSettings';
import type { ActionOutcome } from '../actions/runRolloutAction';
import type { ClusterSession } from '../cluster/clusterSession';
import type { Logger } from '../log';
import { newNonce, panelResourceRoots, renderPanelHtml } from './panelHtml';
import type { SeriesSource } from './seriesSource';

export const ROLLOUT_PANEL_VIEW_TYPE = 'argoRollouts.rolloutPanel';
/** At most one state per this many ms: store bursts are drawn once, and the page stays responsive. */
const COALESCE_MS = 100;
/** The tests read the recent messages; older ones are dropped. */
const KEEP_POSTED = 50;

export interface RolloutPanelDeps {
  readonly session: ClusterSession;
  readonly log: Logger;
  readonly extensionUri: vscode.Uri;
  /** Runs a rollout action with every guard of the tree's command (confirmation, read-only, protected context). */
  readonly runAction: (action: string, ref: ObjectRef) => Promise<ActionOutcome | undefined>;
  readonly series: SeriesSource;
  readonly openTemplate: (input: PanelInput, key: string) => Promise<void>;
  /** Backtests a metric of the rollout's runs with the run's arguments (asks the window, opens the report). */
  readonly backtest: (input: PanelInput, key: string) => Promise<void>;
}

type Message<K extends ToHost['type']> = Extract<ToHost, { type: K }>;

export class RolloutPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  /** The store subscriptions and the namespace watch; replaced when the session changes. */
  private storeHolds: (() => void)[] = [];
  private watchedStore: RolloutStore | undefined;
  /** In-flight series queries by metric key: a newer request for a key, or closing, aborts them. */
  private readonly queries = new Map<string, AbortController>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A state is owed to the page (it changed while hidden, or before the page was ready). */
  private owed = true;
  private ready = false;
  private disposed = false;
  private lastState: PanelState | undefined;
  /** The rollout as last seen, shown (under a problem) when the cluster is gone or switched. */
  private lastSeen: { rollout: unknown; related: RelatedObjects } | undefined;
  private stepBeforeAbort: number | undefined;
  private readonly postedMessages: ToWebview[] = [];
  private readonly postedEmitter = new vscode.EventEmitter<ToWebview>();
  private readonly closedEmitter = new vscode.EventEmitter<void>();
  private readonly readyEmitter = new vscode.EventEmitter<boolean>();
  /** Fires after each message posted to the page. */
  readonly onDidPost = this.postedEmitter.event;
  /** Fires when the page says `ready` (true) and when it goes away with the hidden panel (false). */
  readonly onDidChangeReady = this.readyEmitter.event;
  readonly onDidClose = this.closedEmitter.event;

  constructor(
    private readonly deps: RolloutPanelDeps,
    readonly ref: ObjectRef,
    /** The kubeconfig context the panel belongs to: another context's same-named rollout is not this one. */
    readonly context: string,
  ) {
    this.panel = vscode.window.createWebviewPanel(ROLLOUT_PANEL_VIEW_TYPE, panelTitle(ref), vscode.ViewColumn.Active, {
      enableScripts: true,
      // The page is cheap to rebuild and asks for the state on `ready`: no hidden page kept in memory.
      retainContextWhenHidden: false,
      localResourceRoots: panelResourceRoots(deps.extensionUri),
    });
    this.panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'rollouts.svg');
    this.panel.webview.html = this.html();
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      this.panel.onDidChangeViewState(() => this.visibilityChanged()),
      deps.session.onDidChange(() => this.sessionChanged()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // The actions offered depend on read-only mode.
        if (e.affectsConfiguration('argoRollouts.readOnly')) this.schedule();
      }),
      this.postedEmitter,
      this.closedEmitter,
      this.readyEmitter,
    );
    this.sessionChanged();
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** The state last posted to the page (what the user sees), undefined before the first post. */
  get state(): PanelState | undefined {
    return this.lastState;
  }

  get posted(): readonly ToWebview[] {
    return this.postedMessages;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Handles a message as if the page sent it (the page's messages come through here too). */
  async receive(message: unknown): Promise<void> {
    if (this.disposed) return;
    if (!isToHost(message)) {
      // Not the content: a hostile page must not be able to write into the log.
      this.deps.log.warn(`panel ${this.label()}: dropped an invalid message from the webview`);
      return;
    }
    switch (message.type) {
      case 'ready': return this.onReady(message);
      case 'action': return this.onAction(message);
      case 'requestSeries': return this.onRequestSeries(message);
      case 'openTemplate': return this.onOpenTemplate(message);
      case 'backtest': return this.onBacktest(message);
      case 'openRule': return this.onOpenRule(message);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const q of this.queries.values()) q.abort();
    this.queries.clear();
    this.releaseStore();
    this.panel.dispose();
    this.closedEmitter.fire();
    for (const d of this.disposables) d.dispose();
  }

  // ---- messages from the page

  private onReady(m: Message<'ready'>): void {
    if (m.protocol !== PROTOCOL_VERSION) this.deps.log.warn(`panel ${this.label()}: the page speaks protocol ${m.protocol}, the host ${PROTOCOL_VERSION}`);
    this.ready = true;
    this.owed = true;
    this.postState();
    this.readyEmitter.fire(true);
  }

  private async onAction(m: Message<'action'>): Promise<void> {
    const offered = this.lastState?.actions.find((a) => a.id === m.action);
    if (!offered?.enabled) {
      this.deps.log.warn(`panel ${this.label()}: action ${m.action} is not enabled in the state the panel shows; nothing was run`);
      return;
    }
    const outcome = await this.deps.runAction(m.action, this.ref);
    this.deps.log.info(`panel ${this.label()}: ${m.action} ${outcome?.status ?? 'not available'}`);
  }

  private async onRequestSeries(m: Message<'requestSeries'>): Promise<void> {
    const plan = planSeries(this.input(), m.key, m.widthPx);
    if ('error' in plan) return this.post({ type: 'series', series: { status: 'error', key: m.key, where: '', message: plan.error } });
    this.queries.get(m.key)?.abort();
    const controller = new AbortController();
    this.queries.set(m.key, controller);
    let view: SeriesView;
    try {
      view = await this.deps.series(plan, controller.signal);
    } catch (e) {
      view = { status: 'error', key: m.key, where: plan.address ?? '', message: e instanceof Error ? e.message : String(e) };
    } finally {
      if (this.queries.get(m.key) === controller) this.queries.delete(m.key);
    }
    // A closed panel or a superseded request has nobody waiting for this answer.
    if (!controller.signal.aborted) this.post({ type: 'series', series: view });
  }

  private async onOpenTemplate(m: Message<'openTemplate'>): Promise<void> {
    try {
      await this.deps.openTemplate(this.input(), m.key);
    } catch (e) {
      this.deps.log.error(`panel ${this.label()}: opening the template of ${m.key} failed`, e);
    }
  }

  private async onBacktest(m: Message<'backtest'>): Promise<void> {
    // As with actions: only what the shown state offers (a hostile page cannot pick another query).
    const offered = this.lastState?.analysisRuns.some((r) => r.metrics.some((x) => x.key === m.key && x.hasSeries)) ?? false;
    if (!offered) {
      this.deps.log.warn(`panel ${this.label()}: backtest of a metric the panel does not offer; nothing was run`);
      return;
    }
    try {
      await this.deps.backtest(this.input(), m.key);
    } catch (e) {
      this.deps.log.error(`panel ${this.label()}: the backtest of ${m.key} failed`, e);
    }
  }

  /** The rule's text in the README's preview, at its anchor (the same target a diagnostic's rule link has). */
  private async onOpenRule(m: Message<'openRule'>): Promise<void> {
    const uri = vscode.Uri.joinPath(this.deps.extensionUri, 'README.md').with({ fragment: `rule-${m.rule}` });
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch (e) {
      this.deps.log.error(`panel ${this.label()}: opening the text of rule ${m.rule} failed`, e);
    }
  }

  // ---- live state

  private sessionChanged(): void {
    const s = this.deps.session.state;
    const store = s.kind === 'connected' && s.contexts.currentContext === this.context ? s.store : undefined;
    // A namespace switch fires too, with the same store: the watch stays.
    if (store !== this.watchedStore) {
      this.releaseStore();
      if (store) this.holdStore(store);
    }
    this.schedule();
  }

  private holdStore(store: RolloutStore): void {
    const { namespace } = this.ref;
    this.watchedStore = store;
    this.noteStep(store);
    this.storeHolds = [
      store.watchNamespace(namespace),
      store.onChange((c) => {
        if (c.namespace !== namespace) return;
        this.noteStep(store);
        this.schedule();
      }),
      store.onError((e) => {
        if (e.namespace === namespace) this.schedule();
      }),
    ];
  }

  /**
   * Remembers the step while the rollout is not aborted, even while the panel is hidden: Argo resets
   * `currentStepIndex` to 0 when it aborts, so this is the only way to show where a background
   * analysis stopped the canary.
   */
  private noteStep(store: RolloutStore): void {
    const rollout = store.rollout(this.ref.namespace, this.ref.name)?.rollout;
    if (at(rollout, 'status', 'abort') === true) return;
    const index = at(rollout, 'status', 'currentStepIndex');
    this.stepBeforeAbort = typeof index === 'number' ? index : undefined;
  }

  private releaseStore(): void {
    for (const release of this.storeHolds) release();
    this.storeHolds = [];
    this.watchedStore = undefined;
  }

  private visibilityChanged(): void {
    if (!this.panel.visible) {
      // Without retainContextWhenHidden the page is gone: it says `ready` again when shown. Its next
      // load gets a fresh nonce (set now, while hidden, so showing it loads only once).
      this.ready = false;
      this.owed = true;
      this.panel.webview.html = this.html();
      this.readyEmitter.fire(false);
      return;
    }
    if (this.ready && this.owed) this.postState();
  }

  // A batch window, not a debounce that restarts: a busy rollout must not starve the panel.
  private schedule(): void {
    this.owed = true;
    if (this.disposed || this.timer || !this.ready || !this.panel.visible) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.postState();
    }, COALESCE_MS);
  }

  private postState(): void {
    if (this.disposed || !this.ready || !this.panel.visible) return;
    this.owed = false;
    let state: PanelState;
    try {
      state = buildPanelState(this.input());
    } catch (e) {
      this.deps.log.error(`panel ${this.label()}: building the state failed`, e);
      return;
    }
    this.lastState = state;
    this.post({ type: 'state', protocol: PROTOCOL_VERSION, state });
  }

  /** What the panel knows now, with the reason it may be stale. */
  private input(): PanelInput {
    const { namespace, name } = this.ref;
    const s = this.deps.session.state;
    let problem: string | undefined;
    if (s.kind === 'connected' && s.contexts.currentContext === this.context) {
      const entry = s.store.rollout(namespace, name);
      const error = s.store.lastError(namespace);
      if (entry) this.lastSeen = entry;
      else if (!error && s.store.isSynced(namespace)) this.lastSeen = undefined; // gone: buildPanelState says so
      else if (!error && !this.lastSeen) problem = `Loading rollout ${namespace}/${name}…`;
      if (error) problem = error.message;
    } else if (s.kind === 'connected') {
      problem = `Context switched to "${s.contexts.currentContext}": this panel shows rollout ${namespace}/${name} of context "${this.context}" as last seen.`;
    } else if (s.kind === 'failed') {
      problem = s.error.message;
    } else {
      problem = 'Not connected to a cluster.';
    }
    return {
      context: this.context,
      namespace,
      name,
      rollout: this.lastSeen?.rollout,
      related: this.lastSeen?.related ?? {},
      now: Date.now(),
      readOnly: readActionSettings().readOnly,
      ...(problem !== undefined ? { problem } : {}),
      ...(this.stepBeforeAbort !== undefined ? { lastStepBeforeAbort: this.stepBeforeAbort } : {}),
    };
  }

  private post(message: ToWebview): void {
    if (this.disposed) return;
    this.postedMessages.push(message);
    if (this.postedMessages.length > KEEP_POSTED) this.postedMessages.shift();
    void this.panel.webview.postMessage(message);
    this.postedEmitter.fire(message);
  }

  private html(): string {
    return renderPanelHtml(this.panel.webview, this.deps.extensionUri, panelTitle(this.ref), newNonce());
  }

  private label(): string {
    return `${this.ref.namespace}/${this.ref.name}`;
  }
}

/** Names the namespace too: two namespaces often run a rollout of the same name (staging and production). */
function panelTitle(ref: ObjectRef): string {
  return `Rollout ${ref.namespace}/${ref.name}`;
}
