// "Open panel" above each `kind: Rollout` line whose rollout is live in the watched namespaces (the
// store answers from memory, so a lens never makes a request). Lenses are re-asked when the session
// changes or rollouts appear or disappear, batched so a busy cluster does not re-render editors.
import * as vscode from 'vscode';
import type { RolloutStore } from '../../kube/rolloutStore';
import type { ClusterSession } from '../cluster/clusterSession';
import { commandIds } from '../commandIds';
import { rolloutDocumentRefs } from './rolloutDocumentRefs';
import { onDidChangeRenderedRollouts, renderedRolloutRefs } from '../render/renderedRollouts';
import { whyStuck } from '../../core/stuck/whyStuck';

const REFRESH_MS = 500;

export class PanelCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private storeOff: (() => void) | undefined;
  private store: RolloutStore | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The kind of stuck each lens last showed: a modified rollout re-renders lenses only when it changes. */
  private readonly shown = new Map<string, string | undefined>();

  constructor(private readonly session: ClusterSession) {
    const rendered = onDidChangeRenderedRollouts(() => this.changed.fire());
    const sessionChanged = session.onDidChange(() => {
      this.follow();
      this.changed.fire();
    });
    // A Helm template's Rollout is named once its chart is rendered: its lens comes then.
    this.subscription = vscode.Disposable.from(sessionChanged, rendered);
    this.follow();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const state = this.session.state;
    if (state.kind !== 'connected') return [];
    const lenses: vscode.CodeLens[] = [];
    const text = document.getText();
    const written = rolloutDocumentRefs(text);
    const rendered = renderedRolloutRefs(document.uri, text).filter((r) => !written.some((w) => w.offset === r.offset && w.name === r.name));
    for (const ref of [...written, ...rendered]) {
      const namespace = ref.namespace ?? state.contexts.currentNamespace;
      const live = state.store.rollout(namespace, ref.name);
      if (!live) continue;
      const range = document.lineAt(document.positionAt(ref.offset).line).range;
      // Hovering the lens says why the rollout waits, when it does.
      const stuck = whyStuck(live.rollout, live.related, Date.now());
      const tooltip = `Open the rollout panel of ${namespace}/${ref.name}${stuck !== undefined ? `\nWhy it waits: ${stuck.sentence}\nNext: ${stuck.next}` : ''}`;
      this.shown.set(`${namespace}/${ref.name}`, stuck?.kind);
      lenses.push(new vscode.CodeLens(range, { title: 'Open panel', tooltip, command: commandIds.openPanel, arguments: [namespace, ref.name] }));
    }
    return lenses;
  }

  dispose(): void {
    this.storeOff?.();
    if (this.timer) clearTimeout(this.timer);
    this.subscription.dispose();
    this.changed.dispose();
  }

  private follow(): void {
    const state = this.session.state;
    const store = state.kind === 'connected' ? state.store : undefined;
    if (store === this.store) return;
    this.storeOff?.();
    this.store = store;
    this.storeOff = store?.onChange((c) => {
      // A rollout coming or going changes which lenses exist; any other change only a hover, when the reason a rollout waits changes.
      if ((c.kind === 'rollouts' && c.changes.some((x) => x.type !== 'modified')) || this.stuckChanged(c.namespace)) this.refreshSoon();
    });
  }

  /** Whether the reason a shown rollout of the namespace waits (or that it waits at all) differs from what its lens says. */
  private stuckChanged(namespace: string): boolean {
    const store = this.store;
    if (!store) return false;
    return [...this.shown].some(([key, kind]) => {
      const [ns, name] = key.split('/');
      if (ns !== namespace || name === undefined) return false;
      const live = store.rollout(ns, name);
      return (live === undefined ? undefined : whyStuck(live.rollout, live.related, Date.now())?.kind) !== kind;
    });
  }

  private refreshSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.changed.fire();
    }, REFRESH_MS);
  }
}
