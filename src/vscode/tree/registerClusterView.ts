// Builds the live cluster view: the session (lazy: nothing is read until the view shows or a cluster
// command runs), the Rollouts tree, the context status bar item, and the settings that affect them.
import * as vscode from 'vscode';
import { ClusterSession } from '../cluster/clusterSession';
import { ContextSessions } from '../cluster/contextSessions';
import type { Logger } from '../log';
import { ContextStatusBar } from '../statusBar/contextStatusBar';
import { clusterCommands, type ClusterCommands } from './clusterCommands';
import { RolloutsTreeProvider } from './rolloutsTreeProvider';

export const ROLLOUTS_VIEW_ID = 'argoRollouts.rollouts';

export interface ClusterView {
  readonly session: ClusterSession;
  /** The sessions of `argoRollouts.contexts` (none when the setting is empty). */
  readonly contexts: ContextSessions;
  readonly tree: RolloutsTreeProvider;
  readonly statusBar: ContextStatusBar;
  readonly commands: ClusterCommands;
  /** Shows the view and selects a rollout's row (after a launch). */
  reveal(namespace: string, name: string): Promise<void>;
  /** The view's badge as last set (the extension-host tests read it). */
  badge(): vscode.ViewBadge | undefined;
}

export function registerClusterView(context: vscode.ExtensionContext, log: Logger): ClusterView {
  const session = new ClusterSession();
  const contexts = new ContextSessions();
  const tree = new RolloutsTreeProvider(session, context.workspaceState, contexts);
  const view = vscode.window.createTreeView(ROLLOUTS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const statusBar = new ContextStatusBar(session);
  tree.setVisible(view.visible);
  // Several contexts: the activity bar icon counts what waits for a person in any of them.
  const showBadge = (): void => {
    const badge = tree.badge();
    view.badge = badge ? { value: badge.value, tooltip: badge.tooltip } : undefined;
  };
  showBadge();
  context.subscriptions.push(
    session, tree, view, statusBar,
    // After the tree (disposed first): its sections stop listening before the sessions go.
    contexts,
    tree.onDidChangeAttention(showBadge),
    view.onDidChangeVisibility((e) => tree.setVisible(e.visible)),
    session.onDidChange((state) => {
      if (state.kind === 'failed') log.warn(`cluster: ${state.error.message}`);
      else if (state.kind === 'connected') log.info(`cluster: context ${state.contexts.currentContext}, namespace ${state.contexts.currentNamespace}`);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('argoRollouts.contexts')) contexts.update();
      if (e.affectsConfiguration('argoRollouts.kubeconfig')) contexts.reload();
      if (!session.started) return;
      if (e.affectsConfiguration('argoRollouts.kubeconfig')) session.reload();
      else if (e.affectsConfiguration('argoRollouts.namespaces')) {
        tree.namespacesChanged();
        statusBar.update();
      }
    }),
  );
  void vscode.commands.executeCommand('setContext', 'argoRollouts.attentionOnly', false);
  const reveal = async (namespace: string, name: string): Promise<void> => {
    await vscode.commands.executeCommand(`workbench.view.extension.argoRollouts`);
    // With several contexts shown, the row under the current context (where launches go), if it is one of them.
    const current = session.contexts()?.currentContext;
    if (tree.multiContext && (current === undefined || !contexts.names.includes(current))) return;
    await view.reveal(tree.rolloutElement(namespace, name, current), { select: true, focus: false, expand: false });
  };
  return { session, contexts, tree, statusBar, commands: clusterCommands(session, tree, contexts), reveal, badge: () => view.badge };
}
