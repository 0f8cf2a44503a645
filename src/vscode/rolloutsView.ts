// The "Rollouts" view in the Argo Rollouts container. Until the cluster view arrives it has no
// items, so VS Code shows its welcome content (package.json `viewsWelcome`); registering an empty
// provider is what lets the welcome content appear instead of a "no data provider" message.
import * as vscode from 'vscode';

export const ROLLOUTS_VIEW_ID = 'argoRollouts.rollouts';

export function registerRolloutsView(context: vscode.ExtensionContext): void {
  const provider: vscode.TreeDataProvider<never> = {
    getTreeItem: (element) => element,
    getChildren: () => [],
  };
  context.subscriptions.push(vscode.window.registerTreeDataProvider(ROLLOUTS_VIEW_ID, provider));
}
