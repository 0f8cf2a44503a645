// The open rollout panels, one per rollout (of a context): opening one again reveals it. Also the
// part of the extension's API the extension-host tests read: what each panel last posted and whether
// its page answered `ready`.
import * as vscode from 'vscode';
import type { ObjectRef } from '../../core/actions/kubeRequest';
import type { PanelState, ToWebview } from '../../shared/protocol';
import type { ClusterSession } from '../cluster/clusterSession';
import { RolloutPanel, type RolloutPanelDeps } from './rolloutPanel';

/** A panel of a context shown side by side (`argoRollouts.contexts`): its session, its series, its actions. */
export interface PanelContext {
  readonly session: ClusterSession;
  readonly deps: Pick<RolloutPanelDeps, 'series' | 'runAction' | 'backtest'>;
}

export interface PanelPost {
  readonly namespace: string;
  readonly name: string;
  readonly message: ToWebview;
}

/** For tests and other extensions; `namespace`/`name` address the panel of the current context first. */
export interface PanelsApi {
  /** Opens the rollout's panel, or reveals it when open. */
  open(namespace: string, name: string): Promise<void>;
  isOpen(namespace: string, name: string): boolean;
  /** The state last posted to the page, undefined before the first post. */
  stateOf(namespace: string, name: string): PanelState | undefined;
  /** The page has loaded and said `ready` (and has not been hidden since). */
  webviewReady(namespace: string, name: string): boolean;
  /** The last messages posted to the page, oldest first. */
  postedMessages(namespace: string, name: string): readonly ToWebview[];
  /** Fires after every message posted to any panel's page. */
  readonly onDidPost: vscode.Event<PanelPost>;
  /** Fires when a panel's page says `ready`, or goes away with the hidden panel. */
  readonly onDidChangeReady: vscode.Event<ObjectRef>;
  /** Fires when a panel was closed and disposed. */
  readonly onDidClose: vscode.Event<ObjectRef>;
  /** Handles `message` as if the panel's page had sent it: validated and guarded the same way. */
  receive(namespace: string, name: string, message: unknown): Promise<void>;
  close(namespace: string, name: string): void;
}

export class RolloutPanels implements vscode.Disposable, PanelsApi {
  private readonly panels = new Map<string, RolloutPanel>();
  private readonly postEmitter = new vscode.EventEmitter<PanelPost>();
  private readonly closeEmitter = new vscode.EventEmitter<ObjectRef>();
  private readonly readyEmitter = new vscode.EventEmitter<ObjectRef>();
  readonly onDidPost = this.postEmitter.event;
  readonly onDidChangeReady = this.readyEmitter.event;
  readonly onDidClose = this.closeEmitter.event;

  constructor(private readonly deps: RolloutPanelDeps) {}

  /** The panel of the rollout in the current context (or in `pinned`'s), created when none is open. */
  show(ref: ObjectRef, pinned?: PanelContext): RolloutPanel {
    const context = pinned?.session.pinnedContext ?? this.currentContext();
    const key = keyOf(context, ref);
    const open = this.panels.get(key);
    if (open) {
      open.reveal();
      return open;
    }
    const deps = pinned ? { ...this.deps, session: pinned.session, ...pinned.deps } : this.deps;
    const panel = new RolloutPanel(deps, { namespace: ref.namespace, name: ref.name }, context);
    this.panels.set(key, panel);
    const posted = panel.onDidPost((message) => this.postEmitter.fire({ namespace: ref.namespace, name: ref.name, message }));
    const ready = panel.onDidChangeReady(() => this.readyEmitter.fire({ namespace: ref.namespace, name: ref.name }));
    const closed = panel.onDidClose(() => {
      posted.dispose();
      ready.dispose();
      closed.dispose();
      if (this.panels.get(key) === panel) this.panels.delete(key);
      this.closeEmitter.fire({ namespace: ref.namespace, name: ref.name });
    });
    return panel;
  }

  open(namespace: string, name: string): Promise<void> {
    this.show({ namespace, name });
    return Promise.resolve();
  }

  isOpen(namespace: string, name: string): boolean {
    return this.find(namespace, name) !== undefined;
  }

  stateOf(namespace: string, name: string): PanelState | undefined {
    return this.find(namespace, name)?.state;
  }

  webviewReady(namespace: string, name: string): boolean {
    return this.find(namespace, name)?.isReady ?? false;
  }

  postedMessages(namespace: string, name: string): readonly ToWebview[] {
    return this.find(namespace, name)?.posted ?? [];
  }

  async receive(namespace: string, name: string, message: unknown): Promise<void> {
    await this.find(namespace, name)?.receive(message);
  }

  close(namespace: string, name: string): void {
    this.find(namespace, name)?.dispose();
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.postEmitter.dispose();
    this.closeEmitter.dispose();
    this.readyEmitter.dispose();
  }

  private find(namespace: string, name: string): RolloutPanel | undefined {
    const current = this.panels.get(keyOf(this.currentContext(), { namespace, name }));
    return current ?? [...this.panels.values()].find((p) => p.ref.namespace === namespace && p.ref.name === name);
  }

  private currentContext(): string {
    return this.deps.session.contexts()?.currentContext ?? '';
  }
}

function keyOf(context: string, ref: ObjectRef): string {
  return JSON.stringify([context, ref.namespace, ref.name]);
}
