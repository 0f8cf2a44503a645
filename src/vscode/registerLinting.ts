// Wires the lint controller to editor events, settings, and the language features.
import * as vscode from 'vscode';
import { onDidChangeSettings, readSettings } from './config';
import { LintController } from './diagnostics/lintController';
import { WorkspaceIndexer } from './diagnostics/workspaceIndexer';
import { LintCodeActions } from './language/codeActions';
import { LintHovers } from './language/hovers';
import type { Logger } from './log';

const SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'json' }, { language: 'jsonc' }, { language: 'helm' }];

export function registerLinting(context: vscode.ExtensionContext, log: Logger): { controller: LintController; indexer: WorkspaceIndexer } {
  const controller = new LintController(readSettings(), context.extensionUri, log);
  const indexer = new WorkspaceIndexer(controller, log);
  context.subscriptions.push(
    controller,
    indexer,
    vscode.workspace.onDidOpenTextDocument((d) => controller.lintDocument(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || !controller.isLintable(e.document)) return;
      controller.recordChanges(e);
      controller.schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (controller.isLintable(d)) controller.closeDocument(d);
    }),
    onDidChangeSettings((s) => controller.updateSettings(s)),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new LintCodeActions(controller), LintCodeActions.metadata),
    vscode.languages.registerHoverProvider(SELECTOR, new LintHovers(controller, context.extensionUri)),
  );
  // Documents already open when the extension activates (the one that activated it, for a start).
  for (const d of vscode.workspace.textDocuments) controller.lintDocument(d);
  return { controller, indexer };
}
