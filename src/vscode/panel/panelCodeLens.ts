// "Open panel" above each `kind: Rollout` line whose rollout is live in the watched namespaces (the
// store answers from memory, so a lens never makes a request). Lenses are re-asked when the session
// changes or rollouts appear or disappear, batched so a busy cluster does not re-render editors.
import * as vscode from 'vscode';
import type { RolloutStore } from '../../kube/rolloutStore';
import type { ClusterSession } from '../cluster/clusterSession';
import { commandIds } from '../commandIds';
import { rolloutDocumentRefs } from './rolloutDocumentRefs';

const REFRESH_MS = 500;

export class PanelCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private storeOff: (() => void) | undefined;
  private store: RolloutStore | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly session: ClusterSession) {
    this.subscription = session.onDidChange(() => {
      this.follow();
      this.changed.fire();
    });
    this.follow();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const state = this.session.state;
    if (state.kind !== 'connected') return [];
    const lenses: vscode.CodeLens[] = [];
    for (const ref of rolloutDocumentRefs(document.getText())) {
      const namespace = ref.namespace ?? state.contexts.currentNamespace;
      if (!state.store.rollout(namespace, ref.name)) continue;
      const range = document.lineAt(document.positionAt(ref.offset).line).range;
      lenses.push(new vscode.CodeLens(range, { title: 'Open panel', tooltip: `Open the rollout panel of ${namespace}/${ref.name}`, command: commandIds.openPanel, arguments: [namespace, ref.name] }));
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
      // Only a rollout coming or going changes which lenses exist.
      if (c.kind === 'rollouts' && c.changes.some((x) => x.type !== 'modified')) this.refreshSoon();
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
