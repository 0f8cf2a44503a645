// `$(server-environment) <short context>: <namespace>` in the status bar; a click picks context, then
// namespace. Shown once the cluster session has started (the Rollouts view opened or a cluster
// command ran): before that the kubeconfig is not read, so activation stays free of the cluster client.
import * as vscode from 'vscode';
import { shortContextName } from '../../core/kube/contextNames';
import { selectionLabel } from '../../core/tree/namespaceSelection';
import { commandIds } from '../commandIds';
import type { ClusterSession } from '../cluster/clusterSession';
import { readClusterSettings } from '../cluster/clusterSettings';

export class ContextStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('argoRollouts.context', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: ClusterSession) {
    this.item.name = 'Argo Rollouts: Kubernetes Context';
    this.item.command = commandIds.selectContextAndNamespace;
    this.subscription = session.onDidChange(() => this.update());
    this.update();
  }

  /** The text shown now ('' while hidden); tests read it. */
  get text(): string {
    return this.session.started ? this.item.text : '';
  }

  update(): void {
    const state = this.session.state;
    if (state.kind === 'stopped') return this.item.hide();
    const contexts = state.contexts;
    if (!contexts || contexts.currentContext === '') {
      this.item.text = '$(server-environment) no context';
      this.item.tooltip = state.kind === 'failed' ? state.error.message : 'Pick a Kubernetes context';
    } else {
      const namespace = selectionLabel(readClusterSettings().namespaces, contexts.currentNamespace);
      this.item.text = `$(server-environment) ${shortContextName(contexts.currentContext)}: ${namespace}`;
      this.item.tooltip = `Kubernetes context ${contexts.currentContext}, ${namespace === 'all namespaces' ? namespace : `namespace ${namespace}`}. Click to switch.`
        + (state.kind === 'failed' ? `\n${state.error.message}` : '');
    }
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
