import * as vscode from 'vscode';
import type { LintController } from '../diagnostics/lintController';
import type { WorkspaceIndexer } from '../diagnostics/workspaceIndexer';
import type { Logger } from '../log';

/** Lints every Argo file of the workspace (after the start-up scan) and shows the Problems panel. */
export const lintWorkspace = (d: { controller: LintController; indexer: WorkspaceIndexer; log: Logger }) => async (): Promise<void> => {
  await d.indexer.ready;
  const { files, findings } = await d.controller.lintAll();
  d.log.info(`lint workspace: ${files} Argo file(s), ${findings} finding(s)`);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  if (files === 0) void vscode.window.showInformationMessage('Argo Rollouts: no Argo Rollouts manifests found in this workspace.');
};
